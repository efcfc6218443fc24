/**
 * One site's verdict from the engine's current state (design.md §1 step 4).
 *
 * Order of questions: seen at all? (unknown) -> latest critical requests ok? (ok) -> did it fail while the
 * user's own connection or resolver was down? (local-network) -> is it among the failing sites of a raised
 * outage, or on a key with one? (provider-outage, naming the root of the dependency chain: an outage reached
 * through this site's `platform` attribution wins over the platform itself) -> do other sites on its
 * provider+region load? (site) -> otherwise unknown.
 *
 * Confidence: ok 0.9; local-network 0.95 (browser said so, or a probe confirmed); provider-outage = the
 * outage's confidence; site 0.5 + 0.1 per healthy neighbour (max 0.9); unknown 0.2.
 */
import {
  describeEpisode,
  describeFailure,
  describeNeighbours,
  describeOutageSites,
  getPlaceName,
} from './evidence';
import { parseWindowKey } from './keys';
import type { LocalNetworkDetector } from './local-network';
import type { ActiveOutage } from './outage-log';
import { getSiteFailures, type HostMark, type SiteHealth } from './site-health';
import type { Verdict } from './types';
import { getMarkState, type WindowRules, type Windows } from './windows';

export interface VerdictContext {
  windows: Windows;
  local: LocalNetworkDetector;
  active: readonly ActiveOutage[];
  rules: WindowRules;
}

interface FailingHost {
  host: string;
  mark: HostMark;
}

type SiteKey = HostMark['keys'][number];

/**
 * Keys the failure counted toward; when the failing host could not be placed at all (it never answered), the
 * keys of the site's other hosts stand in: a site's hosts usually live together.
 */
function getFailureKeys(s: SiteHealth, failing: readonly FailingHost[]): SiteKey[] {
  const keys = failing.flatMap((f) => f.mark.keys);
  if (keys.length > 0) return keys;
  return [...s.hosts.values()].flatMap((m) => m.keys.filter((k) => k.role !== 'dns'));
}

/** Outages that explain this site's failure, best (root of the chain) first. */
function findOutages(keys: readonly SiteKey[], ctx: VerdictContext): ActiveOutage[] {
  const scored: Array<{ a: ActiveOutage; score: number }> = [];
  for (const a of ctx.active) {
    const o = a.outage;
    const onKey = keys.filter((k) => {
      const { provider, region } = parseWindowKey(k.key);
      return provider === o.provider && (o.region === null || region === o.region);
    });
    if (onKey.length === 0) continue;
    // Root of a chain only when the site is directly on the platform the key was reached through; otherwise
    // what the site was seen on itself beats what was inherited (a service catalog's claim, say).
    const viaPlatform = onKey.some(
      (k) =>
        k.role === 'platform' &&
        keys.some((d) => d.group === 'direct' && parseWindowKey(d.key).provider === k.group),
    );
    const direct = onKey.some((k) => k.group === 'direct');
    scored.push({ a, score: (viaPlatform ? 10 : direct ? 5 : 0) + o.confidence });
  }
  return scored.sort((x, y) => y.score - x.score || (x.a.key < y.a.key ? -1 : 1)).map((s) => s.a);
}

/** Healthy neighbours per place for the keys this site failed on. */
function findNeighbours(site: string, keys: readonly SiteKey[], ctx: VerdictContext, now: number) {
  const out: Array<{ place: string; healthy: string[] }> = [];
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k.key)) continue;
    seen.add(k.key);
    const w = ctx.windows.get(k.key);
    if (!w) continue;
    const healthy: string[] = [];
    for (const [other, m] of w.sites) {
      if (other !== site && getMarkState(m, now, ctx.rules) === 'healthy') healthy.push(other);
    }
    if (healthy.length > 0) out.push({ place: getPlaceName(w.provider, w.region), healthy: healthy.sort() });
  }
  return out;
}

export function getSiteVerdict(
  site: string,
  s: SiteHealth | undefined,
  ctx: VerdictContext,
  now: number,
): Verdict {
  if (!s)
    return {
      site,
      kind: 'unknown',
      confidence: 0.2,
      evidence: ['No loads of this site seen yet.'],
      since: now,
    };
  const failing = getSiteFailures(s, now, ctx.rules);
  if (failing.length === 0) {
    return {
      site,
      kind: 'ok',
      confidence: 0.9,
      evidence: ['The latest requests to this site loaded.'],
      since: s.okSince ?? s.lastOk ?? now,
    };
  }
  const latest = failing[0] as FailingHost;
  const failure = describeFailure(latest.host, latest.mark.outcome, latest.mark.error);
  const streak = s.streakStart ?? latest.mark.time;

  const episode = ctx.local.getEpisodeAt(latest.mark.time);
  if (latest.mark.outcome === 'local' || episode) {
    const evidence = [failure];
    if (episode) evidence.push(describeEpisode(episode));
    return {
      site,
      kind: 'local-network',
      confidence: 0.95,
      evidence,
      since: Math.max(streak, episode?.start ?? streak),
    };
  }

  const keys = getFailureKeys(s, failing);
  const [best] = findOutages(keys, ctx);
  if (best) {
    const o = best.outage;
    const others = o.failingSites.filter((x) => x !== site);
    const evidence = [failure];
    if (others.length > 0) {
      evidence.push(
        describeOutageSites(
          getPlaceName(o.provider, o.region),
          others,
          o.healthySites.length,
          o.since,
          now,
          true,
        ),
      );
    }
    evidence.push(...o.evidence.slice(1));
    return {
      site,
      kind: 'provider-outage',
      provider: o.provider,
      region: o.region,
      confidence: o.confidence,
      evidence,
      since: Math.max(streak, o.detectedAt ?? o.since),
    };
  }

  const neighbours = findNeighbours(site, keys, ctx, now);
  if (neighbours.length > 0) {
    const h = new Set(neighbours.flatMap((n) => n.healthy)).size;
    return {
      site,
      kind: 'site',
      confidence: Math.min(0.9, 0.5 + 0.1 * Math.min(h, 4)),
      evidence: [failure, ...neighbours.map((n) => describeNeighbours(n.place, n.healthy))],
      since: streak,
    };
  }
  const placed = keys.length > 0;
  return {
    site,
    kind: 'unknown',
    confidence: 0.2,
    evidence: [
      failure,
      placed
        ? 'No other site on the same provider and region was seen recently, so the cause is not clear yet.'
        : 'Where this site is hosted is not known yet, so the cause is not clear.',
    ],
    since: streak,
  };
}
