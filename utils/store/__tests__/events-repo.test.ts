import { beforeEach, describe, expect, it } from 'vitest';
import { createLoadEvent as load } from '../../observe/__tests__/helpers/load-event';
import type { OutageDb } from '../db';
import { addEvents, getRecentEvents, pruneEvents } from '../events-repo';
import { openFreshDb } from './helpers/fresh-db';

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('addEvents', () => {
  it('stores valid events with a row id and format version', async () => {
    const result = await addEvents(db, [
      load(1),
      load(2, { outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }),
    ]);
    expect(result).toEqual({ added: 2, rejected: [] });
    const rows = await db.getAll('events');
    expect(rows.map((row) => [row.id, row.version, row.time])).toEqual([
      [1, 1, 1],
      [2, 1, 2],
    ]);
  });

  it('rejects bad events with a reason and still stores the good ones', async () => {
    const bad = [
      { ...load(1), outcome: 'exploded' },
      { ...load(2), time: 'yesterday' },
      { ...load(3), host: '' },
      null,
      'not an event',
    ];
    const result = await addEvents(db, [load(0), ...bad, load(9)]);
    expect(result.added).toBe(2);
    expect(result.rejected.map((item) => item.index)).toEqual([1, 2, 3, 4, 5]);
    expect(result.rejected[0]?.reason).toMatch(/^outcome: /);
    expect(result.rejected[1]?.reason).toMatch(/^time: /);
    expect((await db.getAll('events')).map((row) => row.time)).toEqual([0, 9]);
  });

  it('does not let an input id overwrite a stored row', async () => {
    await addEvents(db, [load(1)]);
    await addEvents(db, [{ ...load(2), id: 1 }]);
    expect((await db.getAll('events')).map((row) => row.time)).toEqual([1, 2]);
  });
});

describe('getRecentEvents', () => {
  beforeEach(async () => {
    await addEvents(db, [
      load(100, { tabId: 1 }),
      load(200, { tabId: 2, site: 'news.example', host: 'news.example' }),
      load(300, { tabId: 1, type: 'xmlhttprequest', host: 'api.shop.example', outcome: 'timeout' }),
      load(400, { tabId: 2, site: 'shop.example' }),
      load(500, { tabId: 1, site: 'news.example', host: 'news.example' }),
    ]);
  });

  it.each([
    ['all since a time', { since: 200 }, [200, 300, 400, 500]],
    ['a time range', { since: 200, until: 400 }, [200, 300, 400]],
    ['one tab', { since: 0, tabId: 1 }, [100, 300, 500]],
    ['one site', { since: 0, site: 'shop.example' }, [100, 300, 400]],
    ['one tab and site', { since: 0, tabId: 1, site: 'shop.example' }, [100, 300]],
    ['the most recent with a limit', { since: 0, limit: 2 }, [400, 500]],
    ['a tab with a limit', { since: 0, tabId: 1, limit: 1 }, [500]],
    ['nothing for an unknown tab', { since: 0, tabId: 99 }, []],
    ['nothing for limit 0', { since: 0, limit: 0 }, []],
    ['nothing for an empty range', { since: 500, until: 100 }, []],
  ])('returns %s, oldest first', async (_name, query, times) => {
    expect((await getRecentEvents(db, query)).map((event) => event.time)).toEqual(times);
  });

  it('returns LoadEvents with their id, without the storage version', async () => {
    const [first] = await getRecentEvents(db, { since: 0, limit: 1 });
    expect(first).toMatchObject({ id: 5, time: 500 });
    expect(first).not.toHaveProperty('version');
  });

  it('skips rows that do not parse', async () => {
    const tx = db.transaction('events', 'readwrite');
    await tx.store.add({
      version: 1,
      time: 450,
      tabId: 1,
      host: 'x',
      site: 'x',
      type: 'main_frame',
      outcome: 'weird',
    } as never);
    await tx.done;
    expect((await getRecentEvents(db, { since: 400 })).map((event) => event.time)).toEqual([400, 500]);
  });
});

describe('pruneEvents', () => {
  it('deletes events older than the age limit', async () => {
    await addEvents(db, [load(1_000), load(5_000), load(9_000)]);
    expect(await pruneEvents(db, { now: 10_000, maxAgeMs: 5_000 })).toBe(1);
    expect((await db.getAll('events')).map((row) => row.time)).toEqual([5_000, 9_000]);
  });

  it('evicts the oldest first beyond the count limit', async () => {
    await addEvents(
      db,
      Array.from({ length: 10 }, (_, i) => load(i)),
    );
    expect(await pruneEvents(db, { now: 10, maxCount: 3 })).toBe(7);
    expect((await db.getAll('events')).map((row) => row.time)).toEqual([7, 8, 9]);
  });

  it('uses a 24 h default age', async () => {
    const day = 24 * 60 * 60 * 1000;
    await addEvents(db, [load(0), load(day)]);
    expect(await pruneEvents(db, { now: day + 1 })).toBe(1);
  });

  it('removes rows too broken to be indexed through the count limit', async () => {
    const tx = db.transaction('events', 'readwrite');
    await tx.store.add({ version: 1, tabId: 1 } as never);
    await tx.done;
    await addEvents(db, [load(5), load(6)]);
    expect(await pruneEvents(db, { now: 10, maxCount: 2 })).toBe(1);
    expect((await db.getAll('events')).map((row) => row.time)).toEqual([5, 6]);
  });

  it('deletes nothing when within limits', async () => {
    await addEvents(db, [load(5)]);
    expect(await pruneEvents(db, { now: 10 })).toBe(0);
  });
});
