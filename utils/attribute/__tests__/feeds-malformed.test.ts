import { describe, expect, it } from 'vitest';
import { FEED_FILE_NAMES, FEEDS, parseFeeds } from '../feeds';
import { MAX_FEED_BYTES, MAX_FEED_ENTRIES } from '../parsers/feed-input';
import { RangeFeedError } from '../range-feed-error';
import { readAllRealFeeds, readRealFeed } from './helpers/real-feeds';

const JSON_FEEDS = FEED_FILE_NAMES.filter((n) => n.endsWith('.json'));
const TEXT_FEEDS = FEED_FILE_NAMES.filter((n) => !n.endsWith('.json'));

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
  'digitalocean-geo.csv': '5.101.96.0/21,NL,NL-NH,Amsterdam,1098 XH\n5.101.104.0.0/22,NL,NL-NH,Amsterdam,',
  'linode-geofeed.csv': '# header\n2600:3c00::/32,US,US-TX,Richardson,\n300.1.1.0/24,US,,,',
};

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

/** The bad file is rejected with its own error; every other real feed still loads. */
function expectOthersLoaded(name: string, text: string): void {
  const files = real.map((f) => (f.name === name ? { name, text } : f));
  const { errors, counts } = parseFeeds(files);
  expect(errors.map((e) => e.file)).toEqual([name]);
  expect(Object.keys(counts).sort()).toEqual(FEED_FILE_NAMES.filter((n) => n !== name).sort());
}

describe('malformed feeds', () => {
  it.each(JSON_FEEDS)('%s: truncated JSON', (name) => {
    const text = readRealFeed(name);
    const cut = text.slice(0, Math.floor(text.length / 2));
    expectFeedError(name, cut, /invalid JSON/);
    expectOthersLoaded(name, cut);
  });

  it.each(JSON_FEEDS)('%s: wrong types', (name) => {
    expectFeedError(name, WRONG_TYPES[name]!, /should be|neither|no range lists/);
    expectOthersLoaded(name, WRONG_TYPES[name]!);
  });

  it.each(JSON_FEEDS)('%s: top level is not an object', (name) => {
    expectFeedError(name, '[1,2,3]', /top level should be an object/);
  });

  it.each(FEED_FILE_NAMES)('%s: bad CIDR', (name) => {
    expectFeedError(name, BAD_CIDR[name]!, /bad CIDR/);
    expectOthersLoaded(name, BAD_CIDR[name]!);
  });

  it.each(FEED_FILE_NAMES)('%s: empty file', (name) => {
    expectFeedError(name, '', /empty file/);
    expectFeedError(name, ' \n\t\n', /empty file/);
    expectOthersLoaded(name, '');
  });

  it.each(FEED_FILE_NAMES)('%s: binary garbage', (name) => {
    const garbage = String.fromCharCode(0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x13, 0x37);
    expectFeedError(name, garbage, /binary/);
    expectOthersLoaded(name, garbage);
  });

  it.each(FEED_FILE_NAMES)('%s: absurd size', (name) => {
    const huge = ' '.repeat(MAX_FEED_BYTES + 1);
    expectFeedError(name, huge, /too large/);
  });

  it.each(TEXT_FEEDS)('%s: too many entries', (name) => {
    const line = name.includes('v6') ? '2001:db8::/32' : '10.0.0.0/8';
    expectFeedError(name, `${line}\n`.repeat(MAX_FEED_ENTRIES + 1), /too many entries/);
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

  it('accepts CRLF line endings, trailing tabs and no final newline', () => {
    const text = '23.32.0.0/11\t\r\n23.192.0.0/11\t\r\n2.16.0.0/13';
    expect(FEEDS['akamai-ipv4-cidrs.txt']!(text, 'akamai-ipv4-cidrs.txt').map((p) => p.cidr)).toEqual([
      '23.32.0.0/11',
      '23.192.0.0/11',
      '2.16.0.0/13',
    ]);
    const azure = readRealFeed('azure-service-tags.json').replace(/\n/g, '\r\n');
    expect(FEEDS['azure-service-tags.json']!(azure, 'azure-service-tags.json').length).toBe(101_516);
  });
});
