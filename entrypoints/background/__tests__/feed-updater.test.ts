import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAttributor } from '../../../utils/attribute/attribute';
import type { FeedSource } from '../../../utils/attribute/feed-sources';
import {
  type LoopbackServer,
  startLoopbackServer,
} from '../../../utils/browser/__tests__/helpers/loopback-server';
import { openFreshDb } from '../../../utils/store/__tests__/helpers/fresh-db';
import type { OutageDb } from '../../../utils/store/db';
import { getKv, KV_KEYS, setKv } from '../../../utils/store/kv-repo';
import { getFeedTextKey } from '../../../utils/store/settings-keys';
import { setUserMappings } from '../../../utils/store/user-settings';
import {
  createFeedUpdater,
  FEED_ALARM,
  FEED_ALARM_PERIOD_MINUTES,
  registerFeedUpdater,
} from '../feed-updater';

const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const WEEK = 7 * 24 * 3_600_000;
const AWS =
  '{"syncToken":"1","createDate":"2026-01-01-00-00-00","prefixes":[{"ip_prefix":"3.80.0.0/12","region":"us-east-1","service":"EC2","network_border_group":"us-east-1"}],"ipv6_prefixes":[]}';
const CLOUDFLARE = '104.16.0.0/13\n173.245.48.0/20';

/** What the loopback "providers" do right now. */
type Mode = 'ok' | 'http-500' | 'drop-connection' | 'oversized' | 'malformed';
let mode: Mode = 'ok';
const hits: string[] = [];
let server: LoopbackServer;
let base = '';

function handle(req: IncomingMessage, res: ServerResponse): void {
  hits.push(`${req.url} ${req.headers['if-none-match'] ?? '-'}`);
  const body = req.url === '/aws' ? AWS : CLOUDFLARE;
  const etag = req.url === '/aws' ? '"aws-1"' : '"cf-1"';
  if (mode === 'http-500') return void res.writeHead(500).end();
  if (mode === 'drop-connection') return void req.socket.destroy();
  if (mode === 'oversized') return void res.writeHead(200).end('1.2.3.0/24\n'.repeat(10_000));
  if (mode === 'malformed')
    return void res.writeHead(200).end(req.url === '/aws' ? '{"prefixes":' : 'not a cidr');
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { etag }).end(body);
}

beforeAll(async () => {
  server = await startLoopbackServer(handle);
  base = server.base;
});

afterAll(() => server.close());

function sources(): FeedSource[] {
  return [
    { file: 'aws-ip-ranges.json', url: `${base}/aws`, maxBytes: 64 * 1024 },
    { file: 'cloudflare-ips-v4.txt', url: `${base}/cloudflare`, maxBytes: 4 * 1024 },
    { file: 'azure-service-tags.json', url: null, maxBytes: 1024 },
  ];
}

let db: OutageDb;
let now = T0;

function makeUpdater() {
  return createFeedUpdater({ getDb: async () => db, now: () => now, sources: sources(), timeoutMs: 5_000 });
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openFreshDb();
  now = T0;
  mode = 'ok';
  hits.length = 0;
});

describe('feed updater', () => {
  it('has no table before the first download; installs one from the first round', async () => {
    const updater = makeUpdater();
    expect(await updater.getCurrentTable()).toBeNull();
    const report = await updater.run();
    expect(report).toEqual({ checked: 2, swapped: true, errors: [] });
    expect((await updater.getCurrentTable())?.lookup('104.16.2.3')?.provider).toBe('cloudflare');
    expect(await getKv(db, getFeedTextKey('aws-ip-ranges.json'))).toBe(AWS);
    const states = await updater.getFeedStates();
    expect(states.feeds['aws-ip-ranges.json']).toMatchObject({
      etag: '"aws-1"',
      lastGoodAt: T0,
      prefixCount: 1,
    });
    expect(states.feeds['azure-service-tags.json']).toBeUndefined();
  });

  it('tells the background when a round swapped the table in use, and only then', async () => {
    let swaps = 0;
    const updater = createFeedUpdater({
      getDb: async () => db,
      now: () => now,
      sources: sources(),
      timeoutMs: 5_000,
      onTableSwapped: () => swaps++,
    });
    await updater.run();
    expect(swaps).toBe(1);
    mode = 'http-500';
    await updater.run({ force: true });
    expect(swaps).toBe(1);
  });

  it('before the first download, attribution still works from names and headers', async () => {
    const attributor = createAttributor({ table: await makeUpdater().getCurrentTable() });
    const byHeader = attributor.attribute({
      host: 'shop.example',
      ips: ['104.16.2.3'],
      headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-SJC' },
    });
    expect(byHeader.map((a) => a.provider)).toContain('cloudflare');
    expect(attributor.attribute({ host: 'shop.example', ips: ['104.16.2.3'] })).toEqual([]);
  });

  it('does nothing until a week passed, then asks conditionally and reuses the stored texts on 304', async () => {
    const updater = makeUpdater();
    await updater.run();
    const bytes = await getKv(db, KV_KEYS.rangeTable);
    hits.length = 0;
    now = T0 + WEEK - 1;
    expect(await updater.run()).toEqual({ checked: 0, swapped: false, errors: [] });
    expect(hits).toEqual([]);
    now = T0 + WEEK;
    expect(await updater.run()).toEqual({ checked: 2, swapped: false, errors: [] });
    expect(hits.sort()).toEqual(['/aws "aws-1"', '/cloudflare "cf-1"']);
    expect(await getKv(db, KV_KEYS.rangeTable)).toEqual(bytes);
    expect((await updater.getFeedStates()).feeds['aws-ip-ranges.json']?.lastGoodAt).toBe(T0 + WEEK);
  });

  // The required test, end to end: a failed download leaves the previous table in use.
  it.each<[Mode, RegExp]>([
    ['http-500', /HTTP 500/],
    ['drop-connection', /network error/],
    ['oversized', /too large/],
    ['malformed', /aws-ip-ranges\.json: /],
  ])(
    'a failed round (%s) keeps the previous table, in memory and after a worker restart',
    async (failure, error) => {
      const first = makeUpdater();
      await first.run();
      const bytes = await getKv(db, KV_KEYS.rangeTable);
      mode = failure;
      now = T0 + WEEK;
      const report = await first.run({ force: true });
      expect(report.swapped).toBe(false);
      expect(report.errors.join('\n')).toMatch(error);
      expect(await getKv(db, KV_KEYS.rangeTable)).toEqual(bytes);
      expect(await getKv(db, getFeedTextKey('aws-ip-ranges.json'))).toBe(AWS);
      expect((await first.getCurrentTable())?.lookup('3.80.1.10')?.region).toBe('us-east-1');
      const restarted = makeUpdater();
      expect((await restarted.getCurrentTable())?.lookup('3.80.1.10')?.region).toBe('us-east-1');
      const aws = (await restarted.getFeedStates()).feeds['aws-ip-ranges.json'];
      expect(aws).toMatchObject({ lastGoodAt: T0, lastCheckedAt: T0 + WEEK, failures: 1 });
      expect(aws?.lastError).toMatch(error);
    },
  );

  it('unreadable stored table bytes give no table (names and headers still work) until the next good round', async () => {
    await setKv(db, KV_KEYS.rangeTable, new Uint8Array([1, 2, 3]));
    const errors: string[] = [];
    const updater = createFeedUpdater({
      getDb: async () => db,
      now: () => now,
      sources: sources(),
      onError: (e, context) => errors.push(`${context}: ${(e as Error).message}`),
    });
    expect(await updater.getCurrentTable()).toBeNull();
    expect(errors[0]).toMatch(/stored range table: range table: truncated/);
    await updater.run();
    expect((await updater.getCurrentTable())?.lookup('104.16.0.1')?.provider).toBe('cloudflare');
  });

  it('answers the options page message with a forced round', async () => {
    const updater = makeUpdater();
    await updater.run();
    hits.length = 0;
    expect(await updater.handleMessage()).toEqual({ ok: true, checked: 2, swapped: false, errors: [] });
    expect(hits).toHaveLength(2);
  });

  it('reads the user mappings from the options page, dropping invalid ones', async () => {
    await setUserMappings(db, [
      { match: 'corp.example', provider: 'aws', region: 'eu-west-1', service: null, role: 'hosting' },
    ]);
    expect(await makeUpdater().getUserMappings()).toEqual([
      { match: 'corp.example', provider: 'aws', region: 'eu-west-1', service: null, role: 'hosting' },
    ]);
  });
});

describe('registerFeedUpdater', () => {
  it('creates the hourly check alarm once and runs a round on install', async () => {
    const updater = registerFeedUpdater({ getDb: async () => db, now: () => now, sources: sources() });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const alarm = await fakeBrowser.alarms.get(FEED_ALARM);
    expect(alarm?.periodInMinutes).toBe(FEED_ALARM_PERIOD_MINUTES);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await updater.run(); // joins the round onInstalled started, or runs it
    expect((await updater.getCurrentTable())?.lookup('104.16.0.1')?.provider).toBe('cloudflare');
    expect(hits.length).toBe(2);
  });
});
