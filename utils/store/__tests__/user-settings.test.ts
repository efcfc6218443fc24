import { beforeEach, describe, expect, it } from 'vitest';
import type { OutageDb } from '../db';
import { getKv, KV_KEYS, setKv } from '../kv-repo';
import { SETTINGS_KEYS } from '../settings-keys';
import {
  DEFAULT_PROBE_URLS,
  getDohEnabled,
  getProbeUrls,
  getUserMappings,
  isDohSetting,
  readProbeUrls,
  readUserMappingsRecord,
  setDohEnabled,
  setProbeUrls,
  setUserMappings,
} from '../user-settings';
import { openFreshDb } from './helpers/fresh-db';

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('DoH setting', () => {
  it.each([
    [undefined, false],
    [{}, false],
    [{ doh: 'yes' }, false],
    [{ doh: 1 }, false],
    [{ doh: true }, true],
  ])('%j reads as %s', (settings, on) => {
    expect(isDohSetting(settings)).toBe(on);
  });

  it('is off by default and merges into the settings without losing other fields', async () => {
    expect(await getDohEnabled(db)).toBe(false);
    await setKv(db, KV_KEYS.settings, { crowd: false, notifications: true });
    await setDohEnabled(db, true);
    expect(await getDohEnabled(db)).toBe(true);
    expect(await getKv(db, KV_KEYS.settings)).toEqual({ crowd: false, notifications: true, doh: true });
  });
});

describe('user mappings', () => {
  const mapping = {
    match: '10.1.0.0/16',
    provider: 'corp',
    region: 'lab-1',
    service: null,
    role: 'hosting' as const,
  };

  it('round-trips in a versioned row', async () => {
    expect(await getUserMappings(db)).toEqual({ mappings: [], errors: [] });
    await setUserMappings(db, [mapping]);
    expect(await getKv(db, SETTINGS_KEYS.userMappings)).toEqual({ version: 1, mappings: [mapping] });
    expect(await getUserMappings(db)).toEqual({ mappings: [mapping], errors: [] });
  });

  it.each([
    ['another version', { version: 2, mappings: [mapping] }, 0, /unsupported stored format 2/],
    ['not an object', 'x', 0, /unsupported stored format/],
    ['one bad row', { version: 1, mappings: [mapping, { match: '', provider: 'x' }] }, 1, /user mapping 1/],
  ])('reads %s with a reason', (_label, value, kept, reason) => {
    const r = readUserMappingsRecord(value);
    expect(r.mappings).toHaveLength(kept);
    expect(r.errors.join()).toMatch(reason);
  });
});

describe('probe list', () => {
  it.each([
    { name: 'nothing stored', settings: undefined, expected: [...DEFAULT_PROBE_URLS] },
    { name: 'not a list', settings: { probeUrls: 'http://x.example/' }, expected: [...DEFAULT_PROBE_URLS] },
    {
      name: 'only bad entries',
      settings: { probeUrls: ['ftp://x.example/', 3, 'not a url'] },
      expected: [...DEFAULT_PROBE_URLS],
    },
    {
      name: 'a mixed list',
      settings: { probeUrls: ['http://probe.test:8080/204', 'javascript:alert(1)', 'https://b.example/'] },
      expected: ['http://probe.test:8080/204', 'https://b.example/'],
    },
  ])('reads $name', ({ settings, expected }) => {
    expect(readProbeUrls(settings)).toEqual(expected);
  });

  it('round-trips next to the other settings', async () => {
    await setDohEnabled(db, true);
    expect(await getProbeUrls(db)).toEqual([...DEFAULT_PROBE_URLS]);
    await setProbeUrls(db, ['http://probe.test/', 'file:///etc/passwd']);
    expect(await getProbeUrls(db)).toEqual(['http://probe.test/']);
    expect(await getDohEnabled(db)).toBe(true);
  });

  it('has default endpoints on several different providers', () => {
    const hosts = new Set(DEFAULT_PROBE_URLS.map((url) => new URL(url).hostname));
    expect(hosts.size).toBe(DEFAULT_PROBE_URLS.length);
    expect(DEFAULT_PROBE_URLS.length).toBeGreaterThanOrEqual(3);
  });
});
