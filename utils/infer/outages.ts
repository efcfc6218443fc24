/**
 * Outage detection: which (provider, region) pairs look down right now, from the windows and outside signals.
 *
 * Rules (design.md §1 step 4):
 * - Independent sites = distinct registrable domains. `minSites` (3) failing on one key within the window
 *   raise a suspected outage even while other sites there still load, as long as at most one of them has
 *   failed only once so far (lone one-off failures weigh half: weight >= minSites - 0.5, see getFailingWeight);
 *   a raised outage holds while `holdSites` (2) still fail.
 * - A key reached only through one platform (three Vercel sites counting toward AWS us-east-1) does not name
 *   that root without direct evidence or a second path: then the platform itself is the outage.
 * - An official `outage` status or a crowd spike lets 1 failing site carry an outage; a `degraded` status 2.
 * - Failures on >= 2 regions of one provider (with none or several regions raised on their own) name the
 *   provider without a region; region-less keys (global CDN, front door, DNS) are provider-wide anyway, but
 *   sites a raised regional outage already explains do not count toward the provider-wide key.
 * - Failures inside a local-network episode never count.
 *
 * Confidence (0..1, two decimals):
 *   local = (1 - 0.75 * 0.6^(f-1)) * (0.7 + 0.3 * f/(f+h))  f failing, h healthy sites on the key
 *           x 0.8 when the evidence comes through a single platform path
 *   status outage: c = 1 - (1-c)*0.4; degraded: 1 - (1-c)*0.6; crowd spike: 1 - (1-c)*0.5;
 *   crowd near baseline: c * 0.85; capped at 0.99.
 */
import type { EngineOptions } from './options';
import type { Signals, Support } from './signals';
import { getMarkState, type KeyWindow, type SiteMark, type Windows } from './windows';

export interface FailingSite {
  site: string;
  /** Failed requests in the site's current streak on this key. */
  fails: number;
  /** Start of the site's current failure streak on this key. */
  since: number;
  lastFail: number;
  group: string;
}

export interface OutageCandidate {
  key: string;
  provider: string;
  region: string | null;
  /** Regions whose windows fed this candidate (one for regional, several for provider-wide). */
  regions: Array<string | null>;
  failing: FailingSite[];
  healthy: string[];
  support: Support;
  directEvidence: boolean;
  confidence: number;
}

export interface DetectInput {
  windows: Windows;
  signals: Signals;
  /** True when a failure at this time fell inside a local-network episode. */
  isExcluded(time: number): boolean;
  /** Keys of outages already raised (for the hold threshold). */
  active: ReadonlySet<string>;
  now: number;
  opts: EngineOptions;
}

interface KeyTally {
  w: KeyWindow;
  failing: Map<string, FailingSite>;
}

/** Failing sites on a key, read from its short list of recent failures rather than every mark. */
function tallyKey(w: KeyWindow, input: DetectInput): KeyTally {
  const failing = new Map<string, FailingSite>();
  for (const site of input.windows.getRecentFailures(w, input.now)) {
    const m = w.sites.get(site);
    if (!m || getMarkState(m, input.now, input.opts) !== 'failing' || input.isExcluded(m.lastFail ?? 0))
      continue;
    failing.set(site, toFailing(site, m));
  }
  return { w, failing };
}

/** Sites that load on a key (full scan: only done for a key that already passes as an outage). */
function getHealthy(w: KeyWindow, input: DetectInput, into: Set<string>): void {
  for (const [site, m] of w.sites) if (getMarkState(m, input.now, input.opts) === 'healthy') into.add(site);
}

function toFailing(site: string, m: SiteMark): FailingSite {
  const lastFail = m.lastFail ?? 0;
  return { site, fails: m.streakFails, since: m.streakStart ?? lastFail, lastFail, group: m.group };
}

function hasDirectEvidence(failing: Iterable<FailingSite>): boolean {
  const groups = new Set<string>();
  for (const f of failing) groups.add(f.group);
  return groups.has('direct') || groups.size >= 2;
}

/**
 * Local evidence weight: a site whose current streak has >= 2 failed requests counts 1, and so does a one-off
 * failure inside a burst, i.e. with at least `minSites - 1` other failing sites failing within `burstMs` of it
 * (independent sites breaking together is the outage signal itself); any other one-off counts 0.5 (ordinary
 * days have scattered one-off failures; real outages make sites fail again and again, or many at once).
 */
export function getFailingWeight(failing: readonly FailingSite[], burstMs: number, minSites: number): number {
  let w = 0;
  for (const f of failing) {
    if (f.fails >= 2) {
      w += 1;
      continue;
    }
    let near = 0;
    for (const o of failing) if (o !== f && Math.abs(o.lastFail - f.lastFail) <= burstMs) near++;
    w += near >= minSites - 1 ? 1 : 0.5;
  }
  return w;
}

function passes(
  failing: FailingSite[],
  direct: boolean,
  support: Support,
  active: boolean,
  opts: EngineOptions,
): boolean {
  const f = failing.length;
  if (f === 0) return false;
  if (support.outage || support.spike) return true;
  if (support.degraded && f >= 2) return true;
  if (!direct) return false;
  return active
    ? f >= opts.holdSites
    : f >= opts.minSites && getFailingWeight(failing, opts.burstMs, opts.minSites) >= opts.minSites - 0.5;
}

export function getOutageConfidence(f: number, h: number, direct: boolean, support: Support): number {
  let c = (1 - 0.75 * 0.6 ** (f - 1)) * (0.7 + (0.3 * f) / (f + h));
  if (!direct) c *= 0.8;
  if (support.outage) c = 1 - (1 - c) * 0.4;
  else if (support.degraded) c = 1 - (1 - c) * 0.6;
  if (support.spike) c = 1 - (1 - c) * 0.5;
  else if (support.quiet) c *= 0.85;
  return Math.round(Math.min(0.99, Math.max(0, c)) * 100) / 100;
}

function toCandidate(
  key: string,
  provider: string,
  region: string | null,
  tallies: KeyTally[],
  input: DetectInput,
): OutageCandidate | null {
  const failing = new Map<string, FailingSite>();
  const healthy = new Set<string>();
  for (const t of tallies) {
    for (const f of t.failing.values()) {
      const prev = failing.get(f.site);
      if (!prev) failing.set(f.site, { ...f });
      else {
        prev.since = Math.min(prev.since, f.since);
        prev.lastFail = Math.max(prev.lastFail, f.lastFail);
        prev.fails = Math.max(prev.fails, f.fails);
        if (f.group === 'direct') prev.group = 'direct';
      }
    }
  }
  const regions = tallies.map((t) => t.w.region);
  const support = input.signals.getSupport(
    provider,
    region === null ? [...regions, null] : [region],
    input.now,
  );
  const list = [...failing.values()];
  const direct = hasDirectEvidence(list);
  if (!passes(list, direct, support, input.active.has(key), input.opts)) return null;
  for (const t of tallies) getHealthy(t.w, input, healthy);
  for (const s of failing.keys()) healthy.delete(s);
  return {
    key,
    provider,
    region,
    regions,
    failing: list.sort((a, b) => a.since - b.since || (a.site < b.site ? -1 : 1)),
    healthy: [...healthy].sort(),
    support,
    directEvidence: direct,
    confidence: getOutageConfidence(failing.size, healthy.size, direct, support),
  };
}

/** The outages the evidence supports at `now`, most confident first. */
export function detectOutages(input: DetectInput): OutageCandidate[] {
  const byProvider = new Map<string, { regional: KeyTally[]; global: KeyTally | null }>();
  const since = input.now - input.opts.windowMs;
  for (const w of input.windows.all()) {
    if (w.lastFail === null || w.lastFail < since) continue;
    const t = tallyKey(w, input);
    if (t.failing.size === 0) continue;
    const p = byProvider.get(w.provider) ?? { regional: [], global: null };
    if (w.region === null) p.global = t;
    else p.regional.push(t);
    byProvider.set(w.provider, p);
  }
  const out: OutageCandidate[] = [];
  for (const [provider, p] of byProvider) {
    p.regional.sort((a, b) => (a.w.key < b.w.key ? -1 : 1));
    const raised = p.regional
      .map((t) => toCandidate(t.w.key, provider, t.w.region, [t], input))
      .filter((c): c is OutageCandidate => c !== null);
    if (p.regional.length >= 2 && raised.length !== 1) {
      const all = p.global ? [...p.regional, p.global] : p.regional;
      const wide = toCandidate(`${provider}|`, provider, null, all, input);
      if (wide) {
        out.push(wide);
        continue;
      }
    }
    out.push(...raised);
    if (p.global) {
      // A region-less attribution (a header, a global prefix) of sites a regional outage already explains adds
      // nothing: the regional outage is the more precise answer. Only what is left can raise its own.
      const explained = new Set(raised.flatMap((c) => c.failing.map((f) => f.site)));
      const rest: KeyTally = {
        ...p.global,
        failing: new Map([...p.global.failing].filter(([s]) => !explained.has(s))),
      };
      const g = toCandidate(p.global.w.key, provider, null, [rest], input);
      if (g) out.push(g);
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence || (a.key < b.key ? -1 : 1));
}
