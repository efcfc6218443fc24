import { describe, expect, it } from 'vitest';
import type { RawRequest } from '../../observe/types';
import {
  navigationErrorToRawRequest,
  toHeaderRecord,
  toRawRequest,
  type WebRequestDetailsLike,
} from '../to-raw-request';

// Detail objects as Chromium 156 and Firefox 153 delivered them in the toolchain probes (trimmed).
const cases: Array<{ name: string; details: WebRequestDetailsLike; expected: RawRequest }> = [
  {
    name: 'Chrome main-frame NXDOMAIN',
    details: {
      url: 'http://nx.test/',
      tabId: 4,
      type: 'main_frame',
      timeStamp: 1_700_000_000_123.5,
      frameId: 0,
      error: 'net::ERR_NAME_NOT_RESOLVED',
      fromCache: false,
    },
    expected: {
      time: 1_700_000_000_123.5,
      tabId: 4,
      url: 'http://nx.test/',
      type: 'main_frame',
      error: 'net::ERR_NAME_NOT_RESOLVED',
      fromCache: false,
      source: 'webRequest',
      documentHost: 'nx.test',
    },
  },
  {
    name: 'Chrome 503 with headers, first-party fetch',
    details: {
      url: 'http://api.shop.test:8080/cart',
      tabId: 9,
      type: 'xmlhttprequest',
      timeStamp: 5,
      frameId: 0,
      statusCode: 503,
      ip: '127.0.0.1',
      fromCache: false,
      initiator: 'http://www.shop.test:8080',
      responseHeaders: [
        { name: 'Server', value: 'cloudflare' },
        { name: 'CF-RAY', value: '8a1b-IAD' },
      ],
    },
    expected: {
      time: 5,
      tabId: 9,
      url: 'http://api.shop.test:8080/cart',
      type: 'xmlhttprequest',
      statusCode: 503,
      ip: '127.0.0.1',
      fromCache: false,
      headers: { server: 'cloudflare', 'cf-ray': '8a1b-IAD' },
      source: 'webRequest',
      documentHost: 'www.shop.test',
    },
  },
  {
    name: 'Firefox image in an iframe: the outermost ancestor is the document',
    details: {
      url: 'https://cdn.example.net/a.png',
      tabId: 2,
      type: 'imageset',
      timeStamp: 7,
      frameId: 12,
      error: 'NS_ERROR_NET_RESET',
      ip: '127.0.0.1',
      documentUrl: 'https://frame.example.org/inner.html',
      frameAncestors: [
        { url: 'https://frame.example.org/', frameId: 5 },
        { url: 'https://www.top.example/', frameId: 0 },
      ],
    },
    expected: {
      time: 7,
      tabId: 2,
      url: 'https://cdn.example.net/a.png',
      type: 'imageset',
      error: 'NS_ERROR_NET_RESET',
      ip: '127.0.0.1',
      source: 'webRequest',
      documentHost: 'www.top.example',
    },
  },
  {
    name: 'Firefox top-frame script: documentUrl names the page',
    details: {
      url: 'https://static.shop.test/app.js',
      tabId: 3,
      type: 'script',
      timeStamp: 8,
      error: 'SSL received a record that exceeded the maximum permissible length.',
      documentUrl: 'https://www.shop.test/',
      frameAncestors: [],
    },
    expected: {
      time: 8,
      tabId: 3,
      url: 'https://static.shop.test/app.js',
      type: 'script',
      error: 'SSL received a record that exceeded the maximum permissible length.',
      source: 'webRequest',
      documentHost: 'www.shop.test',
    },
  },
  {
    name: 'Firefox request through an http proxy is marked viaProxy',
    details: {
      url: 'https://www.shop.test/',
      tabId: 1,
      type: 'main_frame',
      timeStamp: 10,
      statusCode: 200,
      ip: '10.0.0.2',
      proxyInfo: { type: 'http' },
    },
    expected: {
      time: 10,
      tabId: 1,
      url: 'https://www.shop.test/',
      type: 'main_frame',
      statusCode: 200,
      ip: '10.0.0.2',
      viaProxy: true,
      source: 'webRequest',
      documentHost: 'www.shop.test',
    },
  },
  {
    name: 'Firefox direct connection is not viaProxy',
    details: {
      url: 'http://ok.test/',
      tabId: 1,
      type: 'script',
      timeStamp: 11,
      statusCode: 200,
      proxyInfo: { type: 'direct' },
    },
    expected: {
      time: 11,
      tabId: 1,
      url: 'http://ok.test/',
      type: 'script',
      statusCode: 200,
      source: 'webRequest',
    },
  },
  {
    name: 'opaque initiator and empty ip give no documentHost and no ip',
    details: {
      url: 'http://ok.test/x',
      tabId: -1,
      type: 'other',
      timeStamp: 9,
      statusCode: 200,
      ip: '',
      initiator: 'null',
    },
    expected: {
      time: 9,
      tabId: -1,
      url: 'http://ok.test/x',
      type: 'other',
      statusCode: 200,
      source: 'webRequest',
    },
  },
];

describe('toRawRequest', () => {
  it.each(cases)('maps $name', ({ details, expected }) => {
    expect(toRawRequest(details)).toEqual(expected);
  });

  it('does not throw on an unparsable document url', () => {
    const raw = toRawRequest({ url: 'x', tabId: 1, type: 'script', timeStamp: 1, documentUrl: 'not a url' });
    expect(raw.documentHost).toBeUndefined();
  });
});

describe('navigationErrorToRawRequest', () => {
  it.each([
    { frameId: 0, type: 'main_frame', documentHost: 'down.test' },
    { frameId: 3, type: 'sub_frame', documentHost: undefined },
  ])('frame $frameId becomes $type', ({ frameId, type, documentHost }) => {
    const raw = navigationErrorToRawRequest({
      url: 'http://down.test:4000/',
      tabId: 6,
      frameId,
      timeStamp: 10,
      error: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(raw).toEqual({
      time: 10,
      tabId: 6,
      url: 'http://down.test:4000/',
      type,
      error: 'net::ERR_CONNECTION_REFUSED',
      source: 'webNavigation',
      ...(documentHost ? { documentHost } : {}),
    });
  });
});

describe('navigationErrorToRawRequest without an error string (Firefox)', () => {
  it.each([undefined, ''])('returns null for error %j rather than a load that looks fine', (error) => {
    expect(
      navigationErrorToRawRequest({ url: 'http://down.test/', tabId: 1, frameId: 0, timeStamp: 1, error }),
    ).toBeNull();
  });
});

describe('toHeaderRecord', () => {
  it('lower-cases names, joins repeats and skips binary values', () => {
    expect(
      toHeaderRecord([
        { name: 'Via', value: '1.1 a' },
        { name: 'via', value: '1.1 b' },
        { name: 'X-Binary' },
      ]),
    ).toEqual({ via: '1.1 a, 1.1 b' });
  });
});
