import { beforeEach, describe, expect, it } from 'vitest';
import type { UserMapping } from '../../attribute/user-mapping';
import { createLoadEvent } from '../../observe/__tests__/helpers/load-event';
import type { LoadEvent } from '../../observe/types';
import type { OutageDb } from '../db';
import { addEvents } from '../events-repo';
import { recordHostOutcome } from '../hosts-repo';
import { getKv, KV_KEYS, setKv } from '../kv-repo';
import { SETTINGS_KEYS } from '../settings-keys';
import { deleteUserData, EXPORT_FORMAT, exportUserData } from '../user-data';
import { setUserMappings } from '../user-settings';
import { openFreshDb } from './helpers/fresh-db';

const load = (time: number): LoadEvent => createLoadEvent(time, { ip: '3.80.1.10' });

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
  await addEvents(db, [load(20), load(10)]);
  await recordHostOutcome(db, load(20));
  await setKv(db, KV_KEYS.settings, { crowd: true });
  await setKv(db, KV_KEYS.rangeTable, new Uint8Array([1]));
});

describe('user data', () => {
  it('exports events oldest first, hosts and settings, without caches', async () => {
    const exported = await exportUserData(db);
    expect(exported.format).toBe(EXPORT_FORMAT);
    expect(exported.events.map((event) => event.time)).toEqual([10, 20]);
    expect(exported.hosts.map((host) => host.host)).toEqual(['www.shop.example']);
    expect(exported.settings).toEqual({ crowd: true });
    expect(JSON.stringify(exported)).not.toContain('range-table');
    expect(exported.userMappings).toEqual([]);
  });

  it('exports the user mappings that are readable', async () => {
    const mapping = {
      match: 'corp.example',
      provider: 'aws',
      region: 'us-east-1',
      service: null,
      role: 'hosting',
    };
    await setUserMappings(db, [mapping as UserMapping]);
    expect((await exportUserData(db)).userMappings).toEqual([mapping]);
    await setKv(db, SETTINGS_KEYS.userMappings, { version: 99, mappings: [mapping] });
    expect((await exportUserData(db)).userMappings).toEqual([]);
  });

  it('deletes everything learned but keeps the settings', async () => {
    await deleteUserData(db);
    expect(await db.count('events')).toBe(0);
    expect(await db.count('hosts')).toBe(0);
    expect(await getKv(db, KV_KEYS.rangeTable)).toBeUndefined();
    expect(await getKv(db, KV_KEYS.settings)).toEqual({ crowd: true });
  });

  it('deletes the settings too when asked', async () => {
    await deleteUserData(db, { withSettings: true });
    expect(await db.count('kv')).toBe(0);
  });
});
