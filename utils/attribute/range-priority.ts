/**
 * The overlap rule for the range table, in one place (the table, its tests' reference scan, and the docs use it):
 *  1. the most specific prefix (longest length) wins;
 *  2. on identical prefixes: a region beats no region; a service beats no service (AWS `EC2` beats the
 *     catch-all `AMAZON`); then the fixed provider priority below; then plain text order, so the result never
 *     depends on feed order.
 * Rule 1 is applied by the interval sweep (range-intervals.ts); rule 2 by `compareSamePrefix`.
 */
import type { RangePrefix } from './types';

/** Earlier wins on identical prefixes: clouds before CDNs before hosts; `gcp` before the catch-all `google`. */
export const PROVIDER_PRIORITY: readonly string[] = [
  'aws',
  'gcp',
  'azure',
  'oracle',
  'cloudflare',
  'fastly',
  'akamai',
  'github',
  'digitalocean',
  'linode',
  'vultr',
  'google',
];

function getProviderRank(provider: string): number {
  const i = PROVIDER_PRIORITY.indexOf(provider);
  return i < 0 ? PROVIDER_PRIORITY.length : i;
}

function compareText(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

type PrefixMeta = Pick<RangePrefix, 'provider' | 'region' | 'service' | 'feed'>;

/** Negative when `a` should win over `b` for the very same prefix. */
export function compareSamePrefix(a: PrefixMeta, b: PrefixMeta): number {
  return (
    Number(a.region === null) - Number(b.region === null) ||
    Number(a.service === null) - Number(b.service === null) ||
    getProviderRank(a.provider) - getProviderRank(b.provider) ||
    compareText(a.provider, b.provider) ||
    compareText(a.region, b.region) ||
    compareText(a.service, b.service) ||
    compareText(a.feed, b.feed)
  );
}
