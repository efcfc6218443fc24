import * as v from 'valibot';
import type { Attribution } from '../attribute/types';
import { isFailureOutcome, OUTCOMES } from '../observe/outcome';
import { isPrivateAddress } from '../observe/private-address';
import type { LoadEvent } from '../observe/types';
import { HOST_RECORD_VERSION, type HostRecord } from './records';

/** Most server addresses remembered per host. */
export const MAX_HOST_IPS = 8;
/** Most attributions remembered per host. */
export const MAX_HOST_ATTRIBUTIONS = 16;

const nullableTime = v.nullable(v.pipe(v.number(), v.finite()));
const AttributionSchema = v.looseObject({
  provider: v.string(),
  region: v.nullable(v.string()),
  service: v.nullable(v.string()),
  role: v.picklist(['hosting', 'cdn', 'dns', 'platform']),
  confidence: v.number(),
  evidence: v.array(v.string()),
});

/** Runtime shape of a stored HostRecord (records.ts). */
export const HostRecordSchema = v.looseObject({
  version: v.number(),
  host: v.pipe(v.string(), v.minLength(1)),
  site: v.string(),
  ips: v.array(v.string()),
  lastOk: nullableTime,
  lastFailure: nullableTime,
  lastOutcome: v.picklist(OUTCOMES),
  lastOutcomeAt: v.pipe(v.number(), v.finite()),
  attributions: v.array(AttributionSchema),
  updatedAt: v.pipe(v.number(), v.finite()),
});

/** A stored row as a HostRecord, or undefined when it does not have that shape. */
export function toHostRecord(row: unknown): HostRecord | undefined {
  const parsed = v.safeParse(HostRecordSchema, row);
  return parsed.success ? (parsed.output as HostRecord) : undefined;
}

/** Whether an event says anything about the host itself (see mergeHostRecord). */
export function isHostEvidence(ev: LoadEvent): boolean {
  return ev.outcome !== 'ignored' && ev.outcome !== 'local';
}

function max(a: number | null, b: number): number {
  return a === null ? b : Math.max(a, b);
}

/**
 * A host's record after one more event. Pure: time comes from the event.
 * - `ignored` and `local` events say nothing about the host (a user stop; the user's own network
 *   answered), so they return `prev` unchanged (undefined when there was none).
 * - ips: the event's address goes first, duplicates removed, at most MAX_HOST_IPS; cache hits and
 *   private addresses are not recorded.
 * - lastOk / lastFailure only move forward; lastOutcome follows the latest event by time, so a late,
 *   older event does not overwrite a newer outcome.
 * - attributions: a non-empty list replaces the old one; an empty or missing one keeps it, so a host
 *   that fails at DNS keeps yesterday's placement.
 */
export function mergeHostRecord(
  prev: HostRecord | undefined,
  ev: LoadEvent,
  attributions?: readonly Attribution[],
): HostRecord | undefined {
  if (!isHostEvidence(ev)) return prev;
  const base: HostRecord = prev ?? {
    version: HOST_RECORD_VERSION,
    host: ev.host,
    site: ev.site,
    ips: [],
    lastOk: null,
    lastFailure: null,
    lastOutcome: ev.outcome,
    lastOutcomeAt: ev.time,
    attributions: [],
    updatedAt: ev.time,
  };
  const isNewer = ev.time >= base.lastOutcomeAt;
  const ip = ev.ip && !ev.fromCache && !isPrivateAddress(ev.ip) ? ev.ip : undefined;
  const ips = ip ? [ip, ...base.ips.filter((known) => known !== ip)] : base.ips;
  return {
    version: HOST_RECORD_VERSION,
    host: base.host,
    site: ev.site,
    ips: ips.slice(0, MAX_HOST_IPS),
    lastOk: ev.outcome === 'ok' ? max(base.lastOk, ev.time) : base.lastOk,
    lastFailure: isFailureOutcome(ev.outcome) ? max(base.lastFailure, ev.time) : base.lastFailure,
    lastOutcome: isNewer ? ev.outcome : base.lastOutcome,
    lastOutcomeAt: isNewer ? ev.time : base.lastOutcomeAt,
    attributions:
      attributions && attributions.length > 0
        ? attributions
            .slice(0, MAX_HOST_ATTRIBUTIONS)
            .map((item) => ({ ...item, evidence: [...item.evidence] }))
        : base.attributions,
    updatedAt: Math.max(base.updatedAt, ev.time),
  };
}
