/**
 * The options page's settings in the kv store: the DoH opt-in and the probe list (fields of the shared `settings`
 * object, merged so other fields survive) and the user's mappings (their own versioned row, see settings-keys.ts).
 * Unreadable stored values read as defaults with a reason; they are only replaced when the user saves.
 */
import { parseUserMappings, type UserMapping } from '../attribute/user-mapping';
import type { OutageDb } from './db';
import { getKv, KV_KEYS, setKv } from './kv-repo';
import { SETTINGS_KEYS, USER_MAPPINGS_FORMAT_VERSION } from './settings-keys';

/**
 * Connectivity probe endpoints (the `probeUrls` field of `settings`): small, cache-free answers on different
 * providers, so one provider's outage never looks like the user being offline.
 */
export const DEFAULT_PROBE_URLS: readonly string[] = [
  'https://www.gstatic.com/generate_204',
  'https://www.cloudflare.com/cdn-cgi/trace',
  'https://www.msftconnecttest.com/connecttest.txt',
  'https://detectportal.firefox.com/success.txt',
];
export const MAX_PROBE_URLS = 8;

/** The stored probe list when it is a non-empty list of http(s) URLs (others dropped), else the defaults. */
export function readProbeUrls(settings: unknown): string[] {
  const stored = (settings as { probeUrls?: unknown } | null)?.probeUrls;
  if (!Array.isArray(stored)) return [...DEFAULT_PROBE_URLS];
  const valid = stored.filter((url): url is string => typeof url === 'string' && isHttpUrl(url));
  return valid.length > 0 ? valid.slice(0, MAX_PROBE_URLS) : [...DEFAULT_PROBE_URLS];
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export async function getProbeUrls(db: OutageDb): Promise<string[]> {
  return readProbeUrls(await getKv(db, KV_KEYS.settings));
}

/** Stores the probe list (merged into `settings`, other fields kept); an empty list means the defaults. */
export async function setProbeUrls(db: OutageDb, urls: readonly string[]): Promise<void> {
  await mergeSettings(db, { probeUrls: urls.filter(isHttpUrl).slice(0, MAX_PROBE_URLS) });
}

async function mergeSettings(db: OutageDb, patch: Record<string, unknown>): Promise<void> {
  const current = await getKv(db, KV_KEYS.settings);
  const base = typeof current === 'object' && current !== null && !Array.isArray(current) ? current : {};
  await setKv(db, KV_KEYS.settings, { ...base, ...patch });
}

/** DoH is off unless the stored settings say exactly `doh: true`. */
export function isDohSetting(settings: unknown): boolean {
  return typeof settings === 'object' && settings !== null && (settings as { doh?: unknown }).doh === true;
}

export async function getDohEnabled(db: OutageDb): Promise<boolean> {
  return isDohSetting(await getKv(db, KV_KEYS.settings));
}

export async function setDohEnabled(db: OutageDb, enabled: boolean): Promise<void> {
  await mergeSettings(db, { doh: enabled });
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
