import type { Attribution } from '../attribute/types';
import type { LoadEvent } from '../observe/types';
import type { OutageDb } from './db';
import { isHostEvidence, mergeHostRecord, toHostRecord } from './host-record';
import type { HostRecord } from './records';

export const DEFAULT_HOST_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
export const DEFAULT_HOST_MAX_COUNT = 5_000;

/**
 * Folds one event (and the host's attributions, when known) into the host's stored record.
 * A stored row that no longer parses is replaced. Returns the record as stored, or undefined when
 * the event says nothing about the host (mergeHostRecord).
 */
export async function recordHostOutcome(
  db: OutageDb,
  ev: LoadEvent,
  attributions?: readonly Attribution[],
): Promise<HostRecord | undefined> {
  if (!isHostEvidence(ev)) return undefined;
  const tx = db.transaction('hosts', 'readwrite');
  const prev = toHostRecord(await tx.store.get(ev.host));
  const next = mergeHostRecord(prev, ev, attributions);
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

export interface HostObservation {
  ev: LoadEvent;
  attributions?: readonly Attribution[];
}

/**
 * recordHostOutcome for many events in one transaction, in the given order (a batch from the
 * background's queue). Returns how many host rows were written.
 */
export async function recordHostOutcomes(db: OutageDb, items: readonly HostObservation[]): Promise<number> {
  const relevant = items.filter((item) => isHostEvidence(item.ev));
  if (relevant.length === 0) return 0;
  const tx = db.transaction('hosts', 'readwrite');
  const merged = new Map<string, HostRecord | undefined>();
  for (const { ev, attributions } of relevant) {
    const prev = merged.has(ev.host) ? merged.get(ev.host) : toHostRecord(await tx.store.get(ev.host));
    merged.set(ev.host, mergeHostRecord(prev, ev, attributions));
  }
  const records = [...merged.values()].filter((record): record is HostRecord => record !== undefined);
  await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
  return records.length;
}

/** The stored record of a host, or undefined when unknown or unreadable. */
export async function getHost(db: OutageDb, host: string): Promise<HostRecord | undefined> {
  return toHostRecord(await db.get('hosts', host));
}

/** Stored records for several hosts in one transaction; unknown hosts are absent from the map. */
export async function getHosts(db: OutageDb, hosts: readonly string[]): Promise<Map<string, HostRecord>> {
  const tx = db.transaction('hosts', 'readonly');
  const unique = [...new Set(hosts)];
  const rows = await Promise.all(unique.map((host) => tx.store.get(host)));
  await tx.done;
  const found = new Map<string, HostRecord>();
  unique.forEach((host, index) => {
    const record = toHostRecord(rows[index]);
    if (record) found.set(host, record);
  });
  return found;
}

/**
 * The `limit` most recently updated host records, newest first (to seed the pipeline's host profiles at
 * start-up). Rows that no longer parse are skipped.
 */
export async function getRecentHosts(db: OutageDb, limit: number): Promise<HostRecord[]> {
  if (!(limit > 0)) return [];
  const tx = db.transaction('hosts', 'readonly');
  const found: HostRecord[] = [];
  let cursor = await tx.store.index('byUpdated').openCursor(null, 'prev');
  while (cursor && found.length < limit) {
    const record = toHostRecord(cursor.value);
    if (record) found.push(record);
    cursor = await cursor.continue();
  }
  await tx.done;
  return found;
}

export interface PruneHostsOptions {
  now: number;
  maxAgeMs?: number;
  maxCount?: number;
}

/**
 * Least-recently-updated first: deletes hosts not updated since `now - maxAgeMs`, then the oldest
 * until at most `maxCount` remain. Returns how many were deleted.
 */
export async function pruneHosts(db: OutageDb, options: PruneHostsOptions): Promise<number> {
  const { now, maxAgeMs = DEFAULT_HOST_MAX_AGE_MS, maxCount = DEFAULT_HOST_MAX_COUNT } = options;
  const tx = db.transaction('hosts', 'readwrite');
  const byUpdated = tx.store.index('byUpdated');
  let deleted = 0;
  let excess = (await tx.store.count()) - Math.max(0, maxCount);
  let cursor = await byUpdated.openCursor();
  while (cursor && (excess > 0 || cursor.value.updatedAt < now - maxAgeMs)) {
    await cursor.delete();
    deleted += 1;
    excess -= 1;
    cursor = await cursor.continue();
  }
  // Rows without a valid updatedAt are not in the index; they only leave through the count limit.
  let unindexed = excess > 0 ? await tx.store.openCursor() : null;
  while (unindexed && excess > 0) {
    await unindexed.delete();
    deleted += 1;
    excess -= 1;
    unindexed = await unindexed.continue();
  }
  await tx.done;
  return deleted;
}

/** Deletes every host record (the options page's "delete my data"). */
export async function clearHosts(db: OutageDb): Promise<void> {
  await db.clear('hosts');
}
