/**
 * Outage lifecycle: turns each evaluation's candidates into raised, updated and cleared outages.
 *
 * Layout: `active` maps a window key (`provider|region`) to `{outage, lastFail}` (lastFail = latest failure
 * among its sites, used to date the end when the failures simply age out); `history` lists cleared outages,
 * oldest first, capped at `maxHistory`, each with since / end / durationMs.
 */
import { describeCrowd, describeOutageSites, describeStatus, getPlaceName } from './evidence';
import type { OutageCandidate } from './outages';
import type { Outage } from './types';

export interface ActiveOutage {
  key: string;
  outage: Outage;
  lastFail: number;
}

export interface OutageLogSnapshot {
  active: ActiveOutage[];
  history: Outage[];
}

export interface OutageLog {
  reconcile(candidates: readonly OutageCandidate[], now: number): void;
  getActive(): ActiveOutage[];
  activeKeys(): ReadonlySet<string>;
  getHistory(): Outage[];
  toJSON(): OutageLogSnapshot;
}

export function copyOutage(o: Outage): Outage {
  return {
    ...o,
    failingSites: [...o.failingSites],
    healthySites: [...o.healthySites],
    sources: [...o.sources],
    evidence: [...o.evidence],
  };
}

/** Sentences describing why an outage is suspected. */
export function describeCandidate(c: OutageCandidate, now: number): string[] {
  const place = getPlaceName(c.provider, c.region);
  const earliest = Math.min(...c.failing.map((f) => f.since));
  const out = [
    describeOutageSites(
      place,
      c.failing.map((f) => f.site),
      c.healthy.length,
      earliest,
      now,
      false,
    ),
  ];
  for (const s of c.support.status) out.push(describeStatus(s));
  if (c.support.crowd && (c.support.spike || c.support.quiet)) out.push(describeCrowd(c.support.crowd));
  return out;
}

export function createOutageLog(
  opts: { windowMs: number; maxHistory: number },
  from?: OutageLogSnapshot,
): OutageLog {
  const active = new Map<string, ActiveOutage>();
  for (const a of from?.active ?? [])
    active.set(a.key, { key: a.key, lastFail: a.lastFail, outage: copyOutage(a.outage) });
  const history: Outage[] = (from?.history ?? []).map(copyOutage);
  let keys: ReadonlySet<string> = new Set(active.keys());

  return {
    reconcile(candidates, now) {
      const seen = new Set<string>();
      for (const c of candidates) {
        seen.add(c.key);
        const sources: Outage['sources'] = ['local'];
        if (c.support.status.length > 0) sources.push('status');
        if (c.support.spike) sources.push('crowd');
        const since = Math.min(...c.failing.map((f) => f.since));
        const lastFail = Math.max(...c.failing.map((f) => f.lastFail));
        const prev = active.get(c.key);
        const outage: Outage = {
          provider: c.provider,
          region: c.region,
          since: prev ? Math.min(prev.outage.since, since) : since,
          detectedAt: prev?.outage.detectedAt ?? now,
          confidence: c.confidence,
          failingSites: c.failing.map((f) => f.site),
          healthySites: [...c.healthy],
          sources,
          evidence: describeCandidate(c, now),
        };
        active.set(c.key, { key: c.key, outage, lastFail: Math.max(prev?.lastFail ?? lastFail, lastFail) });
      }
      for (const [key, a] of active) {
        if (seen.has(key)) continue;
        const end = Math.max(a.outage.since, Math.min(now, a.lastFail + opts.windowMs));
        history.push({ ...copyOutage(a.outage), end, durationMs: end - a.outage.since });
        if (history.length > opts.maxHistory) history.shift();
        active.delete(key);
      }
      keys = new Set(active.keys());
    },
    getActive: () => [...active.values()],
    activeKeys: () => keys,
    getHistory: () => history.map(copyOutage),
    toJSON: () => ({
      active: [...active.values()].map((a) => ({
        key: a.key,
        lastFail: a.lastFail,
        outage: copyOutage(a.outage),
      })),
      history: history.map(copyOutage),
    }),
  };
}
