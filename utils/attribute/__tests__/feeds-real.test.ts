import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_FILE_NAMES, FEEDS, parseFeeds } from '../feeds';
import { compileRangeTable } from '../range-table';
import type { RangePrefix } from '../types';
import { RANGES_DIR, readAllRealFeeds, readRealFeed } from './helpers/real-feeds';

type Json = Record<string, unknown>;
const json = (name: string): Json => JSON.parse(readRealFeed(name)) as Json;
const arr = (v: unknown): unknown[] => v as unknown[];
/**
 * Prefixes in a line-based file, counted differently from the parser (which splits lines and drops blanks and
 * comments): every run of address characters followed by a `/` and digits, wherever it stands.
 */
const cidrTokens = (name: string): number => readRealFeed(name).match(/[0-9a-f:.]+\/\d+/gi)?.length ?? 0;

// Each count is taken from the file itself, without the parser.
const EXPECTED_COUNTS: Array<[string, () => number]> = [
  [
    'aws-ip-ranges.json',
    () =>
      arr(json('aws-ip-ranges.json').prefixes).length + arr(json('aws-ip-ranges.json').ipv6_prefixes).length,
  ],
  ['gcp-cloud.json', () => arr(json('gcp-cloud.json').prefixes).length],
  ['google-goog.json', () => arr(json('google-goog.json').prefixes).length],
  [
    'azure-service-tags.json',
    () =>
      arr(json('azure-service-tags.json').values).reduce(
        (n: number, v) => n + arr((v as { properties: Json }).properties.addressPrefixes).length,
        0,
      ),
  ],
  [
    'oracle-public-ip-ranges.json',
    () =>
      arr(json('oracle-public-ip-ranges.json').regions).reduce(
        (n: number, r) => n + arr((r as Json).cidrs).length,
        0,
      ),
  ],
  ['cloudflare-ips-v4.txt', () => cidrTokens('cloudflare-ips-v4.txt')],
  ['cloudflare-ips-v6.txt', () => cidrTokens('cloudflare-ips-v6.txt')],
  [
    'fastly-public-ip-list.json',
    () =>
      arr(json('fastly-public-ip-list.json').addresses).length +
      arr(json('fastly-public-ip-list.json').ipv6_addresses).length,
  ],
  ['akamai-ipv4-cidrs.txt', () => cidrTokens('akamai-ipv4-cidrs.txt')],
  ['akamai-ipv6-cidrs.txt', () => cidrTokens('akamai-ipv6-cidrs.txt')],
  ['digitalocean-geo.csv', () => cidrTokens('digitalocean-geo.csv')],
  ['linode-geofeed.csv', () => cidrTokens('linode-geofeed.csv')],
  ['vultr-geofeed.json', () => arr(json('vultr-geofeed.json').subnets).length],
  [
    'github-meta.json',
    () =>
      Object.entries(json('github-meta.json'))
        .filter(([k, v]) => Array.isArray(v) && k !== 'ssh_keys')
        .reduce((n, [, v]) => n + arr(v).length, 0),
  ],
];

/** One row of SOURCES.md's summary table: entries per family and, where it says so, the unique prefixes. */
interface DocumentedCounts {
  v4: number;
  v6: number;
  v4Unique?: number;
  v6Unique?: number;
}

/** Reads the counts SOURCES.md documents for every file (its summary table: `| \`file\` | ... | IPv4 | IPv6 | ...`). */
function readSourcesMdCounts(): Record<string, DocumentedCounts> {
  const toNumber = (text: string) => Number(text.replace(/,/g, ''));
  const cell = (text: string): [number, number | undefined] => {
    const entries = /^([\d,]+)/.exec(text.trim());
    const unique = /\(([\d,]+) unique\)/.exec(text);
    return [entries ? toNumber(entries[1]!) : 0, unique ? toNumber(unique[1]!) : undefined];
  };
  const out: Record<string, DocumentedCounts> = {};
  const md = readFileSync(path.join(RANGES_DIR, 'SOURCES.md'), 'utf8');
  for (const line of md.split('\n')) {
    const cells = line.split('|');
    const file = /^ `([^`]+)` $/.exec(cells[1] ?? '')?.[1];
    if (file === undefined || cells.length < 6) continue;
    const [v4, v4Unique] = cell(cells[4]!);
    const [v6, v6Unique] = cell(cells[5]!);
    out[file] = { v4, v6, ...(v4Unique === undefined ? {} : { v4Unique, v6Unique: v6Unique! }) };
  }
  return out;
}

const DOCUMENTED = readSourcesMdCounts();
const isV6 = (p: RangePrefix) => p.cidr.includes(':');

/**
 * Region and service counts SOURCES.md states in words. AWS: 43 `region` values, one of them GLOBAL (→ null), and
 * 28 `service` values, AMAZON among them (→ null). GCP: 48 `scope` values, 47 regions plus `global` (→ null).
 * Azure: 73 regions. Oracle: 45 regions.
 */
const DOCUMENTED_REGIONS: Array<[string, number, number | null]> = [
  ['aws-ip-ranges.json', 43 - 1, 28],
  ['gcp-cloud.json', 48 - 1, null],
  ['azure-service-tags.json', 73, null],
  ['oracle-public-ip-ranges.json', 45, null],
];

describe('feed parsers on the real files', () => {
  it('covers every design.md §3 file', () => {
    expect(EXPECTED_COUNTS.map(([n]) => n).sort()).toEqual([...FEED_FILE_NAMES].sort());
  });

  it.each(EXPECTED_COUNTS)('%s: parser count equals the file’s own count', (name, count) => {
    const parsed = FEEDS[name]!(readRealFeed(name), name);
    expect(parsed.length).toBe(count());
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.every((p) => p.feed === name)).toBe(true);
  });

  it('reads SOURCES.md counts for every file, with unique counts for Azure and GitHub', () => {
    expect(Object.keys(DOCUMENTED).sort()).toEqual([...FEED_FILE_NAMES].sort());
    expect(DOCUMENTED['azure-service-tags.json']).toEqual({
      v4: 75_264,
      v6: 26_252,
      v4Unique: 41_749,
      v6Unique: 14_976,
    });
    expect(DOCUMENTED['cloudflare-ips-v6.txt']).toEqual({ v4: 0, v6: 7 });
  });

  it.each(FEED_FILE_NAMES)('%s: IPv4 and IPv6 counts match SOURCES.md', (name) => {
    const parsed = FEEDS[name]!(readRealFeed(name), name);
    const doc = DOCUMENTED[name]!;
    expect({ v4: parsed.filter((p) => !isV6(p)).length, v6: parsed.filter(isV6).length }).toEqual({
      v4: doc.v4,
      v6: doc.v6,
    });
    if (doc.v4Unique !== undefined) {
      const unique = (list: RangePrefix[]) => new Set(list.map((p) => p.cidr)).size;
      expect([unique(parsed.filter((p) => !isV6(p))), unique(parsed.filter(isV6))]).toEqual([
        doc.v4Unique,
        doc.v6Unique,
      ]);
    }
  });

  it('covers the unique counts SOURCES.md gives (Azure and GitHub)', () => {
    const withUnique = Object.entries(DOCUMENTED).filter(([, d]) => d.v4Unique !== undefined);
    expect(withUnique.map(([n]) => n).sort()).toEqual(['azure-service-tags.json', 'github-meta.json']);
  });

  it.each(DOCUMENTED_REGIONS)(
    '%s: %i regions (and services) as SOURCES.md states',
    (name, regions, services) => {
      const parsed = FEEDS[name]!(readRealFeed(name), name);
      expect(new Set(parsed.map((p) => p.region).filter((r) => r !== null)).size).toBe(regions);
      if (services !== null) expect(new Set(parsed.map((p) => p.service)).size).toBe(services);
    },
  );

  it('loads all feeds with no errors', () => {
    const { errors, counts, prefixes } = parseFeeds(readAllRealFeeds());
    expect(errors).toEqual([]);
    expect(Object.keys(counts).sort()).toEqual([...FEED_FILE_NAMES].sort());
    expect(prefixes.length).toBeGreaterThan(130_000);
  });

  it('maps "everywhere" values to a null region and keeps canonical ids', () => {
    const { prefixes } = parseFeeds(readAllRealFeeds());
    const providers = new Set(prefixes.map((p) => p.provider));
    expect([...providers].sort()).toEqual(
      [
        'akamai',
        'aws',
        'azure',
        'cloudflare',
        'digitalocean',
        'fastly',
        'gcp',
        'github',
        'google',
        'linode',
        'oracle',
        'vultr',
      ].sort(),
    );
    const regions = new Set(prefixes.map((p) => p.region));
    for (const bad of ['GLOBAL', 'global', '', 'None']) expect(regions.has(bad)).toBe(false);
    expect(prefixes.some((p) => p.provider === 'aws' && p.region === null)).toBe(true);
    expect(prefixes.some((p) => p.provider === 'gcp' && p.region === null)).toBe(true);
    expect(prefixes.some((p) => p.provider === 'azure' && p.region === null)).toBe(true);
    expect(prefixes.some((p) => p.provider === 'azure' && p.region === 'eastus')).toBe(true);
    // Service Tags abbreviate some regions; the parser gives the name host names and status pages use.
    expect(prefixes.some((p) => p.provider === 'azure' && p.region === 'germanywestcentral')).toBe(true);
    expect(prefixes.some((p) => p.provider === 'azure' && p.region === 'germanywc')).toBe(false);
  });

  it.each([
    ['aws-ip-ranges.json', '3.80.0.0/12', 'aws', 'us-east-1', 'ec2'],
    ['gcp-cloud.json', '34.35.0.0/16', 'gcp', 'africa-south1', null],
    ['oracle-public-ip-ranges.json', '129.80.0.0/16', 'oracle', 'us-ashburn-1', 'oci'],
    ['digitalocean-geo.csv', '165.245.148.0/22', 'digitalocean', null, null],
    ['digitalocean-geo.csv', '24.144.64.0/22', 'digitalocean', 'nyc3', null],
    ['linode-geofeed.csv', '2600:3c00::/32', 'linode', 'us-central', null],
    ['vultr-geofeed.json', '45.32.0.0/21', 'vultr', 'ewr', null],
    ['akamai-ipv4-cidrs.txt', '23.32.0.0/11', 'akamai', null, null],
    ['cloudflare-ips-v4.txt', '104.16.0.0/13', 'cloudflare', null, null],
  ])('%s holds %s → %s %s', (file, cidr, provider, region, service) => {
    const hits = FEEDS[file]!(readRealFeed(file), file).filter((p) => p.cidr === cidr);
    expect(hits).toContainEqual(expect.objectContaining({ provider, region, service }));
  });
});

describe('special-purpose blocks in real feeds', () => {
  it('leaves out documentation, 6to4 and other special-purpose prefixes, counted per file', () => {
    const { prefixes, ignored } = parseFeeds(readAllRealFeeds());
    // Vultr's geofeed lists 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:2::/48, 2001:10::/28,
    // 2001:db8::/32 and 2002::/16 (all in "Springfield, OH").
    expect(ignored).toEqual({ 'vultr-geofeed.json': 7 });
    expect(prefixes.some((p) => p.cidr === '2002::/16' || p.cidr === '192.0.2.0/24')).toBe(false);
  });
});

describe('Azure Front Door keeps its identity', () => {
  const azure = FEEDS['azure-service-tags.json']!(
    readRealFeed('azure-service-tags.json'),
    'azure-service-tags.json',
  );

  // AzureFrontDoor.Frontend and .Backend have an empty systemService; the tag name says what they are.
  it.each([
    ['13.107.246.0/24', 'AzureFrontDoor.Frontend'],
    ['4.145.22.160/29', 'AzureFrontDoor.Frontend'],
    ['4.153.250.0/29', 'AzureFrontDoor.Backend'],
    ['13.107.3.0/24', 'AzureFrontDoor.FirstParty (systemService AzureFrontDoor)'],
  ])('%s (%s) → azure, no region, azurefrontdoor', (cidr) => {
    expect(azure.filter((p) => p.cidr === cidr && p.region === null)).toEqual([
      { cidr, provider: 'azure', region: null, service: 'azurefrontdoor', feed: 'azure-service-tags.json' },
    ]);
  });

  it('attributes 13.107.246.1 to Front Door by IP', () => {
    const table = compileRangeTable(azure);
    expect(table.lookup('13.107.246.1')).toMatchObject({
      provider: 'azure',
      region: null,
      service: 'azurefrontdoor',
      cidr: '13.107.246.0/24',
    });
  });

  it('keeps the AzureCloud catch-all without a service, so specific tags win on identical prefixes', () => {
    const regional = azure.filter((p) => p.region === 'eastus');
    expect(regional.some((p) => p.service === null)).toBe(true);
    expect(azure.some((p) => p.service === 'azurecloud')).toBe(false);
  });
});
