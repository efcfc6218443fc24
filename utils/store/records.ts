import type { Attribution } from '../attribute/types';
import type { LoadEvent, Outcome } from '../observe/types';

/** Format version written into every `events` row. */
export const EVENT_RECORD_VERSION = 1;
/** Format version written into every `hosts` row. */
export const HOST_RECORD_VERSION = 1;
/** Format version written into every `kv` row. */
export const KV_RECORD_VERSION = 1;

/**
 * One row of the `events` store: a LoadEvent plus its auto-increment `id` and format `version`.
 * Example: `{id: 7, version: 1, time: 1760942700000, tabId: 3, host: "api.shop.example",
 *   site: "shop.example", type: "xmlhttprequest", outcome: "timeout", error: "net::ERR_TIMED_OUT",
 *   pageSite: "shop.example"}`
 */
export interface EventRecord extends LoadEvent {
  id?: number;
  version: number;
}

/**
 * One row of the `hosts` store: what we learned about a host while it worked, so a host that now
 * fails at DNS can still be placed by what it was before.
 * Example: `{version: 1, host: "api.shop.example", site: "shop.example", ips: ["3.80.1.10"],
 *   lastOk: 1760942600000, lastFailure: 1760942700000, lastOutcome: "timeout",
 *   lastOutcomeAt: 1760942700000, attributions: [{provider: "aws", region: "us-east-1", ...}],
 *   updatedAt: 1760942700000}`
 */
export interface HostRecord {
  version: number;
  /** Key. Lower-case host name. */
  host: string;
  site: string;
  /** Server addresses seen, most recent first, at most MAX_HOST_IPS, no private/captive-portal answers. */
  ips: string[];
  lastOk: number | null;
  lastFailure: number | null;
  /** Outcome of the latest event by event time, and that time. */
  lastOutcome: Outcome;
  lastOutcomeAt: number;
  /** Latest non-empty attribution list; an empty one never erases a known placement. */
  attributions: Attribution[];
  /** Latest event time; the LRU order of pruneHosts. */
  updatedAt: number;
}

/** One row of the `kv` store: settings, verdict snapshots, range-table bytes (structured-cloned as is). */
export interface KvRecord {
  key: string;
  version: number;
  value: unknown;
}
