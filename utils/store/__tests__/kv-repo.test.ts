import { beforeEach, describe, expect, it } from 'vitest';
import type { OutageDb } from '../db';
import { deleteKv, getKv, KV_KEYS, setKv } from '../kv-repo';
import { openFreshDb } from './helpers/fresh-db';

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('kv repository', () => {
  it('returns undefined for a missing key', async () => {
    expect(await getKv(db, 'nothing')).toBeUndefined();
  });

  it.each([
    ['an object', KV_KEYS.settings, { crowd: false, notifications: true }],
    ['a number', 'n', 42],
    ['null', 'empty', null],
    ['typed-array bytes', KV_KEYS.rangeTable, new Uint8Array([1, 2, 3, 255])],
  ])('round-trips %s', async (_name, key, value) => {
    await setKv(db, key, value);
    expect(await getKv(db, key)).toEqual(value);
  });

  it('stores a format version with each value and overwrites by key', async () => {
    await setKv(db, 'k', 1);
    await setKv(db, 'k', 2);
    expect(await db.get('kv', 'k')).toEqual({ key: 'k', version: 1, value: 2 });
  });

  it('deletes a key', async () => {
    await setKv(db, 'k', 1);
    await deleteKv(db, 'k');
    expect(await getKv(db, 'k')).toBeUndefined();
  });
});
