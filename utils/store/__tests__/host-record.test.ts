import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { createLoadEvent } from '../../observe/__tests__/helpers/load-event';
import type { LoadEvent } from '../../observe/types';
import { MAX_HOST_IPS, mergeHostRecord, toHostRecord } from '../host-record';
import type { HostRecord } from '../records';

const AWS: Attribution = {
  provider: 'aws',
  region: 'us-east-1',
  service: 'ec2',
  role: 'hosting',
  confidence: 0.9,
  evidence: ['ip in range'],
};

const load = (time: number, overrides: Partial<LoadEvent> = {}): LoadEvent =>
  createLoadEvent(time, { host: 'api.shop.example', type: 'xmlhttprequest', ...overrides });

function fold(events: LoadEvent[], attributions?: Attribution[]): HostRecord | undefined {
  return events.reduce<HostRecord | undefined>(
    (record, ev) => mergeHostRecord(record, ev, attributions),
    undefined,
  );
}

describe('mergeHostRecord', () => {
  it('creates a record from a first ok event', () => {
    expect(mergeHostRecord(undefined, load(10, { ip: '3.80.1.10' }), [AWS])).toEqual({
      version: 1,
      host: 'api.shop.example',
      site: 'shop.example',
      ips: ['3.80.1.10'],
      lastOk: 10,
      lastFailure: null,
      lastOutcome: 'ok',
      lastOutcomeAt: 10,
      attributions: [AWS],
      updatedAt: 10,
    });
  });

  it('tracks last ok, last failure and the latest outcome', () => {
    const record = fold([load(10), load(20, { outcome: 'timeout' }), load(15)]);
    expect(record).toMatchObject({
      lastOk: 15,
      lastFailure: 20,
      lastOutcome: 'timeout',
      lastOutcomeAt: 20,
      updatedAt: 20,
    });
  });

  it.each(['ignored', 'local'] as const)('a %s event changes nothing', (outcome) => {
    const before = fold([load(10, { ip: '3.80.1.10' })]);
    expect(mergeHostRecord(before, load(20, { outcome, ip: '192.168.1.1' }))).toBe(before);
    expect(mergeHostRecord(undefined, load(20, { outcome }))).toBeUndefined();
  });

  it('keeps the most recent ips first, unique and bounded', () => {
    const events = Array.from({ length: 12 }, (_, i) => load(i, { ip: `3.80.1.${i % 10}` }));
    const record = fold(events);
    expect(record?.ips).toHaveLength(MAX_HOST_IPS);
    expect(record?.ips.slice(0, 3)).toEqual(['3.80.1.1', '3.80.1.0', '3.80.1.9']);
    expect(new Set(record?.ips).size).toBe(record?.ips.length);
  });

  it('does not record cache hits or private addresses as server ips', () => {
    const record = fold([load(1, { ip: '3.80.1.10', fromCache: true }), load(2, { ip: '10.0.0.1' })]);
    expect(record?.ips).toEqual([]);
  });

  it('keeps known attributions when a failure brings none', () => {
    const known = mergeHostRecord(undefined, load(1), [AWS]);
    const failed = mergeHostRecord(known, load(2, { outcome: 'dns' }), []);
    expect(failed?.attributions).toEqual([AWS]);
    const failedAgain = mergeHostRecord(failed, load(3, { outcome: 'dns' }));
    expect(failedAgain?.attributions).toEqual([AWS]);
  });

  it('replaces attributions with a newer non-empty list', () => {
    const moved: Attribution = { ...AWS, provider: 'cloudflare', region: null, role: 'cdn' };
    const record = mergeHostRecord(mergeHostRecord(undefined, load(1), [AWS]), load(2), [moved]);
    expect(record?.attributions).toEqual([moved]);
  });

  it('does not mutate the previous record', () => {
    const before = fold([load(1, { ip: '3.80.1.10' })]);
    const snapshot = structuredClone(before);
    mergeHostRecord(before, load(2, { ip: '3.80.1.11', outcome: 'timeout' }), [AWS]);
    expect(before).toEqual(snapshot);
  });
});

describe('toHostRecord', () => {
  it('accepts a stored record and rejects a malformed one', () => {
    const record = fold([load(1)]);
    expect(toHostRecord(record)).toEqual(record);
    expect(toHostRecord({ ...record, ips: 'nope' })).toBeUndefined();
    expect(toHostRecord(undefined)).toBeUndefined();
  });
});
