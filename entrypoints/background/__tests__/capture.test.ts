import { describe, expect, it } from 'vitest';
import { createDeduper } from '../../../utils/observe/dedupe';
import type { LoadEvent, RawRequest } from '../../../utils/observe/types';
import { type CaptureDeps, createCapture } from '../capture';

function raw(overrides: Partial<RawRequest>): RawRequest {
  return {
    time: 1_000,
    tabId: 1,
    url: 'http://down.example/',
    type: 'main_frame',
    error: 'net::ERR_CONNECTION_REFUSED',
    source: 'webRequest',
    ...overrides,
  };
}

/** Records every call; `failStoreFor` makes storing that host throw. */
function createRecordingDeps(failStoreFor?: string) {
  const log: string[] = [];
  const stored: LoadEvent[] = [];
  const errors: string[] = [];
  const deps: CaptureDeps = {
    deduper: createDeduper({ windowMs: 10_000 }),
    async store(event) {
      await Promise.resolve();
      if (event.host === failStoreFor) throw new Error(`disk full for ${event.host}`);
      stored.push(event);
      log.push(`store ${event.host}`);
    },
    async refreshBadge(tabId) {
      log.push(`badge ${tabId}`);
    },
    onError(error, context) {
      errors.push(`${context}: ${(error as Error).message}`);
    },
  };
  return { deps, log, stored, errors };
}

describe('createCapture', () => {
  it('stores in arrival order and refreshes each touched tab once the queue drains', async () => {
    const { deps, log } = createRecordingDeps();
    const capture = createCapture(deps);
    void capture.handle(raw({ url: 'http://a.example/', tabId: 1 }));
    void capture.handle(raw({ url: 'http://b.example/', tabId: 2 }));
    await capture.handle(raw({ url: 'http://c.example/', tabId: 1, time: 1_001 }));
    expect(log).toEqual(['store a.example', 'store b.example', 'store c.example', 'badge 1', 'badge 2']);
  });

  it.each([
    {
      name: 'a webNavigation copy of a failed document',
      second: raw({ source: 'webNavigation', time: 1_050 }),
    },
    { name: 'an auto-reload repeat', second: raw({ time: 2_100 }) },
  ])('drops $name', async ({ second }) => {
    const { deps, stored } = createRecordingDeps();
    const capture = createCapture(deps);
    void capture.handle(raw({}));
    await capture.handle(second);
    expect(stored).toHaveLength(1);
  });

  it('skips what normalizeRequest rejects without touching a badge', async () => {
    const { deps, log } = createRecordingDeps();
    const capture = createCapture(deps);
    await capture.handle(raw({ url: 'chrome-extension://abc/popup.html' }));
    await capture.handle(raw({ tabId: -1 }));
    expect(log).toEqual([]);
  });

  it('reports a failed store and keeps handling the next events', async () => {
    const { deps, stored, errors, log } = createRecordingDeps('bad.example');
    const capture = createCapture(deps);
    void capture.handle(raw({ url: 'http://bad.example/' }));
    await capture.handle(raw({ url: 'http://good.example/' }));
    expect(stored.map((e) => e.host)).toEqual(['good.example']);
    expect(errors).toEqual(['event for http://bad.example/: disk full for bad.example']);
    expect(log.at(-1)).toBe('badge 1');
  });

  it('queues a tab refresh behind the events already queued', async () => {
    const { deps, log } = createRecordingDeps();
    const capture = createCapture(deps);
    void capture.handle(raw({ tabId: 4 }));
    await capture.refreshTab(9);
    expect(log).toEqual(['store down.example', 'badge 4', 'badge 9']);
  });
});
