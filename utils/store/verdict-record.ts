/**
 * What the toolbar badge and the popup show about causes, stored so neither depends on the service worker
 * being alive: written by the background together with each engine snapshot, read by anyone.
 *
 * Layout (kv key `verdicts`):
 *   {version: 1, savedAt: ms, verdicts: Verdict[], outages: Outage[], history: Outage[]}
 * `verdicts` holds only sites with a cause to show (kind site / provider-outage / local-network / unknown
 * with a failure), one per registrable domain; `outages` the suspected outages active at `savedAt`;
 * `history` the cleared ones, newest last. A record of another version reads as none, with a reason.
 */
import * as v from 'valibot';
import type { Outage, Verdict } from '../infer/types';
import { OutageSchema, VerdictSchema } from '../infer/verdict-schema';
import type { OutageDb } from './db';
import { getKv, KV_KEYS, setKv } from './kv-repo';

export const VERDICT_RECORD_VERSION = 1;

export interface VerdictRecord {
  version: typeof VERDICT_RECORD_VERSION;
  savedAt: number;
  verdicts: Verdict[];
  outages: Outage[];
  history: Outage[];
}

const Time = v.pipe(v.number(), v.finite());

const VerdictRecordSchema = v.object({
  version: v.literal(VERDICT_RECORD_VERSION),
  savedAt: Time,
  verdicts: v.array(VerdictSchema),
  outages: v.array(OutageSchema),
  history: v.array(OutageSchema),
});

export type ReadVerdictRecord =
  | { record: VerdictRecord; error?: undefined }
  | { record: null; error?: string };

/** Stored value → record; nothing stored is `{record: null}`, anything unreadable also says why. */
export function readVerdictRecord(value: unknown): ReadVerdictRecord {
  if (value === undefined) return { record: null };
  const parsed = v.safeParse(VerdictRecordSchema, value);
  if (parsed.success) return { record: parsed.output as VerdictRecord };
  const issue = parsed.issues[0];
  return { record: null, error: `verdicts: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}` };
}

export async function getVerdictRecord(db: OutageDb): Promise<ReadVerdictRecord> {
  return readVerdictRecord(await getKv(db, KV_KEYS.verdicts));
}

export async function setVerdictRecord(db: OutageDb, record: VerdictRecord): Promise<void> {
  await setKv(db, KV_KEYS.verdicts, record);
}

/** A record older than this says nothing about failures shown now (the badge's own window is as long). */
export const VERDICT_MAX_AGE_MS = 15 * 60_000;

/** The record when it was saved within VERDICT_MAX_AGE_MS of `now`, else null. */
export function getFreshRecord(read: ReadVerdictRecord, now: number): VerdictRecord | null {
  return read.record && now - read.record.savedAt <= VERDICT_MAX_AGE_MS ? read.record : null;
}

/** The verdict stored for a registrable domain, if any. */
export function findVerdict(record: VerdictRecord | null, site: string | undefined): Verdict | undefined {
  if (!record || site === undefined) return undefined;
  return record.verdicts.find((verdict) => verdict.site === site);
}

/** The active outage a provider-outage verdict points at, if it is stored. */
export function findOutageFor(
  record: VerdictRecord | null,
  verdict: Verdict | undefined,
): Outage | undefined {
  if (!record || verdict?.kind !== 'provider-outage') return undefined;
  return record.outages.find(
    (outage) => outage.provider === verdict.provider && outage.region === (verdict.region ?? null),
  );
}
