/**
 * The options page's settings in the kv store: the DoH opt-in (a field of the shared `settings` object, merged
 * so other fields survive) and the user's mappings (their own versioned row, see settings-keys.ts).
 * Unreadable stored values read as defaults with a reason; they are only replaced when the user saves.
 */
import { parseUserMappings, type UserMapping } from '../attribute/user-mapping';
import type { OutageDb } from './db';
import { getKv, KV_KEYS, setKv } from './kv-repo';
import { SETTINGS_KEYS, USER_MAPPINGS_FORMAT_VERSION } from './settings-keys';

/** DoH is off unless the stored settings say exactly `doh: true`. */
export function isDohSetting(settings: unknown): boolean {
  return typeof settings === 'object' && settings !== null && (settings as { doh?: unknown }).doh === true;
}

export async function getDohEnabled(db: OutageDb): Promise<boolean> {
  return isDohSetting(await getKv(db, KV_KEYS.settings));
}

export async function setDohEnabled(db: OutageDb, enabled: boolean): Promise<void> {
  const current = await getKv(db, KV_KEYS.settings);
  const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {};
  await setKv(db, KV_KEYS.settings, { ...base, doh: enabled });
}

/** Stored row → valid mappings; bad rows and an unknown version are reported, never thrown. */
export function readUserMappingsRecord(value: unknown): { mappings: UserMapping[]; errors: string[] } {
  if (value === undefined) return { mappings: [], errors: [] };
  const record = value as { version?: unknown; mappings?: unknown };
  if (typeof value !== 'object' || value === null || record.version !== USER_MAPPINGS_FORMAT_VERSION) {
    return { mappings: [], errors: [`user mappings: unsupported stored format ${String(record?.version)}`] };
  }
  return parseUserMappings(record.mappings);
}

export async function getUserMappings(db: OutageDb): Promise<{ mappings: UserMapping[]; errors: string[] }> {
  return readUserMappingsRecord(await getKv(db, SETTINGS_KEYS.userMappings));
}

export async function setUserMappings(db: OutageDb, mappings: readonly UserMapping[]): Promise<void> {
  await setKv(db, SETTINGS_KEYS.userMappings, {
    version: USER_MAPPINGS_FORMAT_VERSION,
    mappings: [...mappings],
  });
}
