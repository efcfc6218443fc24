import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeOutageDb,
  DB_NAME,
  DB_VERSION,
  EVENTS_STORE,
  HOSTS_STORE,
  KV_STORE,
  type OutageDb,
  openOutageDb,
  openWithLadder,
  UPGRADES,
} from '../db';
import { ROWS_BY_VERSION, type VersionRows } from './fixtures/db-rows';

/** Stores and their index names (sorted) that must exist from each version on. */
const SHAPE_BY_VERSION: ReadonlyArray<Record<string, string[]>> = [
  { [EVENTS_STORE]: ['byTab', 'bySite', 'byTime'].sort() },
  { [EVENTS_STORE]: ['byTab', 'bySite', 'byTime'].sort(), [HOSTS_STORE]: ['byUpdated'] },
  { [EVENTS_STORE]: ['byTab', 'bySite', 'byTime'].sort(), [HOSTS_STORE]: ['byUpdated'], [KV_STORE]: [] },
];

function getShape(db: OutageDb): Record<string, string[]> {
  const tx = db.transaction([...db.objectStoreNames]);
  const shape: Record<string, string[]> = {};
  for (const name of db.objectStoreNames) {
    shape[name] = [...tx.objectStore(name).indexNames].sort();
  }
  return shape;
}

async function writeRows(db: OutageDb, rows: VersionRows): Promise<void> {
  for (const row of rows.events ?? []) await db.add('events', { ...row });
  for (const row of rows.hosts ?? []) await db.put('hosts', row);
  for (const row of rows.kv ?? []) await db.put('kv', row);
}

async function readRows(db: OutageDb, like: VersionRows): Promise<VersionRows> {
  const read: VersionRows = {};
  if (like.events) read.events = (await db.getAll('events')).map(({ id: _id, ...rest }) => rest);
  if (like.hosts) read.hosts = await db.getAll('hosts');
  if (like.kv) read.kv = await db.getAll('kv');
  return read;
}

describe('upgrade ladder', () => {
  it('has fixture rows and an expected shape for every version', () => {
    expect(DB_VERSION).toBe(UPGRADES.length);
    expect(ROWS_BY_VERSION).toHaveLength(DB_VERSION);
    expect(SHAPE_BY_VERSION).toHaveLength(DB_VERSION);
  });

  it('step 1 creates the events store with its indexes', async () => {
    const db = await openWithLadder(new IDBFactory(), 1);
    expect(db.version).toBe(1);
    expect(getShape(db)).toEqual(SHAPE_BY_VERSION[0]);
    db.close();
  });

  it.each(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 2))(
    'step %i keeps every row of the version before and adds its stores',
    async (version) => {
      const factory = new IDBFactory();
      const before = ROWS_BY_VERSION[version - 2] ?? {};
      const older = await openWithLadder(factory, version - 1);
      await writeRows(older, before);
      older.close();

      const db = await openWithLadder(factory, version);
      expect(db.version).toBe(version);
      expect(getShape(db)).toEqual(SHAPE_BY_VERSION[version - 1]);
      expect(await readRows(db, before)).toEqual(before);
      // The new stores take the rows of their version.
      await writeRows(db, { ...ROWS_BY_VERSION[version - 1], events: [] });
      db.close();
    },
  );

  it('opens a fresh database straight at the latest version', async () => {
    const db = await openWithLadder(new IDBFactory());
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(getShape(db)).toEqual(SHAPE_BY_VERSION[DB_VERSION - 1]);
    db.close();
  });

  it('refuses a version outside the ladder', async () => {
    await expect(openWithLadder(new IDBFactory(), 0)).rejects.toThrow(RangeError);
    await expect(openWithLadder(new IDBFactory(), DB_VERSION + 1)).rejects.toThrow(/not in 1\.\./);
  });
});

describe('openOutageDb', () => {
  afterEach(() => closeOutageDb());

  it('shares one connection until closed', async () => {
    const factory = new IDBFactory();
    const first = openOutageDb(factory);
    expect(openOutageDb(factory)).toBe(first);
    const db = await first;
    expect(db.version).toBe(DB_VERSION);
    await closeOutageDb();
    expect(openOutageDb(new IDBFactory())).not.toBe(first);
  });

  it('lets go of its connection when another context upgrades the database', async () => {
    const factory = new IDBFactory();
    const first = openOutageDb(factory);
    await (await first).put('kv', { key: 'k', version: 1, value: 1 });
    // A newer release in another context opens a higher version: ours must close, not block it.
    const request = factory.open(DB_NAME, DB_VERSION + 1);
    await new Promise((resolve, reject) => {
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    const newer = request.result;
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    const second = openOutageDb(factory);
    expect(second).not.toBe(first);
    // This older code cannot open the newer database; it fails clearly and the data stays.
    await expect(second).rejects.toHaveProperty('name', 'VersionError');
    const check = await openWithLadder(factory, DB_VERSION).catch((error: Error) => error.name);
    expect(check).toBe('VersionError');
  });
});
