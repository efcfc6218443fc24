import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../infer/types';
import type { LoadEvent } from '../../observe/types';
import { BADGE_COLORS, type BadgeInput, type BadgeState, getBadgeState } from '../badge-state';
import { getProviderBadge } from '../provider-names';

function load(time: number, host: string, overrides: Partial<LoadEvent> = {}): LoadEvent {
  const site = host.split('.').slice(-2).join('.');
  return {
    time,
    tabId: 1,
    host,
    site,
    type: 'main_frame',
    outcome: 'ok',
    pageSite: 'shop.test',
    ...overrides,
  };
}
const doc = (time: number, overrides: Partial<LoadEvent> = {}) => load(time, 'www.shop.test', overrides);
const api = (time: number, overrides: Partial<LoadEvent> = {}) =>
  load(time, 'api.shop.test', { type: 'xmlhttprequest', ...overrides });

function verdict(overrides: Partial<Verdict>): Verdict {
  return { site: 'shop.test', kind: 'ok', confidence: 0.8, evidence: [], since: 0, ...overrides };
}

const red = BADGE_COLORS.failure;

const CASES: ReadonlyArray<readonly [string, BadgeInput, BadgeState | null]> = [
  ['no events', { events: [] }, null],
  ['a page that loaded', { events: [doc(1, { status: 200 }), api(2)] }, null],
  [
    'a failed main document',
    { events: [doc(1, { outcome: 'http5xx', status: 503 })] },
    { text: '!', color: red, title: 'www.shop.test did not load: the server answered 503.' },
  ],
  [
    'a failed main document, events out of order',
    { events: [doc(5, { outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }), doc(1)] },
    { text: '!', color: red, title: 'www.shop.test did not load: could not find the server (DNS).' },
  ],
  ['a document that failed, then loaded', { events: [doc(1, { outcome: 'timeout' }), doc(9)] }, null],
  [
    'a failing first-party api',
    { events: [doc(1), api(2, { outcome: 'timeout' })] },
    { text: '1', color: red, title: 'api.shop.test is failing: timed out.' },
  ],
  [
    'two failing first-party hosts',
    {
      events: [
        doc(1),
        api(2, { outcome: 'connect', error: 'net::ERR_CONNECTION_REFUSED' }),
        load(3, 'cdn.shop.test', { type: 'script', outcome: 'http5xx', status: 502 }),
      ],
    },
    {
      text: '2',
      color: red,
      title:
        'Parts of shop.test are failing: api.shop.test (connection refused), cdn.shop.test (the server answered 502).',
    },
  ],
  [
    'an api that failed and then recovered',
    { events: [doc(1), api(2, { outcome: 'timeout' }), api(3)] },
    null,
  ],
  [
    'a failing third-party tracker',
    { events: [doc(1), load(2, 'tracker.ads', { type: 'script', outcome: 'dns' })] },
    null,
  ],
  [
    'a failing first-party image',
    { events: [doc(1), load(2, 'img.shop.test', { type: 'image', outcome: 'dns' })] },
    null,
  ],
  ['a blocked first-party script', { events: [doc(1), api(2, { outcome: 'ignored' })] }, null],
  [
    'a failure on the previous page is forgotten after a new document',
    { events: [doc(1), api(2, { outcome: 'timeout' }), doc(60_000)] },
    null,
  ],
  [
    'a main document and an api both failing',
    { events: [api(1, { outcome: 'timeout' }), doc(2, { outcome: 'http5xx', status: 500 })] },
    {
      text: '!',
      color: red,
      title: 'www.shop.test did not load: the server answered 500; also failing: api.shop.test (timed out).',
    },
  ],
  [
    'only the user network failing, no verdict',
    { events: [doc(1, { outcome: 'local', error: 'net::ERR_INTERNET_DISCONNECTED' })] },
    {
      text: 'NET',
      color: BADGE_COLORS.local,
      title: 'Your own network seems to be the problem. www.shop.test did not load: you are offline.',
    },
  ],
  [
    'a provider outage verdict names the provider and region',
    {
      events: [doc(1, { outcome: 'timeout' })],
      verdict: verdict({ kind: 'provider-outage', provider: 'aws', region: 'us-east-1' }),
      outage: { failingSites: ['shop.test', 'a.example', 'b.example', 'c.example'] },
    },
    {
      text: 'AWS',
      color: red,
      title:
        'Likely an AWS us-east-1 outage: 4 sites on it are failing. www.shop.test did not load: timed out.',
    },
  ],
  [
    'a provider-wide outage without a count',
    {
      events: [doc(1, { outcome: 'http5xx', status: 502 })],
      verdict: verdict({ kind: 'provider-outage', provider: 'cloudflare', region: null }),
    },
    {
      text: 'CF',
      color: red,
      title: 'Likely a Cloudflare outage. www.shop.test did not load: the server answered 502.',
    },
  ],
  [
    'a site verdict',
    { events: [doc(1, { outcome: 'http5xx', status: 503 })], verdict: verdict({ kind: 'site' }) },
    {
      text: 'SITE',
      color: BADGE_COLORS.site,
      title:
        'shop.test itself seems to have a problem; other sites work. www.shop.test did not load: the server answered 503.',
    },
  ],
  [
    'a local-network verdict',
    { events: [doc(1, { outcome: 'dns' })], verdict: verdict({ kind: 'local-network' }) },
    {
      text: 'NET',
      color: BADGE_COLORS.local,
      title:
        'Your own connection seems to be the problem. www.shop.test did not load: could not find the server (DNS).',
    },
  ],
  [
    'an unknown verdict falls back to the failure',
    { events: [doc(1, { outcome: 'dns' })], verdict: verdict({ kind: 'unknown' }) },
    { text: '!', color: red, title: 'www.shop.test did not load: could not find the server (DNS).' },
  ],
  [
    "a verdict for another site is not this tab's",
    { events: [doc(1, { outcome: 'dns' })], verdict: verdict({ site: 'other.example', kind: 'site' }) },
    { text: '!', color: red, title: 'www.shop.test did not load: could not find the server (DNS).' },
  ],
  [
    'a verdict alone, with nothing failing on the tab, shows nothing',
    { events: [doc(1)], verdict: verdict({ kind: 'provider-outage', provider: 'aws', region: 'us-east-1' }) },
    null,
  ],
  [
    'the tab site given by the caller decides what is first-party',
    { tabSite: 'shop.test', events: [api(2, { outcome: 'timeout', pageSite: undefined })] },
    { text: '1', color: red, title: 'api.shop.test is failing: timed out.' },
  ],
];

describe('getBadgeState', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(getBadgeState(input)).toEqual(expected);
  });

  it('caps the host count at 4 characters', () => {
    const events = [
      doc(0),
      ...Array.from({ length: 150 }, (_, i) =>
        load(i + 1, `h${i}.shop.test`, { type: 'script', outcome: 'dns' }),
      ),
    ];
    const state = getBadgeState({ events });
    expect(state?.text).toBe('99+');
  });

  it.each(['aws', 'gcp', 'google', 'azure', 'cloudflare', 'akamai', 'vercel', 'some-new-provider'])(
    'a badge for provider %s fits in 4 characters',
    (provider) => {
      expect(getProviderBadge(provider).length).toBeGreaterThan(0);
      expect(getProviderBadge(provider).length).toBeLessThanOrEqual(4);
    },
  );
});
