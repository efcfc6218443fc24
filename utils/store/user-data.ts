import type { UserMapping } from '../attribute/user-mapping';
import type { OutageDb } from './db';
import type { StoredEvent } from './events-repo';
import { toStoredEvent } from './events-repo';
import { toHostRecord } from './host-record';
import type { HostRecord } from './records';
import { SETTINGS_KEYS } from './settings-keys';
import { readUserMappingsRecord } from './user-settings';

export const EXPORT_FORMAT = 'outage-lens-export/1';

/**
 * Everything the extension learned about the user's browsing, for the options page's export.
 * Layout: `{format, events: StoredEvent[] (oldest first), hosts: HostRecord[] (by host), settings,
 *   userMappings: UserMapping[] (the valid ones; unreadable rows are left out)}`.
 * Caches that are not personal (range-table bytes, verdict snapshots) are left out.
 */
export interface UserDataExport {
  format: typeof EXPORT_FORMAT;
  events: StoredEvent[];
  hosts: HostRecord[];
  settings: unknown;
  userMappings: UserMapping[];
}

export async function exportUserData(db: OutageDb, settingsKey = 'settings'): Promise<UserDataExport> {
  const tx = db.transaction(['events', 'hosts', 'kv'], 'readonly');
  const [eventRows, hostRows, settings, mappings] = await Promise.all([
    tx.objectStore('events').index('byTime').getAll(),
    tx.objectStore('hosts').getAll(),
    tx.objectStore('kv').get(settingsKey),
    tx.objectStore('kv').get(SETTINGS_KEYS.userMappings),
  ]);
  await tx.done;
  return {
    format: EXPORT_FORMAT,
    events: eventRows.map(toStoredEvent).filter((event): event is StoredEvent => event !== null),
    hosts: hostRows.map(toHostRecord).filter((host): host is HostRecord => host !== undefined),
    settings: settings?.value,
    userMappings: readUserMappingsRecord(mappings?.value).mappings,
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
