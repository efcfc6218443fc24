import { IDBFactory } from 'fake-indexeddb';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type LoopbackServer,
  startLoopbackServer,
} from '../../../utils/browser/__tests__/helpers/loopback-server';
import { CLEAR_TITLE } from '../../../utils/browser/badge-titles';
import { SETTINGS_CHANGED_MESSAGE } from '../../../utils/browser/settings-messages';
import { RESOURCE_TYPES } from '../../../utils/observe/resource-type';
import { closeOutageDb, openOutageDb } from '../../../utils/store/db';
import { getRecentEvents } from '../../../utils/store/events-repo';
import { getHost } from '../../../utils/store/hosts-repo';
import { setProbeUrls, setUserMappings } from '../../../utils/store/user-settings';
import background from '../index';
import { PRUNE_ALARM } from '../settings';

type Listener = (details: Record<string, unknown>) => void;

// fakeBrowser.webRequest throws "not implemented"; capture what main() registers instead.
function spyOnWebRequest() {
  const onCompleted = vi
    .spyOn(fakeBrowser.webRequest.onCompleted, 'addListener')
    .mockImplementation(() => {});
  const onErrorOccurred = vi
    .spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener')
    .mockImplementation(() => {});
  return { onCompleted, onErrorOccurred };
}

function getListener(spy: { mock: { calls: unknown[][] } }): Listener {
  const listener = spy.mock.calls[0]?.[0];
  if (typeof listener !== 'function') throw new Error('no listener registered');
  return listener as Listener;
}

async function getStoredForTab(tabId: number) {
  return getRecentEvents(await openOutageDb(), { since: 0, tabId });
}

let probeHits = 0;
let probeUrl = '';
let probeServer: LoopbackServer;

beforeAll(async () => {
  probeServer = await startLoopbackServer((_req, res) => {
    probeHits++;
    res.writeHead(204).end();
  });
  probeUrl = `${probeServer.base}/204`;
});

afterAll(() => probeServer.close());

/**
 * The message listeners every main() of the running test registered. main() answers a message only
 * after its queued work, start-up included, so afterEach sends each one a message before it closes the
 * database: no start-up is left reading from a connection closed under it.
 */
let messageListeners: MockInstance<(listener: (message: unknown) => Promise<unknown> | undefined) => void>;

beforeEach(async () => {
  fakeBrowser.reset();
  // reset() leaves webNavigation listeners of earlier tests' main() in place.
  fakeBrowser.webNavigation.onErrorOccurred.removeAllListeners();
  await closeOutageDb();
  globalThis.indexedDB = new IDBFactory();
  messageListeners = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener') as typeof messageListeners;
});

afterEach(async () => {
  for (const [listener] of messageListeners.mock.calls) await listener({ type: SETTINGS_CHANGED_MESSAGE });
  await closeOutageDb();
});

describe('background main()', () => {
  it('registers every listener synchronously, before main() returns', () => {
    const spies = spyOnWebRequest();
    const onNavigationError = vi.spyOn(fakeBrowser.webNavigation.onErrorOccurred, 'addListener');
    const onTabUpdated = vi.spyOn(fakeBrowser.tabs.onUpdated, 'addListener');
    const onAlarm = vi.spyOn(fakeBrowser.alarms.onAlarm, 'addListener');

    const result = background.main();

    expect(result).toBeUndefined();
    for (const spy of [spies.onCompleted, spies.onErrorOccurred, onNavigationError]) {
      expect(spy).toHaveBeenCalledTimes(1);
    }
    // Other wiring (feeds, ...) may add its own tab and alarm listeners.
    expect(onTabUpdated).toHaveBeenCalled();
    expect(onAlarm).toHaveBeenCalled();
    const [, completedFilter, extraInfo] = spies.onCompleted.mock.calls[0]!;
    expect(completedFilter?.urls).toEqual(['<all_urls>']);
    expect(completedFilter?.types).toEqual(expect.arrayContaining([...RESOURCE_TYPES]));
    expect(extraInfo).toEqual(['responseHeaders']);
    expect(spies.onErrorOccurred.mock.calls[0]![1]?.types).toEqual(
      expect.arrayContaining([...RESOURCE_TYPES]),
    );
  });

  it('schedules pruning with an alarm', async () => {
    spyOnWebRequest();
    background.main();
    const alarm = await vi.waitFor(async () => {
      const found = await fakeBrowser.alarms.get(PRUNE_ALARM);
      expect(found).toBeDefined();
      return found;
    });
    expect(alarm?.periodInMinutes).toBeGreaterThan(0);
  });

  it('stores a failing document once (webRequest + webNavigation) and badges its tab', async () => {
    const spies = spyOnWebRequest();
    background.main();
    const failure = {
      url: 'http://down.example/',
      tabId: 7,
      frameId: 0,
      type: 'main_frame',
      timeStamp: Date.now(),
      error: 'net::ERR_CONNECTION_REFUSED',
    };
    getListener(spies.onErrorOccurred)(failure);
    await fakeBrowser.webNavigation.onErrorOccurred.trigger(failure as never);

    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('!'));
    const stored = await getStoredForTab(7);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ host: 'down.example', outcome: 'connect', type: 'main_frame' });
    expect(await browser.action.getTitle({ tabId: 7 })).toContain('down.example');
    expect(await browser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([217, 48, 37, 255]);
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('re-applies the badge from IndexedDB when the tab finishes loading', async () => {
    const spies = spyOnWebRequest();
    background.main();
    getListener(spies.onCompleted)({
      url: 'http://api.shop.example/cart',
      tabId: 3,
      type: 'xmlhttprequest',
      timeStamp: Date.now(),
      statusCode: 503,
      initiator: 'http://www.shop.example',
    });
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('1'));
    // What Chromium does on commit: the per-tab badge is blanked.
    await browser.action.setBadgeText({ tabId: 3, text: '' });
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'complete' }, { id: 3 } as never);
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 3 })).toBe('1'));
  });

  it('clears the badge when the tab loads fine again', async () => {
    const spies = spyOnWebRequest();
    background.main();
    const base = { url: 'http://flaky.example/', tabId: 5, frameId: 0, type: 'main_frame' };
    getListener(spies.onCompleted)({ ...base, timeStamp: Date.now() - 5_000, statusCode: 503 });
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('!'));
    getListener(spies.onCompleted)({ ...base, timeStamp: Date.now(), statusCode: 200 });
    await vi.waitFor(async () => expect(await browser.action.getTitle({ tabId: 5 })).toBe(CLEAR_TITLE));
    expect(await browser.action.getBadgeText({ tabId: 5 })).toBe('');
    expect((await getStoredForTab(5)).map((e) => e.outcome)).toEqual(['http5xx', 'ok']);
  });

  it('ignores requests that belong to no tab and keeps handling after them', async () => {
    const spies = spyOnWebRequest();
    background.main();
    const onError = getListener(spies.onErrorOccurred);
    onError({
      url: 'http://bg.example/',
      tabId: -1,
      type: 'xmlhttprequest',
      timeStamp: Date.now(),
      error: 'x',
    });
    onError({ url: 'not a url', tabId: 2, type: 'script', timeStamp: Date.now(), error: 'net::ERR_FAILED' });
    onError({
      url: 'http://nx.example/',
      tabId: 2,
      frameId: 0,
      type: 'main_frame',
      timeStamp: Date.now(),
      error: 'net::ERR_NAME_NOT_RESOLVED',
    });
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 2 })).toBe('!'));
    expect((await getStoredForTab(2)).map((e) => e.host)).toEqual(['nx.example']);
    expect(await getStoredForTab(-1)).toEqual([]);
  });

  it('answers the settings-changed message once the attributor was rebuilt with the new mappings', async () => {
    const spies = spyOnWebRequest();
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    background.main();
    const listener = onMessage.mock.calls[0]?.[0] as (message: unknown) => Promise<unknown> | undefined;
    await setUserMappings(await openOutageDb(), [
      { match: 'mapped.example', provider: 'aws', region: 'us-east-1', service: null, role: 'hosting' },
    ]);
    expect(listener({ type: 'something-else' })).toBeUndefined();
    await expect(listener({ type: SETTINGS_CHANGED_MESSAGE })).resolves.toEqual({ ok: true });
    getListener(spies.onCompleted)({
      url: 'http://www.mapped.example/',
      tabId: 4,
      frameId: 0,
      type: 'main_frame',
      timeStamp: Date.now(),
      statusCode: 200,
      ip: '198.51.100.7',
    });
    await vi.waitFor(async () =>
      expect((await getHost(await openOutageDb(), 'www.mapped.example'))?.attributions[0]).toMatchObject({
        provider: 'aws',
        region: 'us-east-1',
      }),
    );
  });

  it('badges a tab with the provider once three mapped sites on it fail', async () => {
    const spies = spyOnWebRequest();
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    background.main();
    const listener = onMessage.mock.calls[0]?.[0] as (message: unknown) => Promise<unknown> | undefined;
    const sites = ['a.example', 'b.example', 'c.example'];
    // Three failing sites with nothing loading make the engine probe: at a loopback server, never the internet.
    await setProbeUrls(await openOutageDb(), [probeUrl]);
    await setUserMappings(
      await openOutageDb(),
      sites.map((match) => ({ match, provider: 'aws', region: 'us-east-1', service: null, role: 'hosting' })),
    );
    await listener({ type: SETTINGS_CHANGED_MESSAGE });
    // Browser time stamps are never ahead of the worker's clock.
    const start = Date.now() - 100;
    sites.forEach((site, i) => {
      getListener(spies.onErrorOccurred)({
        url: `http://${site}/`,
        tabId: 10 + i,
        frameId: 0,
        type: 'main_frame',
        timeStamp: start + i,
        error: 'net::ERR_CONNECTION_REFUSED',
      });
    });
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 12 })).toBe('AWS'));
    expect(await browser.action.getTitle({ tabId: 12 })).toContain(
      'AWS us-east-1 outage: 3 sites on it are failing',
    );
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({ tabId: 10 })).toBe('AWS'));
    await vi.waitFor(() => expect(probeHits).toBeGreaterThan(0));
    // The probe answered, so the verdict stays the provider's, not the user's own network.
    await listener({ type: SETTINGS_CHANGED_MESSAGE });
    expect(await browser.action.getBadgeText({ tabId: 12 })).toBe('AWS');
  });
});
