import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AKAMAI_MEMBERS,
  buildAkamaiZip,
  buildZip,
  readRealFeed,
} from '../../../utils/attribute/__tests__/helpers/zip-builder';
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

/** What the loopback Akamai serves as its zip; every mode but 'ok' is one way an archive can be broken. */
type ZipMode =
  | 'ok'
  | 'truncated'
  | 'bad-signature'
  | 'crc-mismatch'
  | 'v4-crc-mismatch'
  | 'bomb'
  | 'lying-bomb'
  | 'encrypted'
  | 'missing-member';
let zipMode: ZipMode = 'ok';
const ZIP_ETAG = '"akamai-1"';
const V4 = AKAMAI_MEMBERS[0].name;
const V6 = AKAMAI_MEMBERS[1].name;
const v4Text = () => readRealFeed(AKAMAI_MEMBERS[0].file);
const v6Text = () => readRealFeed(AKAMAI_MEMBERS[1].file);

function getAkamaiZip(): Uint8Array {
  const good = buildAkamaiZip();
  switch (zipMode) {
    case 'ok':
      return good;
    case 'truncated':
      return good.subarray(0, good.length - 10);
    case 'bad-signature': {
      const zip = good.slice();
      zip[zip.length - 22] = 0; // the end-of-central-directory record's first byte (no comment)
      return zip;
    }
    case 'crc-mismatch':
      return buildZip([
        { name: V4, data: v4Text(), crc32: 0x1234 },
        { name: V6, data: v6Text(), crc32: 0x1234 },
      ]);
    case 'v4-crc-mismatch':
      return buildZip([
        { name: V4, data: v4Text(), crc32: 0x1234 },
        { name: V6, data: v6Text() },
      ]);
    case 'bomb':
      return buildZip([
        { name: V4, data: v4Text(), size: 3_000_000_000 },
        { name: V6, data: v6Text(), size: 3_000_000_000 },
      ]);
    case 'lying-bomb': {
      const zeros = new Uint8Array(16 * 1024 * 1024);
      return buildZip([
        { name: V4, data: zeros, size: 274 },
        { name: V6, data: zeros, size: 44 },
      ]);
    }
    case 'encrypted':
      return buildZip([
        { name: V4, data: v4Text(), flags: 0x1 },
        { name: V6, data: v6Text(), flags: 0x1 },
      ]);
    case 'missing-member':
      return buildZip([{ name: 'README.txt', data: 'moved' }]);
  }
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  hits.push(`${req.url} ${req.headers['if-none-match'] ?? '-'}`);
  if (req.url === '/akamai.zip') {
    // A broken archive is a new release, so it has a new validator.
    const etag = zipMode === 'ok' ? ZIP_ETAG : `"akamai-${zipMode}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    return void res.writeHead(200, { etag, 'content-type': 'application/zip' }).end(getAkamaiZip());
  }
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

/** The Akamai feeds as the extension declares them, served from the loopback zip. */
function sourcesWithAkamai(): FeedSource[] {
  return [
    ...sources(),
    ...AKAMAI_MEMBERS.map((m) => ({
      file: m.file,
      url: `${base}/akamai.zip`,
      maxBytes: 64 * 1024,
      zipMember: { name: m.name, maxBytes: 4 * 1024 },
    })),
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
  zipMode = 'ok';
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

describe("feed updater with Akamai's zip", () => {
  const makeAkamaiUpdater = () =>
    createFeedUpdater({
      getDb: async () => db,
      now: () => now,
      sources: sourcesWithAkamai(),
      timeoutMs: 5_000,
    });
  const zipHits = () => hits.filter((h) => h.startsWith('/akamai.zip'));
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('downloads the zip once, extracts both lists and puts Akamai prefixes in the table', async () => {
    const updater = makeAkamaiUpdater();
    expect(await updater.run()).toEqual({ checked: 4, swapped: true, errors: [] });
    expect(zipHits()).toEqual(['/akamai.zip -']);
    const table = await updater.getCurrentTable();
    expect(table?.lookup('23.32.1.1')?.provider).toBe('akamai');
    expect(table?.lookup('2a02:26f0::1')?.provider).toBe('akamai');
    expect(table?.lookup('104.16.2.3')?.provider).toBe('cloudflare');
    expect(await getKv(db, getFeedTextKey('akamai-ipv4-cidrs.txt'))).toBe(decode(v4Text()));
    expect(await getKv(db, getFeedTextKey('akamai-ipv6-cidrs.txt'))).toBe(decode(v6Text()));
    const states = await updater.getFeedStates();
    expect(states.feeds['akamai-ipv4-cidrs.txt']).toMatchObject({
      etag: ZIP_ETAG,
      lastGoodAt: T0,
      prefixCount: 19,
    });
    expect(states.feeds['akamai-ipv6-cidrs.txt']).toMatchObject({
      etag: ZIP_ETAG,
      lastGoodAt: T0,
      prefixCount: 3,
    });
  });

  it('a week later asks for the zip once, conditionally, and keeps the table on 304', async () => {
    const updater = makeAkamaiUpdater();
    await updater.run();
    const bytes = await getKv(db, KV_KEYS.rangeTable);
    hits.length = 0;
    now = T0 + WEEK;
    expect(await updater.run()).toEqual({ checked: 4, swapped: false, errors: [] });
    expect(zipHits()).toEqual([`/akamai.zip ${ZIP_ETAG}`]);
    expect(await getKv(db, KV_KEYS.rangeTable)).toEqual(bytes);
  });

  it.each<[ZipMode, RegExp]>([
    ['truncated', /zip: no end-of-central-directory record/],
    ['bad-signature', /zip: no end-of-central-directory record/],
    ['crc-mismatch', /zip: member "akamai_ipv4_CIDRs\.txt": CRC mismatch/],
    ['bomb', /zip: member "akamai_ipv4_CIDRs\.txt" declares 3000000000 bytes \(limit 4096\)/],
    ['lying-bomb', /zip: member "akamai_ipv4_CIDRs\.txt": inflate failed/],
    ['encrypted', /zip: member "akamai_ipv4_CIDRs\.txt" is encrypted/],
    ['missing-member', /zip: no member "akamai_ipv4_CIDRs\.txt"/],
  ])(
    'a broken zip (%s) keeps the previous table, the Akamai texts and the other feeds',
    async (broken, error) => {
      const updater = makeAkamaiUpdater();
      await updater.run();
      const bytes = await getKv(db, KV_KEYS.rangeTable);
      zipMode = broken;
      now = T0 + WEEK;
      const report = await makeAkamaiUpdater().run({ force: true });
      expect(report.swapped).toBe(false);
      expect(report.errors.join('\n')).toMatch(error);
      expect(report.errors.join('\n')).toMatch(/^akamai-ipv4-cidrs\.txt: zip: /m);
      expect(await getKv(db, KV_KEYS.rangeTable)).toEqual(bytes);
      expect(await getKv(db, getFeedTextKey('akamai-ipv4-cidrs.txt'))).toBe(decode(v4Text()));
      const restarted = makeAkamaiUpdater();
      const table = await restarted.getCurrentTable();
      expect(table?.lookup('23.32.1.1')?.provider).toBe('akamai');
      expect(table?.lookup('3.80.1.10')?.region).toBe('us-east-1');
      const states = await restarted.getFeedStates();
      expect(states.feeds['akamai-ipv4-cidrs.txt']).toMatchObject({ lastGoodAt: T0, failures: 1 });
      expect(states.feeds['aws-ip-ranges.json']).toMatchObject({ lastGoodAt: T0 + WEEK, failures: 0 });
    },
  );

  it('a broken zip on install still loads the other feeds; Akamai joins once a good zip arrives', async () => {
    zipMode = 'v4-crc-mismatch';
    const updater = makeAkamaiUpdater();
    const report = await updater.run();
    expect(report.swapped).toBe(true);
    expect(report.errors).toEqual([expect.stringMatching(/^akamai-ipv4-cidrs\.txt: zip: .*CRC mismatch/)]);
    expect((await updater.getCurrentTable())?.lookup('104.16.2.3')?.provider).toBe('cloudflare');
    expect((await updater.getCurrentTable())?.lookup('23.32.1.1')).toBeNull();
    // The v6 member was fine, so it loaded; v4 retries after its backoff.
    expect((await updater.getCurrentTable())?.lookup('2a02:26f0::1')?.provider).toBe('akamai');
    zipMode = 'ok';
    now = T0 + 60 * 60_000;
    expect(await updater.run()).toMatchObject({ checked: 1, swapped: true, errors: [] });
    expect((await updater.getCurrentTable())?.lookup('23.32.1.1')?.provider).toBe('akamai');
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
