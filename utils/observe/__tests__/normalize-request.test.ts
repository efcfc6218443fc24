import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRequest } from '../normalize-request';
import { getSite, normalizeHost } from '../site';
import type { LoadEvent, RawRequest } from '../types';

const base: RawRequest = { time: 1_000, tabId: 3, url: 'https://www.shop.example.com/', type: 'main_frame' };

type Expected = Partial<LoadEvent> | null;

const CASES: ReadonlyArray<readonly [string, Partial<RawRequest>, Expected]> = [
  [
    'a completed main document',
    { statusCode: 200, ip: '3.80.1.10' },
    {
      host: 'www.shop.example.com',
      site: 'example.com',
      outcome: 'ok',
      status: 200,
      ip: '3.80.1.10',
      pageSite: 'example.com',
    },
  ],
  ['a 503', { statusCode: 503 }, { outcome: 'http5xx', status: 503 }],
  ['a 404 is ignored', { statusCode: 404 }, { outcome: 'ignored' }],
  ['no status and no error is ok', {}, { outcome: 'ok' }],
  [
    'a Chrome DNS error',
    { error: 'net::ERR_NAME_NOT_RESOLVED' },
    { outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' },
  ],
  ['a Firefox refused connection', { error: 'NS_ERROR_CONNECTION_REFUSED' }, { outcome: 'connect' }],
  [
    "Firefox's navigation report of a DNS failure reads like webRequest's",
    { error: 'Error code 2152398878' },
    { outcome: 'dns', error: 'NS_ERROR_UNKNOWN_HOST' },
  ],
  [
    'the error wins over a status',
    { error: 'net::ERR_CONTENT_LENGTH_MISMATCH', statusCode: 200 },
    { outcome: 'protocol' },
  ],
  ['offline', { error: 'net::ERR_INTERNET_DISCONNECTED' }, { outcome: 'local' }],
  [
    'captive portal: public name, private answer',
    { statusCode: 200, ip: '192.168.0.1' },
    { outcome: 'local' },
  ],
  ['captive portal redirect', { statusCode: 302, ip: '10.1.2.3' }, { outcome: 'local' }],
  [
    'captive portal on a failed load',
    { error: 'net::ERR_CONNECTION_RESET', ip: '10.1.2.3' },
    { outcome: 'local' },
  ],
  [
    'an abort stays ignored even from a private address',
    { error: 'net::ERR_ABORTED', ip: '10.1.2.3' },
    { outcome: 'ignored' },
  ],
  ['a proxy address is not judged', { statusCode: 200, ip: '10.0.0.8', viaProxy: true }, { outcome: 'ok' }],
  [
    'e2e: a .test name on loopback keeps its real outcome',
    { url: 'http://www.shop.test:8080/', statusCode: 503, ip: '127.0.0.1' },
    { host: 'www.shop.test', site: 'shop.test', outcome: 'http5xx' },
  ],
  [
    'an ip literal on a private address',
    { url: 'http://192.168.1.1/', statusCode: 200, ip: '192.168.1.1' },
    { host: '192.168.1.1', site: '192.168.1.1', outcome: 'ok' },
  ],
  [
    'an IPv6 literal',
    { url: 'http://[::1]:3000/x', statusCode: 200, ip: '::1' },
    { host: '::1', site: '::1', outcome: 'ok' },
  ],
  [
    'a single-label name',
    { url: 'http://intranet/', statusCode: 200, ip: '10.0.0.2' },
    { host: 'intranet', site: 'intranet', outcome: 'ok' },
  ],
  [
    'upper case and a trailing dot',
    { url: 'https://WWW.Shop.Example.COM./' },
    { host: 'www.shop.example.com', site: 'example.com' },
  ],
  [
    'a PSL private suffix is its own site',
    { url: 'https://my-app.vercel.app/' },
    { site: 'my-app.vercel.app' },
  ],
  [
    'a subresource takes its page site from documentHost',
    { type: 'xmlhttprequest', url: 'https://api.shop.example.com/v1', documentHost: 'www.shop.example.com' },
    { type: 'xmlhttprequest', site: 'example.com', pageSite: 'example.com' },
  ],
  ['a subresource without documentHost has no page site', { type: 'script' }, { pageSite: undefined }],
  ['Firefox imageset → image', { type: 'imageset' }, { type: 'image' }],
  ['Firefox object → other', { type: 'object' }, { type: 'other' }],
  ['websocket → other', { type: 'websocket', url: 'wss://live.shop.example.com/' }, { type: 'other' }],
  ['fromCache is kept', { fromCache: true, statusCode: 200 }, { fromCache: true }],
  [
    'only provider headers are kept',
    { headers: { 'Set-Cookie': 'a=b', Server: 'nginx' } },
    { headers: { server: 'nginx' } },
  ],
  ['beacon is dropped', { type: 'beacon' }, null],
  ['ping is dropped', { type: 'ping' }, null],
  ['csp_report is dropped', { type: 'csp_report' }, null],
  ['speculative is dropped', { type: 'speculative' }, null],
  ['an unknown type is dropped', { type: 'hologram' }, null],
  ['a background request (tabId -1) is dropped', { tabId: -1 }, null],
  ['an extension page is dropped', { url: 'chrome-extension://abc/popup.html' }, null],
  ['a moz-extension page is dropped', { url: 'moz-extension://abc/popup.html' }, null],
  ['data: is dropped', { url: 'data:text/html,hi' }, null],
  ['file: is dropped', { url: 'file:///etc/hosts' }, null],
  ['an unparseable url is dropped', { url: 'not a url' }, null],
  ['a NaN time is dropped', { time: Number.NaN }, null],
];

describe('normalizeRequest', () => {
  it.each(CASES)('%s', (_name, overrides, expected) => {
    const event = normalizeRequest({ ...base, ...overrides });
    if (expected === null) {
      expect(event).toBeNull();
      return;
    }
    expect(event).not.toBeNull();
    for (const [key, value] of Object.entries(expected)) {
      expect(event?.[key as keyof LoadEvent], key).toEqual(value);
    }
  });

  it('keeps time and tab as given', () => {
    expect(normalizeRequest({ ...base, time: 1234.5, tabId: 9 })).toMatchObject({ time: 1234.5, tabId: 9 });
  });

  it('never throws on arbitrary RawRequest-shaped input', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(undefined),
      fc.constant(null),
    );
    const raw = fc.record(
      {
        time: fc.oneof(fc.double(), fc.integer(), anything),
        tabId: fc.oneof(fc.integer({ min: -2, max: 50 }), anything),
        url: fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.constantFrom('http://[::1]/', 'https://a..b/', 'http://%zz/'),
          anything,
        ),
        type: fc.oneof(
          fc.constantFrom('main_frame', 'xmlhttprequest', 'imageset', 'beacon', 'script'),
          anything,
        ),
        error: fc.oneof(fc.string(), fc.constantFrom('net::ERR_ABORTED', 'NS_ERROR_OFFLINE'), anything),
        statusCode: fc.oneof(fc.integer({ min: -10, max: 1000 }), anything),
        ip: fc.oneof(fc.ipV4(), fc.ipV6(), fc.string(), anything),
        fromCache: anything,
        headers: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), anything)), anything),
        documentHost: fc.oneof(fc.domain(), fc.string(), anything),
        viaProxy: anything,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(raw, (input) => {
        const event = normalizeRequest(input as unknown as RawRequest);
        if (event !== null) {
          expect(typeof event.host).toBe('string');
          expect(event.host.length).toBeGreaterThan(0);
          expect(event.tabId).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on non-object input', () => {
    for (const input of [null, undefined, 42, 'x', []]) {
      expect(normalizeRequest(input as unknown as RawRequest)).toBeNull();
    }
  });
});

describe('site helpers', () => {
  it.each([
    ['www.shop.example.com', 'example.com'],
    ['api.shop.co.uk', 'shop.co.uk'],
    ['shop.test', 'shop.test'],
    ['a.b.shop.test', 'shop.test'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['d111111abcdef8.cloudfront.net', 'd111111abcdef8.cloudfront.net'],
  ] as const)('getSite(%j) = %j', (host, site) => {
    expect(getSite(host)).toBe(site);
  });

  it.each([
    ['[::1]:8080', '::1'],
    ['Shop.Example.:443', 'shop.example'],
    ['shop.test:8080', 'shop.test'],
    ['fe80::1', 'fe80::1'],
  ] as const)('normalizeHost(%j) = %j', (host, expected) => {
    expect(normalizeHost(host)).toBe(expected);
  });
});
