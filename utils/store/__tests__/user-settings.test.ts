import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type OutageDb, openWithLadder } from '../db';
import { getKv, KV_KEYS, setKv } from '../kv-repo';
import { SETTINGS_KEYS } from '../settings-keys';
import {
  getDohEnabled,
  getUserMappings,
  isDohSetting,
  readUserMappingsRecord,
  setDohEnabled,
  setUserMappings,
} from '../user-settings';

let db: OutageDb;
beforeEach(async () => {
  db = await openWithLadder(new IDBFactory());
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
