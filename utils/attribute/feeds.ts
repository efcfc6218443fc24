/**
 * The feed registry: design.md §3 file name → its parser. `parseFeeds` runs every known file it is given,
 * rejecting a malformed one with its RangeFeedError while the others still load. Unknown names are reported too.
 * Prefixes inside special-purpose blocks (documentation, private, 6to4, ...) are left out and counted in `ignored`.
 */
import { parseAwsRanges } from './parsers/aws';
import { parseAzureServiceTags } from './parsers/azure';
import { parseFastlyList } from './parsers/fastly';
import { parseDigitalOceanGeofeed, parseLinodeGeofeed, parseVultrGeofeed } from './parsers/geofeed';
import { parseGithubMeta } from './parsers/github';
import { parseGcpCloud, parseGoogleGoog } from './parsers/google';
import { parseOracleRanges } from './parsers/oracle';
import { parseAkamaiV4, parseAkamaiV6, parseCloudflareV4, parseCloudflareV6 } from './parsers/plain-list';
import { RangeFeedError } from './range-feed-error';
import { getSpecialPurposeBlock } from './special-ranges';
import type { RangePrefix } from './types';

export type FeedParser = (text: string, fileName: string) => RangePrefix[];

export const FEEDS: Readonly<Record<string, FeedParser>> = {
  'aws-ip-ranges.json': parseAwsRanges,
  'gcp-cloud.json': parseGcpCloud,
  'google-goog.json': parseGoogleGoog,
  'azure-service-tags.json': parseAzureServiceTags,
  'oracle-public-ip-ranges.json': parseOracleRanges,
  'cloudflare-ips-v4.txt': parseCloudflareV4,
  'cloudflare-ips-v6.txt': parseCloudflareV6,
  'fastly-public-ip-list.json': parseFastlyList,
  'akamai-ipv4-cidrs.txt': parseAkamaiV4,
  'akamai-ipv6-cidrs.txt': parseAkamaiV6,
  'digitalocean-geo.csv': parseDigitalOceanGeofeed,
  'linode-geofeed.csv': parseLinodeGeofeed,
  'vultr-geofeed.json': parseVultrGeofeed,
  'github-meta.json': parseGithubMeta,
};

export const FEED_FILE_NAMES: readonly string[] = Object.keys(FEEDS);

export interface ParsedFeeds {
  /** Every usable prefix, special-purpose blocks left out. */
  prefixes: RangePrefix[];
  errors: RangeFeedError[];
  /** Prefix entries per file that loaded, as the file lists them (file name → count). */
  counts: Record<string, number>;
  /** Entries left out per file because they lie in a special-purpose block (special-ranges.ts). */
  ignored: Record<string, number>;
}

export function parseFeeds(files: ReadonlyArray<{ name: string; text: string }>): ParsedFeeds {
  const prefixes: RangePrefix[] = [];
  const errors: RangeFeedError[] = [];
  const counts: Record<string, number> = {};
  const ignored: Record<string, number> = {};
  for (const { name, text } of files) {
    const parser = Object.hasOwn(FEEDS, name) ? FEEDS[name] : undefined;
    if (!parser) {
      errors.push(new RangeFeedError(name, `unknown feed file (known: ${FEED_FILE_NAMES.join(', ')})`));
      continue;
    }
    try {
      const parsed = parser(text, name);
      let skipped = 0;
      for (const p of parsed) {
        if (getSpecialPurposeBlock(p.cidr) === null) prefixes.push(p);
        else skipped++;
      }
      counts[name] = parsed.length;
      if (skipped > 0) ignored[name] = skipped;
    } catch (e) {
      errors.push(e instanceof RangeFeedError ? e : new RangeFeedError(name, (e as Error).message));
    }
  }
  return { prefixes, errors, counts, ignored };
}
