import { describe, expect, it } from 'vitest';
import { FEED_FILE_NAMES, FEEDS, parseFeeds } from '../feeds';
import { MAX_FEED_BYTES, MAX_FEED_ENTRIES } from '../parsers/feed-input';
import { RangeFeedError } from '../range-feed-error';
import { readAllRealFeeds, readRealFeed } from './helpers/real-feeds';

type FeedKind = 'json' | 'csv' | 'list';
function getFeedKind(name: string): FeedKind {
  return name.endsWith('.json') ? 'json' : name.endsWith('.csv') ? 'csv' : 'list';
}

/** What a cut inside a file is reported as, per kind (plain lists: the cut last line breaks a prefix rule). */
const TRUNCATION_ERROR: Record<FeedKind, RegExp> = {
  json: /invalid JSON/,
  csv: /truncated: line \d+ \(.*\) has no line break after it/,
  list: /bad CIDR ".*" at line \d+(: no prefix length|: too broad|$)/,
};

/** A wrong-type document per JSON format: the right top-level key with the wrong shape. */
const WRONG_TYPES: Record<string, string> = {
  'aws-ip-ranges.json':
    '{"prefixes":[{"ip_prefix":42,"region":"us-east-1","service":"EC2"}],"ipv6_prefixes":[]}',
  'gcp-cloud.json': '{"prefixes":"34.0.0.0/8"}',
  'google-goog.json': '{"prefixes":[{"ipv4Prefix":["8.8.8.0/24"]}]}',
  'azure-service-tags.json':
    '{"values":[{"properties":{"region":"","systemService":"","addressPrefixes":"1.2.3.0/24"}}]}',
  'oracle-public-ip-ranges.json': '{"regions":[{"region":"us-ashburn-1","cidrs":[{"cidr":null}]}]}',
  'fastly-public-ip-list.json': '{"addresses":{"a":1},"ipv6_addresses":[]}',
  'vultr-geofeed.json': '{"subnets":[{"ip_prefix":7}]}',
  'github-meta.json': '{"web":[1,2,3]}',
};

/** A bad CIDR in each format's own syntax. */
const BAD_CIDR: Record<string, string> = {
  'aws-ip-ranges.json':
    '{"prefixes":[{"ip_prefix":"3.80.0.0/33","region":"us-east-1","service":"EC2"}],"ipv6_prefixes":[]}',
  'gcp-cloud.json': '{"prefixes":[{"ipv4Prefix":"34.300.0.0/16","scope":"us-east4"}]}',
  'google-goog.json': '{"prefixes":[{"ipv6Prefix":"2001:db8:::/32"}]}',
  'azure-service-tags.json':
    '{"values":[{"properties":{"region":"eastus","systemService":"","addressPrefixes":["20.0.0.0/x"]}}]}',
  'oracle-public-ip-ranges.json':
    '{"regions":[{"region":"r","cidrs":[{"cidr":"1.2.3.4/-1","tags":["OCI"]}]}]}',
  'fastly-public-ip-list.json': '{"addresses":["151.101.0.0/16/1"],"ipv6_addresses":[]}',
  'vultr-geofeed.json': '{"subnets":[{"ip_prefix":"not-a-prefix"}]}',
  'github-meta.json': '{"web":["140.82.112.0/20","hello"]}',
  'cloudflare-ips-v4.txt': '173.245.48.0/20\n103.21.244.0/22x',
  'cloudflare-ips-v6.txt': '2400:cb00::/32\n2606:4700::/129',
  'akamai-ipv4-cidrs.txt': '23.32.0.0/11\t\n23.192.0.0/',
  'akamai-ipv6-cidrs.txt': '2600:1400::/24\n::g/8',
  'digitalocean-geo.csv': '5.101.96.0/21,NL,NL-NH,Amsterdam,1098 XH\n5.101.104.0.0/22,NL,NL-NH,Amsterdam,\n',
  'linode-geofeed.csv': '# header\n2600:3c00::/32,US,US-TX,Richardson,\n300.1.1.0/24,US,,,\n',
};

/** `n` copies of `item`, comma-separated. */
const repeat = (item: string, n: number): string => Array.from({ length: n }, () => item).join(',');

/** Per format: the smallest document listing `n` entries, and what MAX_FEED_ENTRIES + 1 of them is refused as. */
const TOO_MANY: Record<string, [(n: number) => string, RegExp]> = {
  'aws-ip-ranges.json': [
    (n) =>
      `{"prefixes":[${repeat('{"ip_prefix":"3.0.0.0/8","region":"","service":""}', n)}],"ipv6_prefixes":[]}`,
    /too large/,
  ],
  'gcp-cloud.json': [
    (n) => `{"prefixes":[${repeat('{"ipv4Prefix":"3.0.0.0/8","scope":""}', n)}]}`,
    /too large/,
  ],
  'google-goog.json': [
    (n) => `{"prefixes":[${repeat('{"ipv4Prefix":"3.0.0.0/8"}', n)}]}`,
    /too many entries/,
  ],
  'azure-service-tags.json': [
    (n) => `{"values":[{"properties":{"addressPrefixes":[${repeat('"3.0.0.0/8"', n)}]}}]}`,
    /too many entries/,
  ],
  'oracle-public-ip-ranges.json': [
    (n) => `{"regions":[{"region":"r","cidrs":[${repeat('{"cidr":"3.0.0.0/8"}', n)}]}]}`,
    /too many entries/,
  ],
  'cloudflare-ips-v4.txt': [(n) => '3.0.0.0/8\n'.repeat(n), /too many entries/],
  'cloudflare-ips-v6.txt': [(n) => '2600::/16\n'.repeat(n), /too many entries/],
  'fastly-public-ip-list.json': [
    (n) => `{"addresses":[${repeat('"3.0.0.0/8"', n)}],"ipv6_addresses":[]}`,
    /too many entries/,
  ],
  'akamai-ipv4-cidrs.txt': [(n) => '3.0.0.0/8\n'.repeat(n), /too many entries/],
  'akamai-ipv6-cidrs.txt': [(n) => '2600::/16\n'.repeat(n), /too many entries/],
  'digitalocean-geo.csv': [(n) => '3.0.0.0/8\n'.repeat(n), /too many entries/],
  'linode-geofeed.csv': [(n) => '3.0.0.0/8\n'.repeat(n), /too many entries/],
  'vultr-geofeed.json': [
    (n) => `{"subnets":[${repeat('{"ip_prefix":"3.0.0.0/8"}', n)}]}`,
    /too many entries/,
  ],
  'github-meta.json': [(n) => `{"web":[${repeat('"3.0.0.0/8"', n)}]}`, /too many entries/],
};

/** Well-formed documents that list no prefix at all. */
const EMPTY: Record<string, string> = {
  'aws-ip-ranges.json': '{"syncToken":"1","prefixes":[],"ipv6_prefixes":[]}',
  'gcp-cloud.json': '{"prefixes":[]}',
  'google-goog.json': '{"prefixes":[]}',
  'azure-service-tags.json': '{"values":[{"name":"AzureCloud","properties":{"addressPrefixes":[]}}]}',
  'oracle-public-ip-ranges.json': '{"regions":[]}',
  'cloudflare-ips-v4.txt': '# no ranges today\n',
  'cloudflare-ips-v6.txt': '# no ranges today\n',
  'fastly-public-ip-list.json': '{"addresses":[],"ipv6_addresses":[]}',
  'akamai-ipv4-cidrs.txt': '# none',
  'akamai-ipv6-cidrs.txt': '# none',
  'digitalocean-geo.csv': '# prefix,country,region,city,postal\n',
  'linode-geofeed.csv': '# Last modified: 2026-01-29\n# ip_prefix, alpha2code, region, city, postal_code\n',
  'vultr-geofeed.json': '{"description":"geofeed","subnets":[]}',
  'github-meta.json': '{"web":[],"api":[],"ssh_keys":["ssh-ed25519 AAAA"]}',
};

/** Which families each file may list, and whether its format promises one per list (the parser checks that). */
const V4_ONLY = new Set(['cloudflare-ips-v4.txt', 'akamai-ipv4-cidrs.txt']);
const V6_ONLY = new Set(['cloudflare-ips-v6.txt', 'akamai-ipv6-cidrs.txt']);
const getSlots = (name: string): Array<4 | 6> => (V4_ONLY.has(name) ? [4] : V6_ONLY.has(name) ? [6] : [4, 6]);
/** Feeds whose lists are per family (AWS `prefixes`/`ipv6_prefixes`, Google `ipv4Prefix`/`ipv6Prefix`, ...). */
const FAMILY_LISTS = new Set([
  'aws-ip-ranges.json',
  'gcp-cloud.json',
  'google-goog.json',
  'fastly-public-ip-list.json',
  ...V4_ONLY,
  ...V6_ONLY,
]);

/** The array at `path` inside a parsed JSON document (the test builds the documents, so the path exists). */
function listAt(doc: unknown, ...path: Array<string | number>): unknown[] {
  return path.reduce((node, key) => (node as Record<string | number, unknown>)[key], doc) as unknown[];
}

/**
 * The real file with one more entry, `cidr`, written where the format puts a prefix of family `slot` (AWS
 * `ipv6_prefixes`, Google `ipv6Prefix`, Fastly `ipv6_addresses`; the other formats have one list for both).
 */
function withEntry(name: string, cidr: string, slot: 4 | 6): string {
  const text = readRealFeed(name);
  if (name.endsWith('.txt')) return `${text}\n${cidr}`;
  if (name.endsWith('.csv')) return `${text}${cidr},US,US-NJ,Piscataway,\n`;
  const doc: unknown = JSON.parse(text);
  const v6 = slot === 6;
  switch (name) {
    case 'aws-ip-ranges.json':
      listAt(doc, v6 ? 'ipv6_prefixes' : 'prefixes').push({
        [v6 ? 'ipv6_prefix' : 'ip_prefix']: cidr,
        region: 'us-east-1',
        service: 'EC2',
        network_border_group: 'us-east-1',
      });
      break;
    case 'gcp-cloud.json':
    case 'google-goog.json':
      listAt(doc, 'prefixes').push({
        [v6 ? 'ipv6Prefix' : 'ipv4Prefix']: cidr,
        service: 'Google Cloud',
        scope: 'us-east4',
      });
      break;
    case 'azure-service-tags.json':
      listAt(doc, 'values', 0, 'properties', 'addressPrefixes').push(cidr);
      break;
    case 'oracle-public-ip-ranges.json':
      listAt(doc, 'regions', 0, 'cidrs').push({ cidr, tags: ['OCI'] });
      break;
    case 'fastly-public-ip-list.json':
      listAt(doc, v6 ? 'ipv6_addresses' : 'addresses').push(cidr);
      break;
    case 'vultr-geofeed.json':
      listAt(doc, 'subnets').push({
        ip_prefix: cidr,
        alpha2code: 'US',
        region: 'US-NJ',
        city: 'Piscataway',
        postal_code: '',
      });
      break;
    case 'github-meta.json':
      listAt(doc, 'web').push(cidr);
      break;
    default:
      throw new Error(`no injector for ${name}`);
  }
  return JSON.stringify(doc);
}

interface MalformedCase {
  label: string;
  text: () => string;
  message: RegExp;
}

/** One entry that breaks a prefix rule, per family; every file gets each one its families allow. */
const BAD_ENTRIES: Array<[4 | 6, string, RegExp]> = [
  [4, '0.0.0.0/0', /too broad \(\/0; no feed lists an IPv4 prefix shorter than \/8\)/],
  [4, '128.0.0.0/1', /too broad \(\/1;/],
  [4, '2.0.0.0/7', /too broad \(\/7;/],
  [4, '010.1.1.0/24', /leading zero in an IPv4 octet/],
  [4, '3.80.1.0/12', /host bits set \(the network would be 3\.80\.0\.0\/12\)/],
  [4, '3.80.1.10', /no prefix length/],
  [4, '3.80.0.0/012', /bad CIDR "3\.80\.0\.0\/012" at [^:]+$/],
  [6, '::/0', /too broad \(\/0; no feed lists an IPv6 prefix shorter than \/16\)/],
  [6, '2000::/3', /too broad \(\/3;/],
  [6, '2600::/15', /too broad \(\/15;/],
  [6, '2600:1f18::1/32', /host bits set \(the network would be 2600:1f18::\/32\)/],
];

function getMalformedCases(name: string): MalformedCase[] {
  const real = () => readRealFeed(name);
  const cases: MalformedCase[] = [
    // A cut in the middle, and one byte short of the content (not of a final newline some files carry).
    {
      label: 'truncated in half',
      text: () => real().slice(0, real().length >> 1),
      message: TRUNCATION_ERROR[getFeedKind(name)],
    },
    {
      label: 'truncated by one byte',
      text: () => real().trimEnd().slice(0, -1),
      message: TRUNCATION_ERROR[getFeedKind(name)],
    },
    { label: 'bad CIDR', text: () => BAD_CIDR[name]!, message: /bad CIDR/ },
    { label: 'empty file', text: () => '', message: /empty file/ },
    { label: 'blank file', text: () => ' \n\t\n', message: /empty file/ },
    {
      label: 'binary garbage',
      text: () => String.fromCharCode(0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x13, 0x37),
      message: /binary/,
    },
    { label: 'absurd size: too large', text: () => ' '.repeat(MAX_FEED_BYTES + 1), message: /too large/ },
    {
      label: 'absurd size: too many entries',
      text: () => TOO_MANY[name]![0](MAX_FEED_ENTRIES + 1),
      message: TOO_MANY[name]![1],
    },
    { label: 'valid but empty', text: () => EMPTY[name]!, message: /no prefixes listed \(an empty feed\)/ },
  ];
  if (name.endsWith('.json')) {
    cases.push(
      { label: 'wrong types', text: () => WRONG_TYPES[name]!, message: /should be|neither|no range lists/ },
      {
        label: 'top level is not an object',
        text: () => '[1,2,3]',
        message: /top level should be an object/,
      },
    );
  }
  for (const slot of getSlots(name)) {
    for (const [family, cidr, message] of BAD_ENTRIES) {
      if (family !== slot) continue;
      cases.push({ label: `entry ${cidr}`, text: () => withEntry(name, cidr, slot), message });
    }
  }
  if (FAMILY_LISTS.has(name)) {
    for (const slot of getSlots(name)) {
      const other = slot === 4 ? '2600:1f18::/32' : '3.80.0.0/12';
      cases.push({
        label: `IPv${slot === 4 ? 6 : 4} entry in an IPv${slot} list`,
        text: () => withEntry(name, other, slot),
        message: new RegExp(`an IPv${slot === 4 ? 6 : 4} prefix in a list of IPv${slot} prefixes`),
      });
    }
  }
  return cases;
}

const CASES = FEED_FILE_NAMES.flatMap((name) =>
  getMalformedCases(name).map((c) => [name, c.label, c] as const),
);

const real = readAllRealFeeds();

function expectFeedError(name: string, text: string, message: RegExp): void {
  let error: unknown;
  try {
    FEEDS[name]!(text, name);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(RangeFeedError);
  expect((error as RangeFeedError).file).toBe(name);
  expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
  expect((error as Error).message).toMatch(message);
}

describe('malformed feeds', () => {
  it('has cases for every feed, in every kind', () => {
    for (const name of FEED_FILE_NAMES) expect(getMalformedCases(name).length).toBeGreaterThanOrEqual(13);
    expect(CASES.length).toBeGreaterThan(250);
  });

  it.each(CASES)('%s: %s', (name, _label, c) => {
    expectFeedError(name, c.text(), c.message);
  });

  // Every case of a file in one parseFeeds call with the real copies of all the others: each case is rejected with
  // its own error, in order, and every other feed still loads.
  it.each(FEED_FILE_NAMES)(
    '%s: each malformed case gives its error and leaves the other feeds loaded',
    (name) => {
      const cases = getMalformedCases(name);
      const files = [...cases.map((c) => ({ name, text: c.text() })), ...real.filter((f) => f.name !== name)];
      const { errors, counts } = parseFeeds(files);
      expect(errors.map((e) => e.file)).toEqual(cases.map(() => name));
      cases.forEach((c, i) => {
        expect(errors[i]!.message, c.label).toMatch(c.message);
      });
      expect(Object.keys(counts).sort()).toEqual(FEED_FILE_NAMES.filter((n) => n !== name).sort());
    },
  );

  // The audit's cases: one byte off Cloudflare's list used to load `131.0.72.0/2`, a quarter of IPv4.
  it.each([
    ['cloudflare-ips-v4.txt', /: bad CIDR "131\.0\.72\.0\/2" at line 15: too broad \(\/2;/],
    ['cloudflare-ips-v6.txt', /: bad CIDR "2c0f:f248::\/3" at line 7: too broad \(\/3;/],
    ['akamai-ipv4-cidrs.txt', /: bad CIDR "184\.84\.0\.0\/1" at line 19: too broad/],
    ['akamai-ipv6-cidrs.txt', /: bad CIDR "2405:9600::\/3" at line 3: too broad/],
    [
      'linode-geofeed.csv',
      /: truncated: line 5195 \("172\.235\.125\.0\/24,FR,FR-13,Marseille,"\) has no line break/,
    ],
    ['digitalocean-geo.csv', /: truncated: line 1197 \("2a03:b0c0:3:f0::\/64,DE,DE-HE,Frankfurt,60341"\)/],
  ])('%s one byte short names the cut line', (name, message) => {
    expectFeedError(name, readRealFeed(name).slice(0, -1), message);
  });

  it('names the field of a bad Google IPv6 prefix as ipv6Prefix', () => {
    const text = '{"prefixes":[{"ipv6Prefix":"2001:db8:::/32"}]}';
    expectFeedError('google-goog.json', text, /bad CIDR "2001:db8:::\/32" at prefixes\[0\]\.ipv6Prefix$/);
    const both = '{"prefixes":[{"ipv4Prefix":"8.8.8.0/24","ipv6Prefix":"2001:4860::/32"}]}';
    expectFeedError('google-goog.json', both, /prefixes\[0\] has both ipv4Prefix and ipv6Prefix/);
  });

  it.each([
    ['aws-ip-ranges.json', 4, '3.0.0.0/8'],
    ['aws-ip-ranges.json', 6, '2600::/16'],
    ['cloudflare-ips-v4.txt', 4, '3.0.0.0/8'],
    ['akamai-ipv6-cidrs.txt', 6, '2600::/16'],
    ['linode-geofeed.csv', 4, '3.0.0.0/8'],
    ['azure-service-tags.json', 6, '2600::/16'],
  ] as const)('%s accepts the broadest allowed prefix (IPv%i %s)', (name, slot, cidr) => {
    const before = FEEDS[name]!(readRealFeed(name), name).length;
    const after = FEEDS[name]!(withEntry(name, cidr, slot), name);
    expect(after.length).toBe(before + 1);
    expect(after.some((p) => p.cidr === cidr)).toBe(true);
  });

  it('reports unknown file names without dropping the others', () => {
    const { errors, counts } = parseFeeds([{ name: 'mystery.json', text: '{}' }, ...real]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^mystery\.json: unknown feed file/);
    expect(Object.keys(counts)).toHaveLength(FEED_FILE_NAMES.length);
  });

  it('simply skips missing files', () => {
    const { errors, counts } = parseFeeds(real.filter((f) => f.name !== 'aws-ip-ranges.json'));
    expect(errors).toEqual([]);
    expect(counts['aws-ip-ranges.json']).toBeUndefined();
  });

  it('accepts CRLF line endings, trailing tabs and no final newline in plain lists', () => {
    const text = '23.32.0.0/11\t\r\n23.192.0.0/11\t\r\n2.16.0.0/13';
    expect(FEEDS['akamai-ipv4-cidrs.txt']!(text, 'akamai-ipv4-cidrs.txt').map((p) => p.cidr)).toEqual([
      '23.32.0.0/11',
      '23.192.0.0/11',
      '2.16.0.0/13',
    ]);
    const azure = readRealFeed('azure-service-tags.json').replace(/\n/g, '\r\n');
    expect(FEEDS['azure-service-tags.json']!(azure, 'azure-service-tags.json').length).toBe(101_516);
    const linode = readRealFeed('linode-geofeed.csv').replace(/\n/g, '\r\n');
    expect(FEEDS['linode-geofeed.csv']!(linode, 'linode-geofeed.csv').length).toBe(5_192);
  });
});
