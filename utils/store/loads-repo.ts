import type { OutageDb } from './db';
import { addEventRecords, toEventRecords } from './events-repo';
import { mergeHostRecord, toHostRecord } from './host-record';
import type { HostObservation } from './hosts-repo';
import type { HostRecord } from './records';

export interface RecordLoadsResult {
  added: number;
  hosts: number;
  rejected: Array<{ index: number; reason: string }>;
}

/**
 * One batch of attributed loads from the background's queue, written in ONE transaction over `events` and
 * `hosts`: the events log gets every valid event, each host's profile folds in its events (and their
 * attributions) in the given order. Invalid events are rejected with a reason; the rest are still stored.
 */
export async function recordLoads(
  db: OutageDb,
  items: readonly HostObservation[],
): Promise<RecordLoadsResult> {
  const { records, rejected } = toEventRecords(items.map((item) => item.ev));
  const rejectedIndexes = new Set(rejected.map((r) => r.index));
  const valid = items.filter((_, index) => !rejectedIndexes.has(index));
  if (valid.length === 0) return { added: 0, hosts: 0, rejected };
  const tx = db.transaction(['events', 'hosts'], 'readwrite');
  const hosts = tx.objectStore('hosts');
  const merged = new Map<string, HostRecord | undefined>();
  for (const { ev, attributions } of valid) {
    const prev = merged.has(ev.host) ? merged.get(ev.host) : toHostRecord(await hosts.get(ev.host));
    merged.set(ev.host, mergeHostRecord(prev, ev, attributions));
  }
  const changed = [...merged.values()].filter((record): record is HostRecord => record !== undefined);
  await Promise.all([
    addEventRecords(tx.objectStore('events'), records),
    ...changed.map((record) => hosts.put(record)),
    tx.done,
  ]);
  return { added: records.length, hosts: changed.length, rejected };
}
