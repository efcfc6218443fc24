import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, wrap } from 'idb';
import type { EventRecord, HostRecord, KvRecord } from './records';

/**
 * The extension's one IndexedDB database.
 *
 * Layout (version 3):
 *   events  keyPath `id` (auto-increment)   indexes byTime: time, byTab: [tabId, time], bySite: [site, time]
 *   hosts   keyPath `host`                  index byUpdated: updatedAt
 *   kv      keyPath `key`                   settings, verdict snapshots, range-table bytes
 * Each row carries its own format `version` (records.ts).
 */
export const DB_NAME = 'outage-lens';
export const EVENTS_STORE = 'events';
export const HOSTS_STORE = 'hosts';
export const KV_STORE = 'kv';

export interface OutageDbSchema extends DBSchema {
  events: {
    key: number;
    value: EventRecord;
    indexes: { byTime: number; byTab: [number, number]; bySite: [string, number] };
  };
  hosts: {
    key: string;
    value: HostRecord;
    indexes: { byUpdated: number };
  };
  kv: {
    key: string;
    value: KvRecord;
  };
}

export type OutageDb = IDBPDatabase<OutageDbSchema>;
export type UpgradeTransaction = IDBPTransaction<
  OutageDbSchema,
  ArrayLike<StoreNames<OutageDbSchema>>,
  'versionchange'
>;
export type UpgradeStep = (db: OutageDb, tx: UpgradeTransaction) => void;

/**
 * The upgrade ladder: `UPGRADES[n - 1]` takes the database from version n-1 to n. Steps only ever
 * add; a released step is never edited, a change is a new step at the end.
 */
export const UPGRADES: readonly UpgradeStep[] = [
  // v1: the normalized loads.
  (db) => {
    const events = db.createObjectStore(EVENTS_STORE, { keyPath: 'id', autoIncrement: true });
    events.createIndex('byTime', 'time');
    events.createIndex('byTab', ['tabId', 'time']);
    events.createIndex('bySite', ['site', 'time']);
  },
  // v2: per-host profiles.
  (db) => {
    const hosts = db.createObjectStore(HOSTS_STORE, { keyPath: 'host' });
    hosts.createIndex('byUpdated', 'updatedAt');
  },
  // v3: key-value store for settings and snapshots.
  (db) => {
    db.createObjectStore(KV_STORE, { keyPath: 'key' });
  },
];

export const DB_VERSION = UPGRADES.length;

/**
 * Opens `name` at `version` with `factory`, running the ladder steps between the stored version and
 * `version`. idb's openDB always uses the global indexedDB; this takes the factory so tests get a
 * fresh in-memory database each and the ladder can be stopped at any rung.
 */
export function openWithLadder(
  factory: IDBFactory,
  version: number = DB_VERSION,
  name: string = DB_NAME,
): Promise<OutageDb> {
  if (!Number.isInteger(version) || version < 1 || version > UPGRADES.length) {
    return Promise.reject(new RangeError(`database version ${version} is not in 1..${UPGRADES.length}`));
  }
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as OutageDb;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction;
    for (let step = event.oldVersion; step < (event.newVersion ?? version); step += 1) {
      UPGRADES[step]?.(db, tx);
    }
  });
  return wrap(request) as unknown as Promise<OutageDb>;
}

let opening: Promise<OutageDb> | null = null;

/**
 * The shared connection, opened once per context at DB_VERSION. Another context upgrading the
 * database closes ours (versionchange), and the next call reopens it.
 */
export function openOutageDb(factory: IDBFactory = globalThis.indexedDB): Promise<OutageDb> {
  if (opening) return opening;
  const current = openWithLadder(factory).then((db) => {
    const forget = (): void => {
      if (opening === current) opening = null;
    };
    db.addEventListener('versionchange', () => {
      db.close();
      forget();
    });
    db.addEventListener('close', forget);
    return db;
  });
  current.catch(() => {
    if (opening === current) opening = null;
  });
  opening = current;
  return current;
}

/** Closes and forgets the shared connection (tests, data deletion). */
export async function closeOutageDb(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) (await current.catch(() => null))?.close();
}
