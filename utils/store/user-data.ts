import type { OutageDb } from './db';
import type { StoredEvent } from './events-repo';
import { toStoredEvent } from './events-repo';
import { toHostRecord } from './host-record';
import type { HostRecord } from './records';

export const EXPORT_FORMAT = 'outage-lens-export/1';

/**
 * Everything the extension learned about the user's browsing, for the options page's export.
 * Layout: `{format, events: StoredEvent[] (oldest first), hosts: HostRecord[] (by host), settings}`.
 * Caches that are not personal (range-table bytes, verdict snapshots) are left out.
 */
export interface UserDataExport {
  format: typeof EXPORT_FORMAT;
  events: StoredEvent[];
  hosts: HostRecord[];
  settings: unknown;
}

export async function exportUserData(db: OutageDb, settingsKey = 'settings'): Promise<UserDataExport> {
  const tx = db.transaction(['events', 'hosts', 'kv'], 'readonly');
  const [eventRows, hostRows, settings] = await Promise.all([
    tx.objectStore('events').index('byTime').getAll(),
    tx.objectStore('hosts').getAll(),
    tx.objectStore('kv').get(settingsKey),
  ]);
  await tx.done;
  return {
    format: EXPORT_FORMAT,
    events: eventRows.map(toStoredEvent).filter((event): event is StoredEvent => event !== null),
    hosts: hostRows.map(toHostRecord).filter((host): host is HostRecord => host !== undefined),
    settings: settings?.value,
  };
}

/** Deletes every event, host profile and cached verdict; keeps the settings unless `withSettings`. */
export async function deleteUserData(db: OutageDb, { withSettings = false } = {}): Promise<void> {
  const tx = db.transaction(['events', 'hosts', 'kv'], 'readwrite');
  const kv = tx.objectStore('kv');
  const keys = await kv.getAllKeys();
  const doomed = withSettings ? keys : keys.filter((key) => key !== 'settings');
  await Promise.all([
    tx.objectStore('events').clear(),
    tx.objectStore('hosts').clear(),
    ...doomed.map((key) => kv.delete(key)),
    tx.done,
  ]);
}
