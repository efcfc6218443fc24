/**
 * The inference engine (design.md §1 step 4): pure and deterministic. Time always comes in as an argument
 * (event times, or `now` on queries); the engine never reads a clock, touches no browser API and no storage.
 *
 * It wires small parts together: windows.ts (per provider/region), site-health.ts (per site, critical
 * requests only), local-network.ts (the user's own connection, with a probe port), signals.ts (status and
 * crowd), outages.ts (detection), outage-log.ts (lifecycle and history) and verdicts.ts (per site).
 * Outages are re-evaluated when a site flips between ok and failing, when outside evidence arrives, on
 * queries, and at most every `tickMs` otherwise, so the per-event cost stays flat.
 */
import type { Attribution } from '../attribute/types';
import { getCriticalSite } from '../observe/critical';
import { getSite } from '../observe/site';
import type { LoadEvent } from '../observe/types';
import { type CountedKey, getCountedKeys } from './keys';
import { createLocalNetworkDetector, type ProbeResult } from './local-network';
import { type EngineOptions, getEngineOptions } from './options';
import { copyOutage, createOutageLog } from './outage-log';
import { detectOutages } from './outages';
import { createSignals } from './signals';
import { createSiteHealthTracker } from './site-health';
import {
  ENGINE_SNAPSHOT_FORMAT,
  ENGINE_SNAPSHOT_VERSION,
  type EngineSnapshot,
  parseEngineSnapshot,
} from './snapshot';
import type { CrowdAggregate, NetworkState, Outage, StatusItem, Verdict } from './types';
import { getSiteVerdict } from './verdicts';
import { createWindows } from './windows';

const SWEEP_MS = 60_000;

/**
 * The pipeline hands the same attribution array for a host until its inputs change, so the keys derived from
 * it are computed once per (array, outcome kind) and shared (read-only) instead of once per event.
 */
const countedCache = new WeakMap<readonly Attribution[], Map<string, CountedKey[]>>();
function getCountedKeysCached(
  outcome: LoadEvent['outcome'],
  attributions: readonly Attribution[],
): CountedKey[] {
  const kind =
    outcome === 'ok' || outcome === 'dns' || outcome === 'local' || outcome === 'ignored' ? outcome : 'fail';
  let byKind = countedCache.get(attributions);
  if (!byKind) {
    byKind = new Map();
    countedCache.set(attributions, byKind);
  }
  let keys = byKind.get(kind);
  if (!keys) {
    keys = getCountedKeys(outcome, attributions);
    byKind.set(kind, keys);
  }
  return keys;
}

export type { ProbeResult } from './local-network';
export type { EngineSnapshot } from './snapshot';

export interface InferenceEngine {
  addLoad(ev: LoadEvent, attributions: readonly Attribution[]): void;
  addStatus(item: StatusItem): void;
  addCrowd(agg: CrowdAggregate): void;
  /** A measured connection state (the browser's online flag or a probe already turned into a state). */
  setNetwork(state: NetworkState): void;
  /** True when the engine doubts the user's connection and wants a connectivity probe answered. */
  needsProbe(now: number): boolean;
  setProbeResult(result: ProbeResult): void;
  /** Verdict for a registrable domain (a host is reduced to its registrable domain). */
  getVerdict(site: string, now: number): Verdict;
  getVerdicts(now: number): Verdict[];
  getOutages(now: number): Outage[];
  getOutageHistory(): Outage[];
  snapshot(): EngineSnapshot;
}

export function createInferenceEngine(options?: Partial<EngineOptions>): InferenceEngine {
  return buildEngine(getEngineOptions(options));
}

/** Rebuilds an engine from `snapshot()` output; throws a clear Error on any other format or version. */
export function restoreEngine(snapshot: unknown): InferenceEngine {
  const snap = parseEngineSnapshot(snapshot);
  return buildEngine(getEngineOptions(snap.options), snap);
}

function buildEngine(opts: EngineOptions, from?: EngineSnapshot): InferenceEngine {
  const windows = createWindows(opts, from?.windows);
  const sites = createSiteHealthTracker(opts, from?.sites);
  const local = createLocalNetworkDetector(opts, from?.local);
  const signals = createSignals(opts, from?.signals);
  const log = createOutageLog(opts, from?.outages);
  let lastEval = from?.clock.lastEval ?? null;
  let lastSweep = from?.clock.lastSweep ?? null;

  function isExcluded(time: number): boolean {
    return local.getEpisodeAt(time) !== null;
  }

  function evaluate(now: number): void {
    // Queries about the past must not rewrite the lifecycle already recorded.
    if (lastEval !== null && now < lastEval) return;
    lastEval = now;
    if (lastSweep === null || now - lastSweep >= SWEEP_MS) {
      lastSweep = now;
      windows.sweep(now);
      signals.sweep(now);
    }
    const candidates = detectOutages({
      windows,
      signals,
      isExcluded,
      active: log.activeKeys(),
      now,
      opts,
    });
    log.reconcile(candidates, now);
  }

  const context = () => ({ windows, local, active: log.getActive(), rules: opts });

  return {
    addLoad(ev, attributions) {
      if (ev.outcome === 'ignored') return;
      const counted = getCountedKeysCached(ev.outcome, attributions);
      const hosting = attributions.find((a) => a.role !== 'dns' && a.role !== 'platform');
      const dns = attributions.find((a) => a.role === 'dns');
      local.onLoad(ev, hosting?.provider ?? `?${ev.site}`, dns?.provider ?? `?${ev.site}`);
      let changed = false;
      const site = getCriticalSite(ev);
      if (site !== null) {
        for (const c of counted) changed = windows.record(c, site, ev.time, ev.outcome) || changed;
        changed = sites.record(site === ev.site ? ev : { ...ev, site }, counted) || changed;
      }
      if (changed || lastEval === null || ev.time - lastEval >= opts.tickMs) evaluate(ev.time);
    },
    addStatus(item) {
      signals.addStatus(item);
      evaluate(item.time);
    },
    addCrowd(agg) {
      signals.addCrowd(agg);
      evaluate(agg.time);
    },
    setNetwork(state) {
      local.onCheck(state.time, state.up, state.dns, null);
      evaluate(state.time);
    },
    needsProbe: (now) => local.needsProbe(now),
    setProbeResult(result) {
      const up = result.reachable > 0;
      local.onCheck(result.time, up, up && result.dnsOk, { ...result });
      evaluate(result.time);
    },
    getVerdict(site, now) {
      evaluate(now);
      // Callers may hold a host (a tab's url) rather than its registrable domain.
      const key = sites.get(site) ? site : getSite(site);
      return getSiteVerdict(key, sites.get(key), context(), now);
    },
    getVerdicts(now) {
      evaluate(now);
      const ctx = context();
      const out: Verdict[] = [];
      for (const s of sites.all()) out.push(getSiteVerdict(s.site, s, ctx, now));
      return out.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
    },
    getOutages(now) {
      evaluate(now);
      return log.getActive().map((a) => copyOutage(a.outage));
    },
    getOutageHistory: () => log.getHistory(),
    snapshot: () => ({
      format: ENGINE_SNAPSHOT_FORMAT,
      version: ENGINE_SNAPSHOT_VERSION,
      options: { ...opts },
      clock: { lastEval, lastSweep },
      windows: windows.toJSON(),
      sites: sites.toJSON(),
      local: local.toJSON(),
      signals: signals.toJSON(),
      outages: log.toJSON(),
    }),
  };
}
