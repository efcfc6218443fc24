import { describe, expect, it } from 'vitest';
import { FEED_SOURCES, type FeedSource, isDownloadable } from '../feed-sources';
import {
  applyFeedResults,
  createEmptyFeedUpdateState,
  FEED_UPDATE_FORMAT_VERSION,
  type FeedFetchResult,
  type FeedState,
  type FeedUpdateState,
  getCountCollapse,
  getDueFeeds,
  getNextCheckAt,
  getNextDueAt,
  parseFeedUpdateState,
  REFRESH_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
} from '../feed-update';
import { loadRangeTable } from '../range-table';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const AWS_OLD =
  '{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"3.80.0.0/12","region":"us-east-1","service":"EC2","network_border_group":"us-east-1"}],"ipv6_prefixes":[]}';
const AWS_NEW =
  '{"syncToken":"2","createDate":"2026-02-01-00-00-00","prefixes":[{"ip_prefix":"3.80.0.0/12","region":"us-east-1","service":"EC2","network_border_group":"us-east-1"},{"ip_prefix":"52.94.0.0/22","region":"eu-west-1","service":"AMAZON","network_border_group":"eu-west-1"}],"ipv6_prefixes":[]}';
const CF_OLD = '104.16.0.0/13';
const CF_NEW = '104.16.0.0/13\n173.245.48.0/20';

const SOURCES: FeedSource[] = [
  { file: 'aws-ip-ranges.json', url: 'https://aws.test/ip-ranges.json', maxBytes: 1 << 20 },
  { file: 'cloudflare-ips-v4.txt', url: 'https://cf.test/ips-v4', maxBytes: 1 << 16 },
  { file: 'azure-service-tags.json', url: null, maxBytes: 1 << 20 },
];

function stateWith(feeds: FeedUpdateState['feeds']): FeedUpdateState {
  return { version: FEED_UPDATE_FORMAT_VERSION, feeds };
}

/** The state after one good round at T0, with the old texts stored. */
const GOOD_AT_T0 = stateWith({
  'aws-ip-ranges.json': {
    file: 'aws-ip-ranges.json',
    etag: '"aws-1"',
    lastGoodAt: T0,
    lastCheckedAt: T0,
    prefixCount: 1,
    failures: 0,
  },
  'cloudflare-ips-v4.txt': {
    file: 'cloudflare-ips-v4.txt',
    lastModified: 'Sat, 01 Nov 2026 12:00:00 GMT',
    lastGoodAt: T0,
    lastCheckedAt: T0,
    prefixCount: 1,
    failures: 0,
  },
});
const OLD_TEXTS = { 'aws-ip-ranges.json': AWS_OLD, 'cloudflare-ips-v4.txt': CF_OLD };

function lookup(bytes: Uint8Array | null, ip: string) {
  if (bytes === null) throw new Error('expected table bytes');
  const entry = loadRangeTable(bytes).lookup(ip);
  return entry && { provider: entry.provider, region: entry.region };
}

describe('getDueFeeds', () => {
  const files = (due: FeedSource[]) => due.map((s) => s.file);

  it('on install every downloadable feed is due, and only those', () => {
    expect(files(getDueFeeds(createEmptyFeedUpdateState(), SOURCES, T0))).toEqual([
      'aws-ip-ranges.json',
      'cloudflare-ips-v4.txt',
    ]);
    const all = getDueFeeds(createEmptyFeedUpdateState(), FEED_SOURCES, T0);
    expect(all.map((s) => s.file)).toContain('azure-service-tags.json');
    expect(all).toEqual(FEED_SOURCES.filter(isDownloadable));
  });

  it.each([
    ['a minute later', T0 + 60_000, []],
    ['six days later', T0 + 6 * DAY, []],
    ['a week later', T0 + REFRESH_MS, ['aws-ip-ranges.json', 'cloudflare-ips-v4.txt']],
    ['before the last check (clock went back)', T0 - HOUR, ['aws-ip-ranges.json', 'cloudflare-ips-v4.txt']],
  ])('after a good round: %s', (_label, now, expected) => {
    expect(files(getDueFeeds(GOOD_AT_T0, SOURCES, now))).toEqual(expected);
  });

  it('force takes every downloadable feed even when none is due', () => {
    expect(files(getDueFeeds(GOOD_AT_T0, SOURCES, T0 + 60_000, { force: true }))).toEqual([
      'aws-ip-ranges.json',
      'cloudflare-ips-v4.txt',
    ]);
  });

  it.each([
    [1, RETRY_BASE_MS],
    [2, 2 * RETRY_BASE_MS],
    [3, 4 * RETRY_BASE_MS],
    [20, RETRY_MAX_MS],
    [5000, RETRY_MAX_MS],
  ])('after %i failure(s) in a row the retry waits %i ms', (failures, wait) => {
    const feed = { file: 'aws-ip-ranges.json', lastCheckedAt: T0, failures, lastError: 'HTTP 500' };
    expect(getNextCheckAt(feed)).toBe(T0 + wait);
    const state = stateWith({ ...GOOD_AT_T0.feeds, 'aws-ip-ranges.json': feed });
    expect(files(getDueFeeds(state, SOURCES, T0 + wait - 1))).toEqual([]);
    expect(files(getDueFeeds(state, SOURCES, T0 + wait))).toEqual(['aws-ip-ranges.json']);
    expect(getNextDueAt(state, SOURCES)).toBe(T0 + wait);
  });
});

describe('parseFeedUpdateState', () => {
  it('reads back what it stores', () => {
    expect(parseFeedUpdateState(structuredClone(GOOD_AT_T0))).toEqual({ state: GOOD_AT_T0, errors: [] });
  });

  it.each([
    ['nothing stored', undefined, 0, 0],
    ['another format version', { version: 99, feeds: {} }, 0, 1],
    ['not an object', 'garbage', 0, 1],
    ['no feeds', { version: 1 }, 0, 1],
    ['one bad entry among good ones', { version: 1, feeds: { ...GOOD_AT_T0.feeds, x: { file: 7 } } }, 2, 1],
    ['an entry under the wrong name', { version: 1, feeds: { y: { file: 'z' } } }, 0, 1],
  ])('%s', (_label, value, feeds, errors) => {
    const parsed = parseFeedUpdateState(value);
    expect(Object.keys(parsed.state.feeds).length).toBe(feeds);
    expect(parsed.errors.length).toBe(errors);
    expect(parsed.state.version).toBe(FEED_UPDATE_FORMAT_VERSION);
  });
});

describe('applyFeedResults', () => {
  it('install: every feed downloads, a table is compiled and the states are filled in', () => {
    const out = applyFeedResults({
      state: createEmptyFeedUpdateState(),
      results: {
        'aws-ip-ranges.json': { status: 200, text: AWS_OLD, etag: '"aws-1"' },
        'cloudflare-ips-v4.txt': { status: 200, text: CF_NEW, lastModified: 'Sat, 01 Nov 2026 12:00:00 GMT' },
      },
      goodTexts: {},
      hasTable: false,
      now: T0,
    });
    expect(out.errors).toEqual([]);
    expect(out.newTexts).toEqual({ 'aws-ip-ranges.json': AWS_OLD, 'cloudflare-ips-v4.txt': CF_NEW });
    expect(lookup(out.tableBytes, '3.80.1.10')).toEqual({ provider: 'aws', region: 'us-east-1' });
    expect(lookup(out.tableBytes, '173.245.48.1')).toEqual({ provider: 'cloudflare', region: null });
    expect(out.state.feeds['aws-ip-ranges.json']).toEqual({
      file: 'aws-ip-ranges.json',
      etag: '"aws-1"',
      lastCheckedAt: T0,
      lastGoodAt: T0,
      failures: 0,
      prefixCount: 1,
    });
    expect(out.state.feeds['cloudflare-ips-v4.txt']?.prefixCount).toBe(2);
  });

  it('304: reuses the stored text, keeps the validators, swaps nothing in', () => {
    const now = T0 + REFRESH_MS;
    const out = applyFeedResults({
      state: GOOD_AT_T0,
      results: { 'aws-ip-ranges.json': { status: 304 }, 'cloudflare-ips-v4.txt': { status: 304 } },
      goodTexts: OLD_TEXTS,
      hasTable: true,
      now,
    });
    expect(out).toMatchObject({ newTexts: {}, tableBytes: null, errors: [] });
    expect(out.state.feeds['aws-ip-ranges.json']).toEqual({
      ...GOOD_AT_T0.feeds['aws-ip-ranges.json'],
      lastCheckedAt: now,
      lastGoodAt: now,
    });
    expect(out.state.feeds['cloudflare-ips-v4.txt']?.lastModified).toBe('Sat, 01 Nov 2026 12:00:00 GMT');
  });

  it('304 with no table stored: compiles the stored texts', () => {
    const out = applyFeedResults({
      state: GOOD_AT_T0,
      results: { 'aws-ip-ranges.json': { status: 304, etag: '"aws-1"' } },
      goodTexts: OLD_TEXTS,
      hasTable: false,
      now: T0 + REFRESH_MS,
    });
    expect(lookup(out.tableBytes, '3.80.1.10')).toEqual({ provider: 'aws', region: 'us-east-1' });
    expect(lookup(out.tableBytes, '104.16.0.1')).toEqual({ provider: 'cloudflare', region: null });
  });

  it('304 without a stored copy is a failure that drops the validators', () => {
    const out = applyFeedResults({
      state: GOOD_AT_T0,
      results: { 'aws-ip-ranges.json': { status: 304 } },
      goodTexts: { 'cloudflare-ips-v4.txt': CF_OLD },
      hasTable: true,
      now: T0 + 1,
    });
    const aws = out.state.feeds['aws-ip-ranges.json'];
    expect(aws?.etag).toBeUndefined();
    expect(aws?.failures).toBe(1);
    expect(aws?.lastError).toMatch(/no stored copy/);
    expect(out.tableBytes).toBeNull();
  });

  it('one malformed feed keeps its previous good text while the other feed updates', () => {
    const now = T0 + REFRESH_MS;
    const out = applyFeedResults({
      state: GOOD_AT_T0,
      results: {
        'aws-ip-ranges.json': { status: 200, text: '{"prefixes": [', etag: '"aws-broken"' },
        'cloudflare-ips-v4.txt': { status: 200, text: CF_NEW },
      },
      goodTexts: OLD_TEXTS,
      hasTable: true,
      now,
    });
    expect(out.newTexts).toEqual({ 'cloudflare-ips-v4.txt': CF_NEW });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^aws-ip-ranges\.json: /);
    // The new table still has AWS from the previous good text, and the new Cloudflare prefix.
    expect(lookup(out.tableBytes, '3.80.1.10')).toEqual({ provider: 'aws', region: 'us-east-1' });
    expect(lookup(out.tableBytes, '173.245.48.1')).toEqual({ provider: 'cloudflare', region: null });
    const aws = out.state.feeds['aws-ip-ranges.json'];
    expect(aws).toMatchObject({
      etag: '"aws-1"',
      lastGoodAt: T0,
      lastCheckedAt: now,
      failures: 1,
      prefixCount: 1,
    });
    expect(aws?.lastError).toMatch(/aws-ip-ranges\.json/);
    expect(out.state.feeds['cloudflare-ips-v4.txt']).toMatchObject({ lastGoodAt: now, prefixCount: 2 });
    expect(out.state.feeds['cloudflare-ips-v4.txt']?.lastError).toBeUndefined();
  });

  it('a good download after failures clears the error and the backoff', () => {
    const failing = stateWith({
      'aws-ip-ranges.json': {
        file: 'aws-ip-ranges.json',
        lastCheckedAt: T0,
        failures: 3,
        lastError: 'HTTP 503',
      },
    });
    const out = applyFeedResults({
      state: failing,
      results: { 'aws-ip-ranges.json': { status: 200, text: AWS_NEW } },
      goodTexts: { 'aws-ip-ranges.json': AWS_OLD },
      hasTable: true,
      now: T0 + DAY,
    });
    expect(out.state.feeds['aws-ip-ranges.json']).toEqual({
      file: 'aws-ip-ranges.json',
      lastCheckedAt: T0 + DAY,
      lastGoodAt: T0 + DAY,
      failures: 0,
      prefixCount: 2,
    });
    expect(lookup(out.tableBytes, '52.94.0.1')).toEqual({ provider: 'aws', region: 'eu-west-1' });
  });

  // The required test: a failed download leaves the previous table in use.
  it.each<[string, FeedFetchResult]>([
    ['a network error', { status: 'error', error: 'network error: fetch failed (ECONNREFUSED)' }],
    ['HTTP 500', { status: 'error', error: 'HTTP 500' }],
    ['an oversized response', { status: 'error', error: 'too large: over the 65536-byte limit' }],
    ['a timeout', { status: 'error', error: 'timed out after 60 s' }],
  ])(
    'a failed download (%s) leaves the previous table in use and the stored texts alone',
    (_label, failure) => {
      const now = T0 + REFRESH_MS;
      const out = applyFeedResults({
        state: GOOD_AT_T0,
        results: { 'aws-ip-ranges.json': failure, 'cloudflare-ips-v4.txt': failure },
        goodTexts: OLD_TEXTS,
        hasTable: true,
        now,
      });
      expect(out.tableBytes).toBeNull();
      expect(out.newTexts).toEqual({});
      for (const file of Object.keys(OLD_TEXTS)) {
        const feed = out.state.feeds[file];
        expect(feed).toMatchObject({ lastGoodAt: T0, lastCheckedAt: now, failures: 1, prefixCount: 1 });
        expect(feed?.lastError).toBe((failure as { error: string }).error);
      }
      expect(out.state.feeds['aws-ip-ranges.json']?.etag).toBe('"aws-1"');
      expect(out.errors).toHaveLength(2);
    },
  );

  it('remembers the dated address a discovered feed (Azure) came from', () => {
    const azure =
      '{"changeNumber":1,"cloud":"Public","values":[{"name":"AzureCloud.eastus","id":"AzureCloud.eastus","properties":{"changeNumber":1,"region":"eastus","regionId":1,"platform":"Azure","systemService":"","addressPrefixes":["20.42.0.0/17"],"networkFeatures":[]}}]}';
    const sourceUrl = 'https://download.microsoft.com/download/7/1/D/x/ServiceTags_Public_20261123.json';
    const out = applyFeedResults({
      state: createEmptyFeedUpdateState(),
      results: { 'azure-service-tags.json': { status: 200, text: azure, sourceUrl } },
      goodTexts: {},
      hasTable: false,
      now: T0,
    });
    expect(out.errors).toEqual([]);
    expect(out.state.feeds['azure-service-tags.json']).toMatchObject({
      sourceUrl,
      lastGoodAt: T0,
      prefixCount: 1,
    });
    expect(lookup(out.tableBytes, '20.42.1.1')).toEqual({ provider: 'azure', region: 'eastus' });
    expect(parseFeedUpdateState(structuredClone(out.state)).state).toEqual(out.state);
  });

  it('nothing compiles on a first run where every download failed', () => {
    const out = applyFeedResults({
      state: createEmptyFeedUpdateState(),
      results: { 'aws-ip-ranges.json': { status: 'error', error: 'HTTP 500' } },
      goodTexts: {},
      hasTable: false,
      now: T0,
    });
    expect(out.tableBytes).toBeNull();
    expect(out.state.feeds['aws-ip-ranges.json']).toMatchObject({ failures: 1, lastError: 'HTTP 500' });
  });

  it('feeds not checked this round keep their state untouched', () => {
    const out = applyFeedResults({
      state: GOOD_AT_T0,
      results: { 'aws-ip-ranges.json': { status: 304 } },
      goodTexts: OLD_TEXTS,
      hasTable: true,
      now: T0 + REFRESH_MS,
    });
    expect(out.state.feeds['cloudflare-ips-v4.txt']).toEqual(GOOD_AT_T0.feeds['cloudflare-ips-v4.txt']);
  });
});

describe('refusing a download that lost most of its prefixes', () => {
  const CF_FOUR = '173.245.48.0/20\n103.21.244.0/22\n104.16.0.0/13\n131.0.72.0/22';
  const CF_PREV: FeedState = {
    file: 'cloudflare-ips-v4.txt',
    etag: '"cf-4"',
    lastGoodAt: T0,
    lastCheckedAt: T0,
    prefixCount: 4,
    failures: 0,
  };
  const state = stateWith({ ...GOOD_AT_T0.feeds, 'cloudflare-ips-v4.txt': CF_PREV });
  const goodTexts = { ...OLD_TEXTS, 'cloudflare-ips-v4.txt': CF_FOUR };
  const now = T0 + REFRESH_MS;

  it.each([
    [
      'a cut at a line break (1 of 4 left)',
      '173.245.48.0/20\n',
      /refused: lists 1 prefixes, fewer than 50% of the 4/,
    ],
    ['an empty list', '# nothing here\n', /no prefixes listed/],
    ['a truncated last line', '173.245.48.0/20\n103.21.244.0/22\n104.16.0.0/13\n131.0.72.0/2', /too broad/],
  ])('%s: keeps the previous copy and says why on the feed status', (_label, text, reason) => {
    const out = applyFeedResults({
      state,
      results: {
        'cloudflare-ips-v4.txt': { status: 200, text, etag: '"cf-cut"' },
        'aws-ip-ranges.json': { status: 200, text: AWS_NEW },
      },
      goodTexts,
      hasTable: true,
      now,
    });
    expect(out.newTexts).toEqual({ 'aws-ip-ranges.json': AWS_NEW });
    const cf = out.state.feeds['cloudflare-ips-v4.txt'];
    expect(cf).toMatchObject({
      etag: '"cf-4"',
      lastGoodAt: T0,
      lastCheckedAt: now,
      failures: 1,
      prefixCount: 4,
    });
    expect(cf?.lastError).toMatch(/^cloudflare-ips-v4\.txt: /);
    expect(cf?.lastError).toMatch(reason);
    expect(out.errors).toEqual([cf?.lastError]);
    // The table rebuilt for the AWS update still holds all four previous Cloudflare prefixes.
    for (const ip of ['173.245.48.1', '103.21.244.1', '104.16.0.1', '131.0.72.1']) {
      expect(lookup(out.tableBytes, ip)).toEqual({ provider: 'cloudflare', region: null });
    }
    expect(lookup(out.tableBytes, '52.94.0.1')).toEqual({ provider: 'aws', region: 'eu-west-1' });
  });

  it.each([
    ['exactly half of the previous count', 4, 2, null],
    ['one short of half', 5, 2, /fewer than 50% of the 5/],
    ['more than before', 4, 9, null],
    ['the same count', 4, 4, null],
    ['down to zero', 4, 0, /lists 0 prefixes/],
  ])('%s (%i → %i)', (_label, before, after, refused) => {
    const problem = getCountCollapse({ ...CF_PREV, prefixCount: before }, CF_FOUR, after);
    if (refused === null) expect(problem).toBeNull();
    else expect(problem).toMatch(refused);
  });

  it('accepts a short list when there is no previous copy to keep', () => {
    expect(getCountCollapse({ ...CF_PREV, prefixCount: 100 }, undefined, 1)).toBeNull();
    expect(getCountCollapse({ file: 'cloudflare-ips-v4.txt' }, CF_FOUR, 1)).toBeNull();
    const out = applyFeedResults({
      state,
      results: { 'cloudflare-ips-v4.txt': { status: 200, text: '173.245.48.0/20' } },
      goodTexts: { 'aws-ip-ranges.json': AWS_OLD },
      hasTable: true,
      now,
    });
    expect(out.errors).toEqual([]);
    expect(out.state.feeds['cloudflare-ips-v4.txt']).toMatchObject({ prefixCount: 1, lastGoodAt: now });
  });
});
