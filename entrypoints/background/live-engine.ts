/**
 * The verdict engine, live: browser events → the SAME createPipeline the eval CLI replays scenarios through →
 * IndexedDB (events + host profiles in one transaction per batch) → engine snapshot + verdict record → badges.
 *
 * State kept here (one worker life; everything that matters is in IndexedDB):
 * - `queue`: a promise chain; every event, badge refresh, probe result and rebuild runs on it in arrival order.
 *   The first job awaits the async start-up (range table, user mappings, host profiles, last snapshot), so
 *   events that arrive meanwhile wait in line and are never dropped.
 * - `pending`: attributed loads not yet written; written when the queue drains (or every MAX_BATCH loads).
 * - `shown`: site → "kind|provider|region" as last saved, plus the outages' "key:failing" list, to tell whether a
 *   batch changed anything the user sees (saved at once) or not (saved at most every `saveIntervalMs`).
 * - `recentTabs`: tabId → last event time, to re-badge tabs after a probe changed the picture.
 */

import { createAttributor } from '../../utils/attribute/attribute';
import type { RangeTable } from '../../utils/attribute/range-table';
import type { CatalogIndex } from '../../utils/attribute/service-catalog';
import type { Attribution } from '../../utils/attribute/types';
import type { UserMapping } from '../../utils/attribute/user-mapping';
import {
  createInferenceEngine,
  type InferenceEngine,
  type ProbeResult,
  restoreEngine,
} from '../../utils/infer/engine';
import type { Outage, Verdict } from '../../utils/infer/types';
import { isFailureOutcome } from '../../utils/observe/outcome';
import type { RawRequest } from '../../utils/observe/types';
import { createPipeline, type DnsAnswers, type Pipeline } from '../../utils/pipeline/pipeline';
import type { OutageDb } from '../../utils/store/db';
import { getRecentHosts, type HostObservation } from '../../utils/store/hosts-repo';
import { getKv, KV_KEYS, setKv } from '../../utils/store/kv-repo';
import { recordLoads } from '../../utils/store/loads-repo';
import { VERDICT_RECORD_VERSION, type VerdictRecord } from '../../utils/store/verdict-record';

/** Host profiles seeded into the pipeline at start-up, most recently updated first. */
export const REMEMBERED_HOSTS = 5_000;
/** While events flow without changing what the user sees, the engine is saved at most this often. */
export const SAVE_INTERVAL_MS = 3_000;
/** A long burst is written in slices of this many loads. */
export const MAX_BATCH = 200;
const MAX_RECENT_TABS = 200;

export interface LiveEngineDeps {
  getDb(): Promise<OutageDb>;
  now(): number;
  dedupeWindowMs: number;
  getTable(): Promise<RangeTable | null>;
  getUserMappings(): Promise<UserMapping[]>;
  getCatalog(): CatalogIndex | null;
  dnsAnswers?: DnsAnswers;
  /** A host failed before it answered: a DNS lookup (outside any listener) may place it next time. */
  onUnplacedFailure?(host: string): void;
  /** The connectivity probe port. */
  probe(time: number): Promise<ProbeResult>;
  /** Recomputes one tab's badge from IndexedDB (events + verdict record). */
  refreshBadge(db: OutageDb, tabId: number, now: number): Promise<void>;
  onError(error: unknown, context: string): void;
  saveIntervalMs?: number;
  /** Defers a save; setTimeout in the extension. */
  schedule?(run: () => void, ms: number): void;
}

export interface LiveEngine {
  /** Queues one browser event; resolves once it and everything before it is handled. */
  handle(raw: RawRequest): Promise<void>;
  /** Queues a badge refresh behind the events already queued. */
  refreshTab(tabId: number): Promise<void>;
  /** Rebuilds the attributor (user mappings or the range table changed), keeping the engine's state. */
  rebuildAttributor(): Promise<void>;
  /** Starts the async start-up now (it otherwise starts with the first event). */
  start(): Promise<void>;
  /** Forgets everything learned (the user deleted their data): a fresh engine, no pending writes. */
  reset(): Promise<void>;
}

interface Live {
  engine: InferenceEngine;
  pipeline: Pipeline;
}

const verdictKey = (v: Verdict) => `${v.kind}|${v.provider ?? ''}|${v.region ?? ''}`;
const outagesKey = (list: readonly Outage[]) =>
  list.map((o) => `${o.provider}|${o.region ?? ''}:${o.failingSites.length}`).join(',');

export function createLiveEngine(deps: LiveEngineDeps): LiveEngine {
  const saveIntervalMs = deps.saveIntervalMs ?? SAVE_INTERVAL_MS;
  const schedule = deps.schedule ?? ((run, ms) => void setTimeout(run, ms));
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  let live: Promise<Live> | null = null;
  let pending: HostObservation[] = [];
  const touchedTabs = new Set<number>();
  const touchedSites = new Set<string>();
  const recentTabs = new Map<number, number>();
  const shown = new Map<string, string>();
  let shownOutages = '';
  let dirty = false;
  let lastSave = Number.NEGATIVE_INFINITY;
  let saveScheduled = false;
  let probing = false;

  async function restore(db: OutageDb): Promise<InferenceEngine> {
    const stored = await getKv(db, KV_KEYS.engineSnapshot);
    if (stored === undefined) return createInferenceEngine();
    try {
      return restoreEngine(stored);
    } catch (error) {
      // An old or damaged snapshot costs the last minutes of evidence, never the extension.
      deps.onError(error, 'discarded the stored engine snapshot');
      return createInferenceEngine();
    }
  }

  async function buildAttributor() {
    const [table, userMappings] = await Promise.all([deps.getTable(), deps.getUserMappings()]);
    return createAttributor({ table, catalog: deps.getCatalog(), userMappings });
  }

  async function buildPipeline(db: OutageDb, engine: InferenceEngine): Promise<Pipeline> {
    const [attributor, hosts] = await Promise.all([buildAttributor(), getRecentHosts(db, REMEMBERED_HOSTS)]);
    const pipeline = createPipeline({
      attributor,
      engine,
      dedupeWindowMs: deps.dedupeWindowMs,
      ...(deps.dnsAnswers ? { dnsAnswers: deps.dnsAnswers } : {}),
      onAttributed: (ev, attributions) => {
        pending.push({ ev, attributions: attributions as Attribution[] });
      },
      maxProfiles: REMEMBERED_HOSTS * 2,
    });
    // Oldest first, so the most recent profiles are the last to leave the pipeline's LRU.
    for (const host of [...hosts].reverse()) {
      if (host.attributions.length > 0) pipeline.rememberHost(host.host, host.attributions);
    }
    return pipeline;
  }

  function getLive(): Promise<Live> {
    if (live === null) {
      live = (async () => {
        const db = await deps.getDb();
        const engine = await restore(db);
        return { engine, pipeline: await buildPipeline(db, engine) };
      })();
      // A failed start-up (database blocked) is retried by the next job.
      live.catch(() => {
        live = null;
      });
    }
    return live;
  }

  async function writePending(db: OutageDb): Promise<void> {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const result = await recordLoads(db, batch);
    for (const r of result.rejected) deps.onError(new Error(r.reason), 'load not stored');
  }

  async function save(db: OutageDb, engine: InferenceEngine, now: number): Promise<void> {
    dirty = false;
    lastSave = now;
    const verdicts = engine.getVerdicts(now).filter((v) => v.kind !== 'ok');
    const outages = engine.getOutages(now);
    const record: VerdictRecord = {
      version: VERDICT_RECORD_VERSION,
      savedAt: now,
      verdicts,
      outages,
      history: engine.getOutageHistory(),
    };
    await setKv(db, KV_KEYS.engineSnapshot, engine.snapshot());
    await setKv(db, KV_KEYS.verdicts, record);
    shown.clear();
    for (const v of verdicts) shown.set(v.site, verdictKey(v));
    shownOutages = outagesKey(outages);
  }

  /** Whether the touched sites' verdicts or the outages differ from what was last saved. */
  function hasVisibleChange(engine: InferenceEngine, now: number): boolean {
    if (outagesKey(engine.getOutages(now)) !== shownOutages) return true;
    for (const site of touchedSites) {
      const v = engine.getVerdict(site, now);
      if ((v.kind === 'ok' ? undefined : verdictKey(v)) !== shown.get(site)) return true;
    }
    return false;
  }

  function maybeProbe(engine: InferenceEngine, now: number): void {
    if (probing || !engine.needsProbe(now)) return;
    probing = true;
    void deps
      .probe(now)
      .then(
        (result) =>
          enqueue(async ({ engine: e }) => {
            e.setProbeResult(result);
            dirty = true;
            lastSave = Number.NEGATIVE_INFINITY;
            for (const tabId of recentTabs.keys()) touchedTabs.add(tabId);
          }, 'probe result'),
        (error: unknown) => deps.onError(error, 'connectivity probe'),
      )
      .finally(() => {
        probing = false;
      });
  }

  /** After the queue drained: write the batch, save what changed, maybe probe, re-badge touched tabs. */
  async function settle({ engine }: Live): Promise<void> {
    const db = await deps.getDb();
    await writePending(db);
    const now = deps.now();
    if (touchedSites.size > 0) dirty = true;
    const visible = dirty && hasVisibleChange(engine, now);
    if (dirty && (visible || now - lastSave >= saveIntervalMs)) {
      await save(db, engine, now);
      // An outage raised (or cleared) by this batch changes the cause shown on other failing tabs too.
      if (visible) for (const tabId of recentTabs.keys()) touchedTabs.add(tabId);
    } else if (dirty && !saveScheduled) {
      saveScheduled = true;
      schedule(() => {
        saveScheduled = false;
        void enqueue(async () => undefined, 'scheduled save');
      }, saveIntervalMs);
    }
    touchedSites.clear();
    maybeProbe(engine, now);
    const tabs = [...touchedTabs];
    touchedTabs.clear();
    await Promise.all(
      tabs.map((tabId) =>
        deps.refreshBadge(db, tabId, now).catch((error: unknown) => {
          // Most often the tab was closed meanwhile: stop re-badging it.
          recentTabs.delete(tabId);
          deps.onError(error, `badge of tab ${tabId}`);
        }),
      ),
    );
  }

  function enqueue(work: (l: Live) => Promise<void>, context: string): Promise<void> {
    queued++;
    const onError = (error: unknown) => deps.onError(error, context);
    tail = tail
      .then(async () => work(await getLive()))
      .catch(onError)
      .then(async () => {
        queued--;
        if (queued === 0) await settle(await getLive());
      })
      .catch(onError);
    return tail;
  }

  async function process({ pipeline }: Live, raw: RawRequest): Promise<void> {
    const ev = pipeline.onRawRequest(raw);
    if (ev === null) return;
    touchedTabs.add(ev.tabId);
    touchedSites.add(ev.site);
    recentTabs.delete(ev.tabId);
    recentTabs.set(ev.tabId, ev.time);
    if (recentTabs.size > MAX_RECENT_TABS) recentTabs.delete(recentTabs.keys().next().value as number);
    if (isFailureOutcome(ev.outcome) && ev.ip === undefined) deps.onUnplacedFailure?.(ev.host);
    if (pending.length >= MAX_BATCH) await writePending(await deps.getDb());
  }

  return {
    handle: (raw) => enqueue((l) => process(l, raw), `event for ${raw.url}`),
    refreshTab: (tabId) =>
      enqueue(async () => {
        touchedTabs.add(tabId);
      }, `badge of tab ${tabId}`),
    rebuildAttributor: () =>
      enqueue(async (l) => {
        l.pipeline.setAttributor(await buildAttributor());
      }, 'attributor rebuild'),
    start: () => enqueue(async () => undefined, 'start-up'),
    reset: () =>
      enqueue(async (l) => {
        pending = [];
        touchedSites.clear();
        shown.clear();
        shownOutages = '';
        dirty = false;
        l.engine = createInferenceEngine();
        l.pipeline = await buildPipeline(await deps.getDb(), l.engine);
      }, 'reset after data deletion'),
  };
}
