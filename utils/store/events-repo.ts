import * as v from 'valibot';
import { LoadEventSchema } from '../observe/load-event-schema';
import type { LoadEvent } from '../observe/types';
import type { OutageDb } from './db';
import { EVENT_RECORD_VERSION, type EventRecord } from './records';

export const DEFAULT_EVENT_MAX_AGE_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_EVENT_MAX_COUNT = 20_000;

export interface AddEventsResult {
  added: number;
  /** Inputs that were not stored, by position, with the reason. */
  rejected: Array<{ index: number; reason: string }>;
}

/** A stored event as read back: the LoadEvent and its row id. */
export type StoredEvent = LoadEvent & { id: number };

/** A stored row as a StoredEvent, or null when it does not parse. */
export function toStoredEvent(row: unknown): StoredEvent | null {
  const parsed = v.safeParse(LoadEventSchema, row);
  if (!parsed.success) return null;
  const id = (row as { id?: unknown }).id;
  if (typeof id !== 'number') return null;
  const { version: _version, ...event } = parsed.output as LoadEvent & { version?: unknown };
  return { ...event, id };
}

/** Validates events into rows; an event that does not match the LoadEvent schema is rejected with a reason. */
export function toEventRecords(events: readonly unknown[]): {
  records: EventRecord[];
  rejected: AddEventsResult['rejected'];
} {
  const rejected: AddEventsResult['rejected'] = [];
  const records: EventRecord[] = [];
  events.forEach((event, index) => {
    const parsed = v.safeParse(LoadEventSchema, event);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
      rejected.push({ index, reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid event'}` });
      return;
    }
    const { id: _id, ...event2 } = parsed.output as LoadEvent & { id?: unknown };
    records.push({ ...event2, version: EVENT_RECORD_VERSION });
  });
  return { records, rejected };
}

/** Adds validated rows through a store of a transaction the caller owns (so a batch can span stores). */
export async function addEventRecords(
  store: { add(record: EventRecord): Promise<unknown> },
  records: readonly EventRecord[],
): Promise<void> {
  await Promise.all(records.map((record) => store.add(record)));
}

/**
 * Stores events in one transaction. An event that does not match the LoadEvent schema is rejected
 * with a reason and the others are still stored.
 */
export async function addEvents(db: OutageDb, events: readonly unknown[]): Promise<AddEventsResult> {
  const { records, rejected } = toEventRecords(events);
  if (records.length > 0) {
    const tx = db.transaction('events', 'readwrite');
    await Promise.all([addEventRecords(tx.store, records), tx.done]);
  }
  return { added: records.length, rejected };
}

export interface RecentEventsQuery {
  /** Inclusive lower bound on event time. */
  since: number;
  /** Inclusive upper bound on event time; default: no bound. */
  until?: number;
  tabId?: number;
  site?: string;
  /** At most this many, the most recent ones. */
  limit?: number;
}

/**
 * Events with time in [since, until], oldest first, optionally for one tab and/or one site.
 * With `limit`, the `limit` most recent of them. Rows that do not parse are skipped.
 */
export async function getRecentEvents(db: OutageDb, query: RecentEventsQuery): Promise<StoredEvent[]> {
  const { since, until = Number.POSITIVE_INFINITY, tabId, site, limit = Number.POSITIVE_INFINITY } = query;
  if (!(limit > 0) || since > until) return [];
  const tx = db.transaction('events', 'readonly');
  const cursorRequest =
    tabId !== undefined
      ? tx.store.index('byTab').openCursor(IDBKeyRange.bound([tabId, since], [tabId, until]), 'prev')
      : site !== undefined
        ? tx.store.index('bySite').openCursor(IDBKeyRange.bound([site, since], [site, until]), 'prev')
        : tx.store.index('byTime').openCursor(IDBKeyRange.bound(since, until), 'prev');
  const found: StoredEvent[] = [];
  let cursor = await cursorRequest;
  while (cursor && found.length < limit) {
    const event = toStoredEvent(cursor.value);
    if (event && (site === undefined || event.site === site)) found.push(event);
    cursor = await cursor.continue();
  }
  await tx.done;
  return found.reverse();
}

export interface PruneEventsOptions {
  now: number;
  maxAgeMs?: number;
  maxCount?: number;
}

/**
 * Deletes events older than `now - maxAgeMs`, then, while more than `maxCount` remain, the oldest
 * rows by insertion order (that also removes rows too broken to be in the time index).
 * Returns how many rows were deleted.
 */
export async function pruneEvents(db: OutageDb, options: PruneEventsOptions): Promise<number> {
  const { now, maxAgeMs = DEFAULT_EVENT_MAX_AGE_MS, maxCount = DEFAULT_EVENT_MAX_COUNT } = options;
  const tx = db.transaction('events', 'readwrite');
  let deleted = 0;
  let old = await tx.store.index('byTime').openCursor(IDBKeyRange.upperBound(now - maxAgeMs, true));
  while (old) {
    await old.delete();
    deleted += 1;
    old = await old.continue();
  }
  let excess = (await tx.store.count()) - Math.max(0, maxCount);
  let oldest = excess > 0 ? await tx.store.openCursor() : null;
  while (oldest && excess > 0) {
    await oldest.delete();
    deleted += 1;
    excess -= 1;
    oldest = await oldest.continue();
  }
  await tx.done;
  return deleted;
}
