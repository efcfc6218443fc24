/**
 * Site health from critical requests: is this site (registrable domain) working right now?
 *
 * Layout: `Map<site, SiteHealth>` in least-recently-updated-first order, capped at `maxSites`. Each
 * SiteHealth keeps, per host of that site, the latest critical outcome (`Map<host, HostMark>`, capped at
 * `maxHostsPerSite`), plus site-wide last success / last failure / successes in a row. A site is failing
 * while any host's latest critical request failed (a page whose document loads but whose first-party API
 * calls fail is failing), and after a failure until it has recovered (windows.ts isRecovered: a few
 * successes in a row, or an old failure and a fresh success), because partial outages flap. Only loads that
 * speak for a page reach this module (observe/critical.ts getCriticalSite), so a failing third-party tracker never marks the page.
 */
import type { Role } from '../attribute/types';
import type { LoadEvent, Outcome } from '../observe/types';
import { isRecovered, type WindowRules } from './windows';

export interface HostMark {
  time: number;
  outcome: Outcome;
  error: string | null;
  /** Window keys this outcome counted toward, with the attribution role that led there (shared, read-only). */
  keys: ReadonlyArray<{ key: string; role: Role; group: string }>;
  /** For a success: this host's previous failure, kept for the evidence while the site still flaps. */
  lastFailure?: { time: number; outcome: Outcome; error: string | null };
}

export interface SiteHealth {
  site: string;
  /** Host -> its latest critical outcome, least recently updated first. */
  hosts: Map<string, HostMark>;
  lastOk: number | null;
  lastFail: number | null;
  /** First failure of the current failure streak; null while recovered. */
  streakStart: number | null;
  /** When the site last became ok after failing (or its first ok). */
  okSince: number | null;
  /** Critical successes in a row since the last failure. */
  okStreak: number;
  /** First failure ever seen for this site (time-to-verdict measurements). */
  firstFail: number | null;
}

export interface SiteHealthSnapshot {
  sites: Array<Omit<SiteHealth, 'hosts'> & { hosts: Array<[string, HostMark]> }>;
}

export interface SiteHealthTracker {
  /** Records one load that speaks for `ev.site`; returns true when the site flipped between ok and failing. */
  record(ev: LoadEvent, keys: HostMark['keys']): boolean;
  get(site: string): SiteHealth | undefined;
  all(): IterableIterator<SiteHealth>;
  toJSON(): SiteHealthSnapshot;
}

/** Failing hosts that still count: a host failure stops counting once the site recovered after it. */
export function getFailingHosts(
  s: SiteHealth,
  now: number,
  rules: WindowRules,
): Array<{ host: string; mark: HostMark }> {
  const out: Array<{ host: string; mark: HostMark }> = [];
  for (const [host, mark] of s.hosts) {
    if (mark.outcome === 'ok') continue;
    const stale = mark.time < now - rules.windowMs && s.lastOk !== null && s.lastOk > mark.time;
    if (!stale) out.push({ host, mark });
  }
  return out.sort((a, b) => b.mark.time - a.mark.time);
}

/** The most recent failures, newest first, when the site is failing at `now`; empty when it is ok. */
export function getSiteFailures(
  s: SiteHealth,
  now: number,
  rules: WindowRules,
): Array<{ host: string; mark: HostMark }> {
  const hosts = getFailingHosts(s, now, rules);
  if (hosts.length > 0) return hosts;
  if (isRecovered(s.lastOk, s.lastFail, s.okStreak, now, rules)) return [];
  // Still flapping: every host answered lately, but not for long enough to trust it. Report the last failure.
  let latest: { host: string; mark: HostMark } | undefined;
  for (const [host, mark] of s.hosts) {
    if (mark.lastFailure && (!latest || mark.lastFailure.time > latest.mark.time)) {
      latest = { host, mark: { ...mark.lastFailure, keys: mark.keys } };
    }
  }
  return latest ? [latest] : [];
}

export function createSiteHealthTracker(
  opts: WindowRules & { maxSites: number; maxHostsPerSite: number },
  from?: SiteHealthSnapshot,
): SiteHealthTracker {
  const sites = new Map<string, SiteHealth>();
  for (const s of from?.sites ?? []) {
    const hosts = new Map(s.hosts.map(([h, m]): [string, HostMark] => [h, copyMark(m)]));
    sites.set(s.site, { ...s, hosts });
  }

  const isFailingAt = (s: SiteHealth, now: number) => getSiteFailures(s, now, opts).length > 0;

  return {
    record(ev, keys) {
      let s = sites.get(ev.site);
      if (s) sites.delete(ev.site);
      else {
        s = {
          site: ev.site,
          hosts: new Map(),
          lastOk: null,
          lastFail: null,
          streakStart: null,
          okSince: null,
          okStreak: 0,
          firstFail: null,
        };
      }
      sites.set(ev.site, s);
      if (sites.size > opts.maxSites) {
        const oldest = sites.keys().next().value;
        if (oldest !== undefined) sites.delete(oldest);
      }
      const wasFailing = isFailingAt(s, ev.time);
      const prev = s.hosts.get(ev.host);
      s.hosts.delete(ev.host);
      const mark: HostMark = { time: ev.time, outcome: ev.outcome, error: ev.error ?? null, keys };
      if (ev.outcome === 'ok') {
        const lastFailure = prev?.outcome === 'ok' ? prev.lastFailure : prev;
        if (lastFailure)
          mark.lastFailure = {
            time: lastFailure.time,
            outcome: lastFailure.outcome,
            error: lastFailure.error,
          };
      }
      s.hosts.set(ev.host, mark);
      if (s.hosts.size > opts.maxHostsPerSite) {
        const oldest = s.hosts.keys().next().value;
        if (oldest !== undefined) s.hosts.delete(oldest);
      }
      if (ev.outcome === 'ok') {
        s.lastOk = Math.max(s.lastOk ?? ev.time, ev.time);
        s.okStreak++;
      } else {
        if (isRecovered(s.lastOk, s.lastFail, s.okStreak, ev.time, opts)) s.streakStart = ev.time;
        s.lastFail = Math.max(s.lastFail ?? ev.time, ev.time);
        s.okStreak = 0;
        if (s.firstFail === null) s.firstFail = ev.time;
      }
      const failing = isFailingAt(s, ev.time);
      if (failing && s.streakStart === null) s.streakStart = ev.time;
      if (!failing && (wasFailing || s.okSince === null)) {
        s.okSince = ev.time;
        s.streakStart = null;
      }
      return failing !== wasFailing;
    },
    get: (site) => sites.get(site),
    all: () => sites.values(),
    toJSON() {
      return {
        sites: [...sites.values()].map((s) => ({
          ...s,
          hosts: [...s.hosts].map(([h, m]): [string, HostMark] => [h, copyMark(m)]),
        })),
      };
    },
  };
}

function copyMark(m: HostMark): HostMark {
  const copy: HostMark = {
    time: m.time,
    outcome: m.outcome,
    error: m.error,
    keys: m.keys.map((k) => ({ ...k })),
  };
  if (m.lastFailure) copy.lastFailure = { ...m.lastFailure };
  return copy;
}
