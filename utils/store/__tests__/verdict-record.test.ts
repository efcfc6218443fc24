import { beforeEach, describe, expect, it } from 'vitest';
import type { Outage, Verdict } from '../../infer/types';
import type { OutageDb } from '../db';
import { KV_KEYS, setKv } from '../kv-repo';
import {
  findOutageFor,
  findVerdict,
  getFreshRecord,
  getVerdictRecord,
  readVerdictRecord,
  setVerdictRecord,
  VERDICT_MAX_AGE_MS,
  VERDICT_RECORD_VERSION,
  type VerdictRecord,
} from '../verdict-record';
import { openFreshDb } from './helpers/fresh-db';

const OUTAGE: Outage = {
  provider: 'aws',
  region: 'us-east-1',
  since: 1_000,
  confidence: 0.7,
  failingSites: ['a.example', 'b.example', 'c.example'],
  healthySites: ['d.example'],
  sources: ['local'],
  evidence: ['3 sites on AWS us-east-1 failed.'],
};
const VERDICT: Verdict = {
  site: 'a.example',
  kind: 'provider-outage',
  provider: 'aws',
  region: 'us-east-1',
  confidence: 0.7,
  evidence: ['a.example timed out.'],
  since: 1_000,
};
const RECORD: VerdictRecord = {
  version: VERDICT_RECORD_VERSION,
  savedAt: 5_000,
  verdicts: [VERDICT, { site: 'e.example', kind: 'site', confidence: 0.6, evidence: [], since: 2_000 }],
  outages: [OUTAGE],
  history: [{ ...OUTAGE, region: 'eu-west-1', end: 900, durationMs: 100 }],
};

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('verdict record', () => {
  it('round-trips through the kv store', async () => {
    await setVerdictRecord(db, RECORD);
    expect(await getVerdictRecord(db)).toEqual({ record: RECORD });
  });

  it('reads nothing stored as no record, without an error', async () => {
    expect(await getVerdictRecord(db)).toEqual({ record: null });
  });

  it.each([
    { name: 'another version', value: { ...RECORD, version: 2 }, reason: 'version' },
    {
      name: 'a verdict of an unknown kind',
      value: { ...RECORD, verdicts: [{ ...VERDICT, kind: 'meh' }] },
      reason: 'verdicts.0.kind',
    },
    { name: 'not an object', value: 'garbage', reason: '(root)' },
    {
      name: 'an outage without sites',
      value: { ...RECORD, outages: [{ ...OUTAGE, failingSites: undefined }] },
      reason: 'outages.0.failingSites',
    },
  ])('reads $name as no record, with the reason', async ({ value, reason }) => {
    await setKv(db, KV_KEYS.verdicts, value);
    const read = await getVerdictRecord(db);
    expect(read.record).toBeNull();
    expect(read.error).toContain(reason);
  });

  it.each([
    { age: 0, fresh: true },
    { age: VERDICT_MAX_AGE_MS, fresh: true },
    { age: VERDICT_MAX_AGE_MS + 1, fresh: false },
  ])('a record $age ms old is fresh: $fresh', ({ age, fresh }) => {
    expect(getFreshRecord(readVerdictRecord(RECORD), RECORD.savedAt + age)).toEqual(fresh ? RECORD : null);
  });

  it('finds a site verdict and the outage it points at', () => {
    expect(findVerdict(RECORD, 'a.example')).toBe(VERDICT);
    expect(findVerdict(RECORD, 'zzz.example')).toBeUndefined();
    expect(findVerdict(null, 'a.example')).toBeUndefined();
    expect(findOutageFor(RECORD, VERDICT)).toBe(OUTAGE);
    expect(findOutageFor(RECORD, RECORD.verdicts[1])).toBeUndefined();
    expect(findOutageFor(RECORD, { ...VERDICT, region: 'eu-west-1' })).toBeUndefined();
  });
});
