import { describe, expect, it } from 'vitest';
import { FEED_FILE_NAMES, FEEDS, parseFeeds } from '../feeds';
import { readAllRealFeeds, readRealFeed } from './helpers/real-feeds';

type Json = Record<string, unknown>;
const json = (name: string): Json => JSON.parse(readRealFeed(name)) as Json;
const arr = (v: unknown): unknown[] => v as unknown[];
/** Lines that carry data: non-blank and not a `#` comment. */
const dataLines = (name: string): number =>
  readRealFeed(name)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;

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
  ['cloudflare-ips-v4.txt', () => dataLines('cloudflare-ips-v4.txt')],
  ['cloudflare-ips-v6.txt', () => dataLines('cloudflare-ips-v6.txt')],
  [
    'fastly-public-ip-list.json',
    () =>
      arr(json('fastly-public-ip-list.json').addresses).length +
      arr(json('fastly-public-ip-list.json').ipv6_addresses).length,
  ],
  ['akamai-ipv4-cidrs.txt', () => dataLines('akamai-ipv4-cidrs.txt')],
  ['akamai-ipv6-cidrs.txt', () => dataLines('akamai-ipv6-cidrs.txt')],
  ['digitalocean-geo.csv', () => dataLines('digitalocean-geo.csv')],
  ['linode-geofeed.csv', () => dataLines('linode-geofeed.csv')],
  ['vultr-geofeed.json', () => arr(json('vultr-geofeed.json').subnets).length],
  [
    'github-meta.json',
    () =>
      Object.entries(json('github-meta.json'))
        .filter(([k, v]) => Array.isArray(v) && k !== 'ssh_keys')
        .reduce((n, [, v]) => n + arr(v).length, 0),
  ],
];

// Totals as documented in ../shared/data/provider-ranges/SOURCES.md (IPv4 + IPv6 entries).
const SOURCES_MD_TOTALS: Array<[string, number]> = [
  ['aws-ip-ranges.json', 10_668 + 6_160],
  ['gcp-cloud.json', 889 + 48],
  ['google-goog.json', 73 + 11],
  ['azure-service-tags.json', 75_264 + 26_252],
  ['oracle-public-ip-ranges.json', 896],
  ['fastly-public-ip-list.json', 21],
  ['digitalocean-geo.csv', 1_051 + 146],
  ['linode-geofeed.csv', 5_100 + 92],
  ['vultr-geofeed.json', 434 + 53],
  ['github-meta.json', 4_885 + 1_155],
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

  it.each(SOURCES_MD_TOTALS)('%s matches the count in SOURCES.md', (name, total) => {
    expect(FEEDS[name]!(readRealFeed(name), name).length).toBe(total);
  });

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
