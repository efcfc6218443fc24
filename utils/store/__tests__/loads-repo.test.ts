import { beforeEach, describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { createLoadEvent } from '../../observe/__tests__/helpers/load-event';
import type { LoadEvent } from '../../observe/types';
import type { OutageDb } from '../db';
import { getRecentEvents } from '../events-repo';
import { getHost, getRecentHosts } from '../hosts-repo';
import { recordLoads } from '../loads-repo';
import { openFreshDb } from './helpers/fresh-db';

const AWS: Attribution = {
  provider: 'aws',
  region: 'us-east-1',
  service: null,
  role: 'hosting',
  confidence: 1,
  evidence: ['your mapping'],
};

const load = (host: string, time: number, overrides: Partial<LoadEvent> = {}): LoadEvent =>
  createLoadEvent(time, { host, site: host, ...overrides });

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('recordLoads', () => {
  it('stores events and folds host profiles in one batch, in order', async () => {
    const result = await recordLoads(db, [
      { ev: load('a.example', 10, { ip: '3.80.1.10' }), attributions: [AWS] },
      {
        ev: load('a.example', 20, { outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }),
        attributions: [],
      },
      { ev: load('b.example', 30), attributions: [] },
    ]);
    expect(result).toEqual({ added: 3, hosts: 2, rejected: [] });
    expect((await getRecentEvents(db, { since: 0 })).map((e) => e.time)).toEqual([10, 20, 30]);
    // The DNS failure keeps what the host was placed on while it worked.
    expect(await getHost(db, 'a.example')).toMatchObject({
      lastOk: 10,
      lastFailure: 20,
      lastOutcome: 'dns',
      attributions: [AWS],
    });
  });

  it('rejects an invalid event with a reason and still stores the others', async () => {
    const broken = { ...load('bad.example', 5), outcome: 'exploded' } as unknown as LoadEvent;
    const result = await recordLoads(db, [{ ev: broken }, { ev: load('ok.example', 6) }]);
    expect(result.added).toBe(1);
    expect(result.rejected).toEqual([{ index: 0, reason: expect.stringContaining('outcome') }]);
    expect(await getHost(db, 'bad.example')).toBeUndefined();
    expect(await getHost(db, 'ok.example')).toBeDefined();
  });

  it('does nothing for an empty batch', async () => {
    expect(await recordLoads(db, [])).toEqual({ added: 0, hosts: 0, rejected: [] });
  });
});

describe('getRecentHosts', () => {
  it('returns the most recently updated hosts first, at most `limit`', async () => {
    await recordLoads(
      db,
      [30, 10, 20].map((time, i) => ({ ev: load(`h${i}.example`, time) })),
    );
    expect((await getRecentHosts(db, 2)).map((h) => h.host)).toEqual(['h0.example', 'h2.example']);
    expect(await getRecentHosts(db, 0)).toEqual([]);
  });

  it('skips rows that no longer parse', async () => {
    await recordLoads(db, [{ ev: load('good.example', 10) }]);
    await db.put('hosts', { host: 'broken.example', updatedAt: 50 } as never);
    expect((await getRecentHosts(db, 10)).map((h) => h.host)).toEqual(['good.example']);
  });
});
