/**
 * Is the user's own connection (or resolver) the problem?
 *
 * Signals, strongest first: a `local` outcome (browser offline, proxy failure, network changed, or a public
 * host answered from a private address as captive portals do); a connectivity probe or network state saying
 * the connection or the resolver is down; and, as a reason to ask for a probe, failures spread over unrelated
 * providers with nothing succeeding since, or DNS failures on several names with different DNS providers
 * while cached / already-connected things still work (a dead resolver).
 *
 * Layout: `recent` is a ring of the last RING_SIZE failures (time, site, provider group, DNS group, class);
 * `episodes` is the list of the last MAX_EPISODES local-network episodes `{start, end|null, reason, ...}`.
 * Failures inside an episode never count toward a provider outage, even after the episode has closed.
 */
import type { LoadEvent, Outcome } from '../observe/types';

const RING_SIZE = 64;
const MAX_EPISODES = 16;

export interface RecentFailure {
  time: number;
  site: string;
  /** Hosting/CDN provider group of the failing host, or `?site` when unattributed. */
  group: string;
  /** DNS provider of the failing host, or `?site` when unknown. */
  dnsGroup: string;
  outcome: Outcome;
}

export type EpisodeReason = 'local' | 'offline' | 'dns';

export interface LocalEpisode {
  start: number;
  /** null while the episode is open. */
  end: number | null;
  reason: EpisodeReason;
  /** The browser's error string for `local` episodes. */
  error: string | null;
  /** Probe figures for `offline` / `dns` episodes when they came from a probe. */
  reachable: number | null;
  total: number | null;
}

export interface ProbeResult {
  time: number;
  reachable: number;
  total: number;
  dnsOk: boolean;
}

export interface LocalNetworkSnapshot {
  lastLiveOk: number | null;
  lastGoodCheck: number | null;
  lastProbe: ProbeResult | null;
  recent: RecentFailure[];
  episodes: LocalEpisode[];
}

export interface LocalNetworkDetector {
  onLoad(ev: LoadEvent, group: string, dnsGroup: string): void;
  /** A measured connection state (from a probe or the browser's own online flag). */
  onCheck(time: number, up: boolean, dns: boolean, probe: ProbeResult | null): void;
  needsProbe(now: number): boolean;
  getOpenEpisode(): LocalEpisode | null;
  getEpisodeAt(time: number): LocalEpisode | null;
  getLastProbe(): ProbeResult | null;
  toJSON(): LocalNetworkSnapshot;
}

export function createLocalNetworkDetector(
  opts: { localWindowMs: number; localMinSites: number; probeIntervalMs: number },
  from?: LocalNetworkSnapshot,
): LocalNetworkDetector {
  let lastLiveOk = from?.lastLiveOk ?? null;
  let lastGoodCheck = from?.lastGoodCheck ?? null;
  let lastProbe = from?.lastProbe ? { ...from.lastProbe } : null;
  const recent: RecentFailure[] = (from?.recent ?? []).map((r) => ({ ...r }));
  const episodes: LocalEpisode[] = (from?.episodes ?? []).map((e) => ({ ...e }));

  const openEpisode = (): LocalEpisode | null => {
    const last = episodes[episodes.length - 1];
    return last && last.end === null ? last : null;
  };

  /** Earliest failure that plausibly belongs to the episode starting at `time`. */
  function getEpisodeStart(time: number, dnsOnly: boolean): number {
    const after = dnsOnly ? (lastGoodCheck ?? -1) : Math.max(lastLiveOk ?? -1, lastGoodCheck ?? -1);
    let start = time;
    for (const f of recent) {
      if (
        f.time > after &&
        f.time >= time - opts.localWindowMs &&
        f.time < start &&
        (!dnsOnly || f.outcome === 'dns')
      ) {
        start = f.time;
      }
    }
    return start;
  }

  function open(time: number, reason: EpisodeReason, extra: Partial<LocalEpisode>): void {
    const current = openEpisode();
    if (current) {
      // A stronger explanation replaces a weaker one in place; the start stays.
      if (current.reason !== reason) Object.assign(current, { reason, ...extra });
      return;
    }
    episodes.push({
      start: getEpisodeStart(time, reason === 'dns'),
      end: null,
      reason,
      error: null,
      reachable: null,
      total: null,
      ...extra,
    });
    if (episodes.length > MAX_EPISODES) episodes.shift();
  }

  function close(time: number): void {
    const current = openEpisode();
    if (current) current.end = Math.max(time, current.start);
  }

  /**
   * Failures after `after` within the local window on >= localMinSites distinct sites. With nothing
   * succeeding since (`after` = last live success) any spread counts; DNS failures while other things still
   * work must also span >= 2 DNS providers, or they point at that DNS provider instead.
   */
  function isSpread(now: number, after: number, dnsOnly: boolean): boolean {
    const sites = new Set<string>();
    const groups = new Set<string>();
    for (const f of recent) {
      if (f.time <= after || f.time < now - opts.localWindowMs || f.time > now) continue;
      if (dnsOnly && f.outcome !== 'dns') continue;
      sites.add(f.site);
      groups.add(dnsOnly ? f.dnsGroup : f.group);
    }
    return sites.size >= opts.localMinSites && (!dnsOnly || groups.size >= 2);
  }

  return {
    onLoad(ev, group, dnsGroup) {
      if (ev.outcome === 'ok') {
        if (ev.fromCache) return;
        lastLiveOk = Math.max(lastLiveOk ?? ev.time, ev.time);
        // A live success ends an offline episode; a dead resolver still lets connected things work.
        if (openEpisode()?.reason !== 'dns') close(ev.time);
        return;
      }
      if (ev.outcome === 'ignored') return;
      if (ev.outcome === 'local') {
        open(ev.time, 'local', { error: ev.error ?? null });
        return;
      }
      recent.push({ time: ev.time, site: ev.site, group, dnsGroup, outcome: ev.outcome });
      if (recent.length > RING_SIZE) recent.shift();
    },
    onCheck(time, up, dns, probe) {
      if (probe) lastProbe = { ...probe };
      if (!up) open(time, 'offline', { reachable: probe?.reachable ?? null, total: probe?.total ?? null });
      else if (!dns) open(time, 'dns', { reachable: probe?.reachable ?? null, total: probe?.total ?? null });
      else {
        lastGoodCheck = time;
        if (openEpisode()?.reason !== 'local') close(time);
      }
    },
    needsProbe(now) {
      if (lastProbe && now - lastProbe.time < opts.probeIntervalMs) return false;
      const current = openEpisode();
      // The browser's own word (offline, captive portal) needs no probe; a live success ends it.
      if (current) return current.reason !== 'local';
      const after = Math.max(lastLiveOk ?? -1, lastGoodCheck ?? -1);
      return isSpread(now, after, false) || isSpread(now, lastGoodCheck ?? -1, true);
    },
    getOpenEpisode: openEpisode,
    getEpisodeAt(time) {
      for (let i = episodes.length - 1; i >= 0; i--) {
        const e = episodes[i];
        if (e && e.start <= time && (e.end === null || time <= e.end)) return e;
      }
      return null;
    },
    getLastProbe: () => lastProbe,
    toJSON: () => ({
      lastLiveOk,
      lastGoodCheck,
      lastProbe: lastProbe ? { ...lastProbe } : null,
      recent: recent.map((r) => ({ ...r })),
      episodes: episodes.map((e) => ({ ...e })),
    }),
  };
}
