import { beforeEach, describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { createLoadEvent } from '../../observe/__tests__/helpers/load-event';
import type { LoadEvent } from '../../observe/types';
import type { OutageDb } from '../db';
import {
  clearHosts,
  getHost,
  getHosts,
  pruneHosts,
  recordHostOutcome,
  recordHostOutcomes,
} from '../hosts-repo';
import { openFreshDb } from './helpers/fresh-db';

const AWS: Attribution = {
  provider: 'aws',
  region: 'us-east-1',
  service: null,
  role: 'hosting',
  confidence: 0.9,
  evidence: [],
};

const load = (host: string, time: number, overrides: Partial<LoadEvent> = {}): LoadEvent =>
  createLoadEvent(time, { host, type: 'xmlhttprequest', ...overrides });

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('hosts repository', () => {
  it('upserts a host across events', async () => {
    await recordHostOutcome(db, load('api.shop.example', 10, { ip: '3.80.1.10' }), [AWS]);
    await recordHostOutcome(db, load('api.shop.example', 20, { outcome: 'dns' }));
    expect(await getHost(db, 'api.shop.example')).toMatchObject({
      ips: ['3.80.1.10'],
      lastOk: 10,
      lastFailure: 20,
      lastOutcome: 'dns',
      attributions: [AWS],
    });
  });

  it('stores nothing for an event that says nothing about the host', async () => {
    expect(await recordHostOutcome(db, load('a.shop.example', 1, { outcome: 'ignored' }))).toBeUndefined();
    expect(await db.count('hosts')).toBe(0);
  });

  it('replaces an unreadable stored row instead of failing', async () => {
    await db.put('hosts', { host: 'a.shop.example', broken: true } as never);
    await recordHostOutcome(db, load('a.shop.example', 5));
    expect(await getHost(db, 'a.shop.example')).toMatchObject({ lastOk: 5, version: 1 });
  });

  it('reads several hosts at once and leaves out unknown ones', async () => {
    await recordHostOutcome(db, load('a.shop.example', 1));
    await recordHostOutcome(db, load('b.shop.example', 2));
    const found = await getHosts(db, [
      'a.shop.example',
      'b.shop.example',
      'c.shop.example',
      'a.shop.example',
    ]);
    expect([...found.keys()].sort()).toEqual(['a.shop.example', 'b.shop.example']);
    expect(await getHost(db, 'c.shop.example')).toBeUndefined();
  });

  it('prunes hosts not updated within the age limit', async () => {
    const day = 24 * 60 * 60 * 1000;
    await recordHostOutcome(db, load('old.shop.example', 0));
    await recordHostOutcome(db, load('new.shop.example', 31 * day));
    expect(await pruneHosts(db, { now: 31 * day })).toBe(1);
    expect(await getHost(db, 'old.shop.example')).toBeUndefined();
    expect(await getHost(db, 'new.shop.example')).toBeDefined();
  });

  it('evicts the least recently updated beyond the count limit', async () => {
    for (const [host, time] of [
      ['a', 30],
      ['b', 10],
      ['c', 20],
      ['d', 40],
    ] as const) {
      await recordHostOutcome(db, load(`${host}.shop.example`, time));
    }
    expect(await pruneHosts(db, { now: 50, maxCount: 2 })).toBe(2);
    expect((await db.getAllKeys('hosts')).sort()).toEqual(['a.shop.example', 'd.shop.example']);
  });

  it('clears all hosts', async () => {
    await recordHostOutcome(db, load('a.shop.example', 1));
    await clearHosts(db);
    expect(await db.count('hosts')).toBe(0);
  });
});

describe('recordHostOutcomes', () => {
  it('folds a batch into the stored records in order, in one go', async () => {
    await recordHostOutcome(db, load('a.shop.example', 1, { ip: '3.80.1.1' }), [AWS]);
    const written = await recordHostOutcomes(db, [
      { ev: load('a.shop.example', 5, { outcome: 'timeout' }) },
      { ev: load('b.shop.example', 6, { ip: '3.80.1.2' }) },
      { ev: load('a.shop.example', 7, { ip: '3.80.1.3' }) },
      { ev: load('c.shop.example', 8, { outcome: 'ignored' }) },
    ]);
    expect(written).toBe(2);
    expect(await getHost(db, 'a.shop.example')).toMatchObject({
      ips: ['3.80.1.3', '3.80.1.1'],
      lastOk: 7,
      lastFailure: 5,
      lastOutcome: 'ok',
      attributions: [AWS],
    });
    expect(await getHost(db, 'b.shop.example')).toMatchObject({ ips: ['3.80.1.2'] });
    expect(await getHost(db, 'c.shop.example')).toBeUndefined();
  });

  it('writes nothing for an empty batch', async () => {
    expect(await recordHostOutcomes(db, [])).toBe(0);
  });
});
