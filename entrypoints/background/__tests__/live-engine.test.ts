import { beforeEach, describe, expect, it } from 'vitest';
import type { UserMapping } from '../../../utils/attribute/user-mapping';
import type { ProbeResult } from '../../../utils/infer/engine';
import type { RawRequest } from '../../../utils/observe/types';
import { openFreshDb } from '../../../utils/store/__tests__/helpers/fresh-db';
import type { OutageDb } from '../../../utils/store/db';
import { getRecentEvents } from '../../../utils/store/events-repo';
import { getHost } from '../../../utils/store/hosts-repo';
import { getKv, KV_KEYS, setKv } from '../../../utils/store/kv-repo';
import { recordLoads } from '../../../utils/store/loads-repo';
import { deleteUserData } from '../../../utils/store/user-data';
import { getVerdictRecord } from '../../../utils/store/verdict-record';
import { createLiveEngine, type LiveEngineDeps } from '../live-engine';

const T0 = Date.UTC(2025, 9, 20, 7, 0, 0);
const SITES = ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test'];
const AWS_MAPPINGS: UserMapping[] = SITES.map((match) => ({
  match,
  provider: 'aws',
  region: 'us-east-1',
  service: null,
  role: 'hosting',
}));

function ok(site: string, tabId: number, time: number): RawRequest {
  return {
    time,
    tabId,
    url: `http://${site}/`,
    type: 'main_frame',
    statusCode: 200,
    ip: '127.0.0.1',
    source: 'webRequest',
  };
}

function refused(site: string, tabId: number, time: number): RawRequest {
  return {
    time,
    tabId,
    url: `http://${site}/`,
    type: 'main_frame',
    error: 'net::ERR_CONNECTION_REFUSED',
    source: 'webRequest',
  };
}

/** A live engine over one in-memory database, with a clock, a probe and the calls it made. */
function setup(db: OutageDb, overrides: Partial<LiveEngineDeps> = {}) {
  const clock = { now: T0 };
  const calls = { badges: [] as number[], errors: [] as string[], probes: 0, unplaced: [] as string[] };
  const scheduled: Array<() => void> = [];
  let mappings: UserMapping[] = AWS_MAPPINGS;
  let probeResult = (time: number): ProbeResult => ({ time, reachable: 2, total: 2, dnsOk: true });
  const live = createLiveEngine({
    getDb: async () => db,
    now: () => clock.now,
    dedupeWindowMs: 10_000,
    getTable: async () => null,
    getUserMappings: async () => mappings,
    getCatalog: () => null,
    onUnplacedFailure: (host) => calls.unplaced.push(host),
    probe: async (time) => {
      calls.probes++;
      return probeResult(time);
    },
    refreshBadge: async (_db, tabId) => {
      calls.badges.push(tabId);
    },
    onError: (error, context) => calls.errors.push(`${context}: ${(error as Error).message}`),
    schedule: (run) => scheduled.push(run),
    ...overrides,
  });
  return {
    live,
    clock,
    calls,
    scheduled,
    setMappings: (next: UserMapping[]) => {
      mappings = next;
    },
    setProbe: (fn: (time: number) => ProbeResult) => {
      probeResult = fn;
    },
  };
}

/** Every site loads, then the first three fail: the engine should raise an AWS us-east-1 outage. */
async function raiseOutage(live: ReturnType<typeof setup>['live'], clock: { now: number }) {
  for (const [i, site] of SITES.entries()) await live.handle(ok(site, i + 1, T0 + i * 1_000));
  for (const [i, site] of SITES.slice(0, 3).entries()) {
    clock.now = T0 + 10_000 + i * 1_000;
    await live.handle(refused(site, i + 1, clock.now));
  }
}

let db: OutageDb;
beforeEach(async () => {
  db = await openFreshDb();
});

describe('live engine', () => {
  it('queues events that arrive before start-up finished; none is dropped', async () => {
    let release: (m: UserMapping[]) => void = () => {};
    const slow = new Promise<UserMapping[]>((resolve) => {
      release = resolve;
    });
    const { live } = setup(db, { getUserMappings: () => slow });
    const handled = SITES.map((site, i) => live.handle(ok(site, i + 1, T0 + i)));
    expect(await getRecentEvents(db, { since: 0 })).toEqual([]);
    release(AWS_MAPPINGS);
    await Promise.all(handled);
    expect((await getRecentEvents(db, { since: 0 })).map((e) => e.host)).toEqual(SITES);
    // Attributed with the mappings loaded at start-up, stored in the host profile.
    expect((await getHost(db, 'alpha.test'))?.attributions[0]).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
    });
  });

  it('raises an outage from three mapped sites failing, saves it with the snapshot and re-badges their tabs', async () => {
    const { live, clock, calls } = setup(db);
    await raiseOutage(live, clock);
    const { record } = await getVerdictRecord(db);
    expect(record?.outages).toEqual([
      expect.objectContaining({ provider: 'aws', region: 'us-east-1', failingSites: SITES.slice(0, 3) }),
    ]);
    expect(record?.verdicts.find((v) => v.site === 'alpha.test')).toMatchObject({
      kind: 'provider-outage',
      provider: 'aws',
      region: 'us-east-1',
    });
    expect(await getKv(db, KV_KEYS.engineSnapshot)).toMatchObject({
      format: 'outage-lens-engine',
      version: 1,
    });
    // The first failing tab (1) is re-badged once the third failure raised the outage.
    expect(calls.badges.slice(-4).sort()).toEqual([1, 2, 3, 4]);
    expect(calls.unplaced).toEqual(SITES.slice(0, 3));
    expect(calls.errors).toEqual([]);
  });

  it('restores the engine after a restart: the next failure is still part of the outage', async () => {
    const first = setup(db);
    await raiseOutage(first.live, first.clock);
    const second = setup(db);
    second.clock.now = T0 + 20_000;
    await second.live.handle(refused('charlie.test', 9, second.clock.now));
    const { record } = await getVerdictRecord(db);
    expect(record?.savedAt).toBe(T0 + 20_000);
    expect(record?.verdicts.find((v) => v.site === 'charlie.test')?.kind).toBe('provider-outage');
    expect(second.calls.errors).toEqual([]);
  });

  it.each([
    { name: 'an old version', value: { format: 'outage-lens-engine', version: 0 } },
    { name: 'garbage', value: 'not a snapshot' },
  ])('discards $name of the snapshot with a logged reason and starts fresh', async ({ value }) => {
    await setKv(db, KV_KEYS.engineSnapshot, value);
    const { live, clock, calls } = setup(db);
    await raiseOutage(live, clock);
    expect(calls.errors).toEqual([expect.stringContaining('discarded the stored engine snapshot')]);
    expect((await getVerdictRecord(db)).record?.outages).toHaveLength(1);
  });

  it('places hosts that fail before answering by their stored profiles', async () => {
    await recordLoads(
      db,
      SITES.map((site, i) => ({
        ev: { time: T0 - 86_400_000 + i, tabId: 1, host: site, site, type: 'main_frame', outcome: 'ok' },
        attributions: [
          {
            provider: 'aws',
            region: 'us-east-1',
            service: null,
            role: 'hosting' as const,
            confidence: 0.95,
            evidence: ['yesterday'],
          },
        ],
      })),
    );
    // No mappings today: only yesterday's profiles know where these sites live.
    const { live, clock } = setup(db, { getUserMappings: async () => [] });
    await live.handle(ok('delta.test', 4, T0));
    for (const [i, site] of SITES.slice(0, 3).entries()) {
      clock.now = T0 + 1_000 + i;
      await live.handle(refused(site, i + 1, clock.now));
    }
    expect((await getVerdictRecord(db)).record?.outages[0]).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
    });
  });

  it('rebuilds the attributor when the mappings change', async () => {
    const { live, setMappings } = setup(db);
    setMappings([]);
    await live.handle(ok('alpha.test', 1, T0));
    expect((await getHost(db, 'alpha.test'))?.attributions).toEqual([]);
    setMappings(AWS_MAPPINGS);
    await live.rebuildAttributor();
    await live.handle(ok('bravo.test', 2, T0 + 1));
    expect((await getHost(db, 'bravo.test'))?.attributions[0]?.provider).toBe('aws');
  });

  it('asks the probe when failures spread with nothing loading, and an unreachable probe means the own network', async () => {
    const { live, clock, calls, setProbe } = setup(db, { getUserMappings: async () => [] });
    setProbe((time) => ({ time, reachable: 0, total: 2, dnsOk: false }));
    for (const [i, site] of SITES.slice(0, 3).entries()) {
      clock.now = T0 + i;
      await live.handle(refused(site, i + 1, clock.now));
    }
    expect(calls.probes).toBe(1);
    // The probe's answer is queued like an event; the next job settles after it.
    await live.refreshTab(1);
    const { record } = await getVerdictRecord(db);
    expect(record?.verdicts.map((v) => v.kind)).toEqual(['local-network', 'local-network', 'local-network']);
  });

  it('saves at most every few seconds while nothing visible changes', async () => {
    const { live, clock, scheduled } = setup(db, { saveIntervalMs: 3_000 });
    await live.handle(ok('alpha.test', 1, T0));
    const firstSave = (await getVerdictRecord(db)).record?.savedAt;
    expect(firstSave).toBe(T0);
    clock.now = T0 + 1_000;
    await live.handle(ok('bravo.test', 2, clock.now));
    expect((await getVerdictRecord(db)).record?.savedAt).toBe(T0);
    expect(scheduled).toHaveLength(1);
    clock.now = T0 + 3_000;
    scheduled[0]!();
    await live.refreshTab(2);
    expect((await getVerdictRecord(db)).record?.savedAt).toBe(T0 + 3_000);
  });

  it('forgets what it learned after the user deleted their data', async () => {
    const { live, clock } = setup(db);
    await raiseOutage(live, clock);
    await deleteUserData(db, { withSettings: true });
    await live.reset();
    clock.now += 1_000;
    await live.handle(refused('charlie.test', 3, clock.now));
    const { record } = await getVerdictRecord(db);
    expect(record?.outages).toEqual([]);
    expect(record?.verdicts.map((v) => [v.site, v.kind])).toEqual([['charlie.test', 'unknown']]);
  });

  it('keeps badging other tabs when one tab is gone, and says which', async () => {
    const { live, clock, calls } = setup(db, {
      refreshBadge: async (_db, tabId) => {
        if (tabId === 1) throw new Error('No tab with id: 1');
        calls.badges.push(tabId);
      },
    });
    await raiseOutage(live, clock);
    expect(calls.errors).toContain('badge of tab 1: No tab with id: 1');
    expect(calls.badges).toContain(3);
  });
});
