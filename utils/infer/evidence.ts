/**
 * Evidence sentences a person can follow. Pure string building: no state, no clock.
 */
import { getProviderDisplayName } from '../attribute/provider-names';
import type { Outcome } from '../observe/types';
import type { LocalEpisode, ProbeResult } from './local-network';
import type { CrowdAggregate, StatusItem } from './types';

const MAX_LISTED = 5;

/** "AWS us-east-1", or "Cloudflare" when provider-wide. */
export function getPlaceName(provider: string, region: string | null): string {
  return region === null ? getProviderDisplayName(provider) : `${getProviderDisplayName(provider)} ${region}`;
}

export function listSites(sites: readonly string[]): string {
  const shown = sites.slice(0, MAX_LISTED).join(', ');
  return sites.length > MAX_LISTED ? `${shown}, … (${sites.length - MAX_LISTED} more)` : shown;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "in the last 3 minutes" / "in the last minute"; "for 21 minutes" once it has gone on longer than a window. */
export function describeSpan(fromMs: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((now - fromMs) / 60_000));
  if (minutes === 1) return 'in the last minute';
  return minutes <= 5 ? `in the last ${minutes} minutes` : `again and again for ${minutes} minutes`;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  ok: 'loaded',
  dns: 'could not be found (DNS lookup failed)',
  connect: 'refused or dropped the connection',
  timeout: 'did not answer in time',
  tls: 'failed the secure (TLS) handshake',
  protocol: 'broke off its answer',
  http5xx: 'answered with a server error (5xx)',
  local: 'was stopped by your own network',
  ignored: 'was cancelled or blocked by the browser',
};

/** "api.shop.example did not answer in time (net::ERR_CONNECTION_TIMED_OUT)." */
export function describeFailure(host: string, outcome: Outcome, error: string | null): string {
  return `${host} ${OUTCOME_WORDS[outcome]}${error ? ` (${error})` : ''}.`;
}

/** "4 other sites on AWS us-east-1 failed in the last 3 minutes: a.com, b.com; 2 sites there still load." */
export function describeOutageSites(
  place: string,
  failing: readonly string[],
  healthyCount: number,
  earliest: number,
  now: number,
  other: boolean,
): string {
  const what = plural(failing.length, other ? 'other site' : 'site', other ? 'other sites' : 'sites');
  const still =
    healthyCount === 0
      ? 'no site there loaded lately'
      : plural(healthyCount, 'site there still loads', 'sites there still load');
  return `${what} on ${place} failed ${describeSpan(earliest, now)}: ${listSites(failing)}; ${still}.`;
}

export function describeNeighbours(place: string, healthy: readonly string[]): string {
  return `${plural(healthy.length, 'other site', 'other sites')} on ${place} loaded fine recently: ${listSites(healthy)}.`;
}

export function describeStatus(item: StatusItem): string {
  const where = item.regions.length === 0 ? 'all regions' : item.regions.join(', ');
  return `${item.source} reports "${item.title}" (${item.state}) for ${getProviderDisplayName(item.provider)} ${where}.`;
}

export function describeCrowd(c: CrowdAggregate): string {
  return `${c.reports} Outage Lens users reported problems with ${getPlaceName(c.provider, c.region)} recently (usually ${c.baseline}).`;
}

export function describeEpisode(e: LocalEpisode): string {
  const probe =
    e.reachable !== null && e.total !== null
      ? `A connection check reached ${e.reachable} of ${e.total} test addresses`
      : null;
  switch (e.reason) {
    case 'local':
      return `Your browser reported a problem with your own connection${e.error ? ` (${e.error})` : ''}.`;
    case 'offline':
      return probe ? `${probe}: your connection is down.` : 'Your device reports that it is offline.';
    case 'dns':
      return probe
        ? `${probe}, but names could not be resolved: your DNS resolver is not answering.`
        : 'Your connection works but names could not be resolved: your DNS resolver is not answering.';
  }
}

export function describeProbeOk(p: ProbeResult): string {
  return `A connection check reached ${p.reachable} of ${p.total} test addresses: your own connection works.`;
}
