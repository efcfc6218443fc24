/**
 * Sliding windows of outcomes per (provider, region).
 *
 * Layout: `Map<key, KeyWindow>` where key is `provider|region` (see keys.ts). Each KeyWindow holds
 * `Map<site, SiteMark>` in least-recently-updated-first order (a Map keeps insertion order; an update
 * re-inserts), capped at `maxSitesPerKey`: the oldest site falls out first. A SiteMark is a constant-size
 * summary of one site's outcomes on that key (last success, last failure, the current failure streak and the
 * successes since), so memory stays flat however many events arrive; `sweep(now)` drops marks older than two
 * windows.
 */
import type { Outcome } from '../observe/types';
import { type CountedKey, parseWindowKey } from './keys';

export interface SiteMark {
  /** Last success on this key, ms; null = never. */
  lastOk: number | null;
  /** Last failure on this key, ms; null = never. */
  lastFail: number | null;
  /** First failure of the current failure streak; null when not in one. */
  streakStart: number | null;
  /** Failed requests in the current streak: one-off failures are weaker evidence than repeated ones. */
  streakFails: number;
  /** Successes in a row since the last failure. */
  okStreak: number;
  /** Failure class of the last failure. */
  failClass: Outcome | null;
  /** Dependency path that brought this site to the key (`direct` or the platform's provider). */
  group: string;
}

export interface KeyWindow {
  key: string;
  provider: string;
  region: string | null;
  /** Site -> mark, least recently updated first. */
  sites: Map<string, SiteMark>;
  /** Latest failure of any site on this key, to skip quiet keys quickly. */
  lastFail: number | null;
  /**
   * Site -> its last failure time, oldest first: the only sites that can be failing. Outage detection reads
   * this short list instead of every mark; entries older than the window are dropped as they are met.
   */
  recentFails: Map<string, number>;
}

export type MarkState = 'failing' | 'healthy' | 'stale';

/** How long failures count and when a flapping site counts as recovered (EngineOptions subset). */
export interface WindowRules {
  windowMs: number;
  recoverOks: number;
  recoveryMs: number;
}

/** True once a failure streak is over: enough successes in a row, or an old failure and a fresh success. */
export function isRecovered(
  lastOk: number | null,
  lastFail: number | null,
  okStreak: number,
  now: number,
  rules: WindowRules,
): boolean {
  if (lastFail === null) return true;
  if (lastOk === null || lastOk < lastFail) return false;
  return okStreak >= rules.recoverOks || lastFail < now - rules.recoveryMs;
}

/** A site's mark before its first load under a key: nothing seen yet. */
export function createSiteMark(group: string): SiteMark {
  return {
    lastOk: null,
    lastFail: null,
    streakStart: null,
    streakFails: 0,
    okStreak: 0,
    failClass: null,
    group,
  };
}

/** A site is failing on a key while a failure within the window has not been followed by a recovery. */
export function getMarkState(mark: SiteMark, now: number, rules: WindowRules): MarkState {
  const since = now - rules.windowMs;
  if (
    mark.lastFail !== null &&
    mark.lastFail >= since &&
    !isRecovered(mark.lastOk, mark.lastFail, mark.okStreak, now, rules)
  ) {
    return 'failing';
  }
  if (mark.lastOk !== null && mark.lastOk >= since) return 'healthy';
  return 'stale';
}

export interface WindowsSnapshot {
  keys: Array<{ key: string; lastFail: number | null; sites: Array<[string, SiteMark]> }>;
}

export interface Windows {
  /** Records one outcome; returns true when the site's state on that key changed. */
  record(counted: CountedKey, site: string, time: number, outcome: Outcome): boolean;
  get(key: string): KeyWindow | undefined;
  /** Sites that failed on the key within the window before `now` (may include since-recovered ones). */
  getRecentFailures(w: KeyWindow, now: number): IterableIterator<string>;
  all(): IterableIterator<KeyWindow>;
  /** Drops marks with nothing newer than two windows before `now`, and empty keys. */
  sweep(now: number): void;
  toJSON(): WindowsSnapshot;
}

export function createWindows(
  opts: WindowRules & { maxSitesPerKey: number },
  from?: WindowsSnapshot,
): Windows {
  const byKey = new Map<string, KeyWindow>();
  for (const k of from?.keys ?? []) {
    const { provider, region } = parseWindowKey(k.key);
    const sites = new Map(k.sites.map(([s, m]): [string, SiteMark] => [s, { ...m }]));
    const recentFails = new Map(
      k.sites
        .filter(([, m]) => m.lastFail !== null)
        .map(([s, m]): [string, number] => [s, m.lastFail ?? 0])
        .sort((a, b) => a[1] - b[1]),
    );
    byKey.set(k.key, { key: k.key, provider, region, lastFail: k.lastFail, sites, recentFails });
  }

  function getOrCreate(counted: CountedKey): KeyWindow {
    let w = byKey.get(counted.key);
    if (!w) {
      w = {
        key: counted.key,
        provider: counted.provider,
        region: counted.region,
        sites: new Map(),
        lastFail: null,
        recentFails: new Map(),
      };
      byKey.set(counted.key, w);
    }
    return w;
  }

  return {
    record(counted, site, time, outcome) {
      const w = getOrCreate(counted);
      const prev = w.sites.get(site);
      const before = prev ? getMarkState(prev, time, opts) : 'stale';
      const mark = prev ?? createSiteMark(counted.group);
      // Browsers may report a little out of order: a time never moves a mark backwards.
      if (outcome === 'ok') {
        mark.lastOk = Math.max(mark.lastOk ?? time, time);
        mark.okStreak++;
        if (isRecovered(mark.lastOk, mark.lastFail, mark.okStreak, time, opts)) {
          mark.streakStart = null;
          mark.streakFails = 0;
        }
      } else {
        if (isRecovered(mark.lastOk, mark.lastFail, mark.okStreak, time, opts)) {
          mark.streakStart = null;
          mark.streakFails = 0;
        }
        if (mark.streakStart === null) mark.streakStart = time;
        mark.streakFails++;
        mark.okStreak = 0;
        mark.lastFail = Math.max(mark.lastFail ?? time, time);
        mark.failClass = outcome;
        w.lastFail = Math.max(w.lastFail ?? time, time);
        w.recentFails.delete(site);
        w.recentFails.set(site, mark.lastFail);
      }
      // Direct evidence wins over a platform path for the same site.
      if (counted.group === 'direct') mark.group = 'direct';
      if (prev) w.sites.delete(site);
      w.sites.set(site, mark);
      if (w.sites.size > opts.maxSitesPerKey) {
        const oldest = w.sites.keys().next().value;
        if (oldest !== undefined) {
          w.sites.delete(oldest);
          w.recentFails.delete(oldest);
        }
      }
      return before !== getMarkState(mark, time, opts);
    },
    get: (key) => byKey.get(key),
    getRecentFailures(w, now) {
      for (const [site, t] of w.recentFails) {
        if (t >= now - opts.windowMs) break;
        w.recentFails.delete(site);
      }
      return w.recentFails.keys();
    },
    all: () => byKey.values(),
    sweep(now) {
      const horizon = now - 2 * opts.windowMs;
      for (const [key, w] of byKey) {
        for (const [site, m] of w.sites) {
          if (Math.max(m.lastOk ?? -1, m.lastFail ?? -1) < horizon) w.sites.delete(site);
        }
        for (const [site, t] of w.recentFails) {
          if (t >= now - opts.windowMs) break;
          w.recentFails.delete(site);
        }
        if (w.sites.size === 0) byKey.delete(key);
      }
    },
    toJSON() {
      return {
        keys: [...byKey.values()].map((w) => ({
          key: w.key,
          lastFail: w.lastFail,
          sites: [...w.sites].map(([s, m]): [string, SiteMark] => [s, { ...m }]),
        })),
      };
    },
  };
}
