import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeConnectivity } from '../connectivity-probe';
import {
  DATA_DELETED_MESSAGE,
  isDataDeletedMessage,
  isSettingsChangedMessage,
  SETTINGS_CHANGED_MESSAGE,
} from '../settings-messages';
import { getRefusedUrl, type LoopbackServer, startLoopbackServer } from './helpers/loopback-server';

// Loopback servers only: one answers 204, one 404 (still an answer), one never answers; a closed port refuses.
let base = '';
let refused = '';
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/hang') return;
    res.writeHead(req.url === '/204' ? 204 : 404);
    res.end();
  });
  base = server.base;
  refused = await getRefusedUrl('/');
});

afterAll(() => server.close());

describe('probeConnectivity', () => {
  it.each([
    { name: 'every endpoint answers', paths: ['/204', '/404'], reachable: 2 },
    { name: 'one refuses, one answers', paths: ['/204', 'refused'], reachable: 1 },
    { name: 'one never answers within the timeout', paths: ['/hang', '/204'], reachable: 1 },
    { name: 'none answer', paths: ['refused', '/hang'], reachable: 0 },
  ])('counts reachable endpoints when $name', async ({ paths, reachable }) => {
    const urls = paths.map((p) => (p === 'refused' ? refused : `${base}${p}`));
    const result = await probeConnectivity(urls, 1_000, { timeoutMs: 300 });
    expect(result).toEqual({ time: 1_000, reachable, total: urls.length, dnsOk: reachable > 0 });
  });

  it('does not fetch when the browser says it is offline', async () => {
    let fetched = 0;
    const fetchSpy = (async () => {
      fetched++;
      return new Response(null);
    }) as typeof fetch;
    const result = await probeConnectivity([`${base}/204`], 7, { isOnline: () => false, fetch: fetchSpy });
    expect(result).toEqual({ time: 7, reachable: 0, total: 1, dnsOk: false });
    expect(fetched).toBe(0);
  });

  it('sends no credentials and skips the cache', async () => {
    const seen: RequestInit[] = [];
    const fetchSpy = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response(null);
    }) as unknown as typeof fetch;
    await probeConnectivity(['https://a.example/'], 1, { fetch: fetchSpy });
    expect(seen[0]).toMatchObject({ credentials: 'omit', cache: 'no-store', mode: 'no-cors' });
  });
});

describe('settings-changed message', () => {
  it.each([
    { message: { type: SETTINGS_CHANGED_MESSAGE }, expected: true },
    { message: { type: 'update-feeds' }, expected: false },
    { message: null, expected: false },
    { message: 'settings-changed', expected: false },
  ])('recognizes $message: $expected', ({ message, expected }) => {
    expect(isSettingsChangedMessage(message)).toBe(expected);
  });
});

describe('data-deleted message', () => {
  it.each([
    { message: { type: DATA_DELETED_MESSAGE }, expected: true },
    { message: { type: SETTINGS_CHANGED_MESSAGE }, expected: false },
    { message: undefined, expected: false },
  ])('recognizes $message: $expected', ({ message, expected }) => {
    expect(isDataDeletedMessage(message)).toBe(expected);
  });
});
