import type { OutageDb } from './db';
import { KV_RECORD_VERSION } from './records';

/**
 * Well-known keys of the `kv` store. Values are structured-cloned as given, so typed arrays
 * (range-table bytes) are stored without conversion.
 */
export const KV_KEYS = {
  settings: 'settings',
  /** VerdictRecord (verdict-record.ts): what the badge and popup show, written with each engine snapshot. */
  verdicts: 'verdicts',
  rangeTable: 'range-table',
  /** The inference engine's own snapshot (utils/infer/snapshot.ts), restored when the worker restarts. */
  engineSnapshot: 'engine-snapshot',
} as const;

/** The value stored under `key`, or undefined. The caller validates the shape it expects. */
export async function getKv<T = unknown>(db: OutageDb, key: string): Promise<T | undefined> {
  const row = await db.get('kv', key);
  return row === undefined ? undefined : (row.value as T);
}

export async function setKv(db: OutageDb, key: string, value: unknown): Promise<void> {
  await db.put('kv', { key, version: KV_RECORD_VERSION, value });
}

export async function deleteKv(db: OutageDb, key: string): Promise<void> {
  await db.delete('kv', key);
}
