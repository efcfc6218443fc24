/**
 * Wiring of the range-feed updater (issue 3, item 6). On install/update and on an hourly alarm it asks the
 * planner (utils/attribute/feed-update.ts) which feeds are due (a week after the last good check, sooner with
 * backoff after a failure), downloads them with conditional requests, compiles a new table from the good texts
 * and stores it in IndexedDB only when it compiled cleanly; otherwise the previous table stays in use. All of
 * this runs from the alarm / message, never inside a webRequest listener.
 *
 * `getCurrentTable()` loads the stored bytes once per worker life (a service worker restart rebuilds it from
 * IndexedDB) and returns null until the first download completed: name and header rules work without it.
 * Lead: route `{type: 'update-feeds'}` (utils/browser/feed-messages.ts) to `updater.handleMessage`.
 */
import { browser } from 'wxt/browser';
import { FEED_SOURCES, type FeedSource } from '../../utils/attribute/feed-sources';
import {
  applyFeedResultsInSteps,
  type FeedFetchResult,
  type FeedUpdateState,
  getDueFeeds,
  parseFeedUpdateState,
} from '../../utils/attribute/feed-update';
import { loadRangeTable, type RangeTable } from '../../utils/attribute/range-table';
import type { UserMapping } from '../../utils/attribute/user-mapping';
import { fetchFeedSource, type SharedDownloads } from '../../utils/browser/feed-fetcher';
import type { UpdateFeedsResponse } from '../../utils/browser/feed-messages';
import type { OutageDb } from '../../utils/store/db';
import { getKv, KV_KEYS, setKv } from '../../utils/store/kv-repo';
import { getFeedTextKey, SETTINGS_KEYS } from '../../utils/store/settings-keys';
import { getUserMappings } from '../../utils/store/user-settings';

export const FEED_ALARM = 'outage-lens-feeds';
/** The alarm only asks "is anything due?"; the weekly cadence and the backoff are the planner's. */
export const FEED_ALARM_PERIOD_MINUTES = 60;

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface FeedUpdaterDeps {
  getDb: () => Promise<OutageDb>;
  now: () => number;
  fetch?: typeof fetch;
  sources?: readonly FeedSource[];
  timeoutMs?: number;
  onError?: (error: unknown, context: string) => void;
  /** Called after a round put a new range table in use (the background rebuilds its attributor). */
  onTableSwapped?: () => void;
}

export interface FeedRunReport {
  checked: number;
  swapped: boolean;
  errors: string[];
}

export interface FeedUpdater {
  /** One round: due feeds (all with `force`), download, compile, store. Rounds never overlap. */
  run(options?: { force?: boolean }): Promise<FeedRunReport>;
  /** The table in use, or null before the first good download. */
  getCurrentTable(): Promise<RangeTable | null>;
  getUserMappings(): Promise<UserMapping[]>;
  getFeedStates(): Promise<FeedUpdateState>;
  /** Answer to the options page's `{type: 'update-feeds'}`. */
  handleMessage(): Promise<UpdateFeedsResponse>;
}

/** The updater without any browser wiring (tests drive it directly). */
export function createFeedUpdater(deps: FeedUpdaterDeps): FeedUpdater {
  const sources = deps.sources ?? FEED_SOURCES;
  const report = deps.onError ?? (() => undefined);
  let table: Promise<RangeTable | null> | null = null;
  let running: Promise<FeedRunReport> | null = null;

  async function loadStoredTable(): Promise<RangeTable | null> {
    const bytes = await getKv(await deps.getDb(), KV_KEYS.rangeTable);
    if (bytes === undefined) return null;
    try {
      return loadRangeTable(bytes as Uint8Array);
    } catch (error) {
      // Unreadable bytes stay stored until a good table replaces them; meanwhile names and headers still work.
      report(error, 'stored range table');
      return null;
    }
  }

  async function readGoodTexts(db: OutageDb): Promise<Record<string, string>> {
    const texts: Record<string, string> = {};
    for (const s of sources) {
      const text = await getKv(db, getFeedTextKey(s.file));
      if (typeof text === 'string') texts[s.file] = text;
    }
    return texts;
  }

  async function runOnce(force: boolean): Promise<FeedRunReport> {
    const db = await deps.getDb();
    const parsed = parseFeedUpdateState(await getKv(db, SETTINGS_KEYS.feedState));
    for (const e of parsed.errors) report(new Error(e), 'feed state');
    const state = parsed.state;
    const due = getDueFeeds(state, sources, deps.now(), { force });
    const hasTable = (await getKv(db, KV_KEYS.rangeTable)) !== undefined;
    if (due.length === 0 && hasTable) return { checked: 0, swapped: false, errors: [] };
    const goodTexts = await readGoodTexts(db);

    const results: Record<string, FeedFetchResult> = {};
    // Feeds packed in one zip (Akamai's two lists) share its download within this round.
    const downloads: SharedDownloads = new Map();
    await Promise.all(
      due.map(async (source) => {
        const hasCopy = goodTexts[source.file] !== undefined;
        results[source.file] = await fetchFeedSource(source, state.feeds[source.file], hasCopy, {
          ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          downloads,
        });
      }),
    );

    // Parse and compile in steps, letting queued browser events run in between (never inside a listener).
    const steps = applyFeedResultsInSteps({ state, results, goodTexts, hasTable, now: deps.now() });
    let step = steps.next();
    while (!step.done) {
      await yieldToEvents();
      step = steps.next();
    }
    const outcome = step.value;
    let swapped = false;
    let next: RangeTable | null = null;
    if (outcome.tableBytes) {
      try {
        next = loadRangeTable(outcome.tableBytes);
      } catch (error) {
        outcome.errors.push(`range table: new table did not load back (${(error as Error).message})`);
      }
    }
    for (const [file, text] of Object.entries(outcome.newTexts)) await setKv(db, getFeedTextKey(file), text);
    if (next && outcome.tableBytes) {
      await setKv(db, KV_KEYS.rangeTable, outcome.tableBytes);
      table = Promise.resolve(next);
      swapped = true;
    }
    await setKv(db, SETTINGS_KEYS.feedState, outcome.state);
    if (swapped) deps.onTableSwapped?.();
    return { checked: due.length, swapped, errors: outcome.errors };
  }

  const updater: FeedUpdater = {
    run({ force = false } = {}) {
      if (running) return running;
      running = runOnce(force).finally(() => {
        running = null;
      });
      return running;
    },
    getCurrentTable() {
      if (table === null) {
        table = loadStoredTable();
        table.catch(() => {
          table = null;
        });
      }
      return table;
    },
    async getUserMappings() {
      const { mappings, errors } = await getUserMappings(await deps.getDb());
      for (const e of errors) report(new Error(e), 'user mappings');
      return mappings;
    },
    async getFeedStates() {
      return parseFeedUpdateState(await getKv(await deps.getDb(), SETTINGS_KEYS.feedState)).state;
    },
    async handleMessage() {
      try {
        const r = await updater.run({ force: true });
        return { ok: true, checked: r.checked, swapped: r.swapped, errors: r.errors };
      } catch (error) {
        return { ok: false, error: (error as Error).message ?? String(error) };
      }
    },
  };
  return updater;
}

/**
 * Registers the alarm and install hook (call synchronously from the background's main()) and returns the updater.
 */
export function registerFeedUpdater(deps: FeedUpdaterDeps): FeedUpdater {
  const updater = createFeedUpdater(deps);
  const onError = deps.onError ?? (() => undefined);
  const runLogged = (force = false) =>
    void updater.run({ force }).then(
      (r) => {
        for (const e of r.errors) onError(new Error(e), 'feed update');
      },
      (error: unknown) => onError(error, 'feed update'),
    );
  browser.runtime.onInstalled.addListener(() => runLogged());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) runLogged();
  });
  // create() would restart the period on every worker start: only create it when missing.
  void browser.alarms.get(FEED_ALARM).then(
    (existing) => {
      if (!existing) {
        return browser.alarms.create(FEED_ALARM, {
          delayInMinutes: 1,
          periodInMinutes: FEED_ALARM_PERIOD_MINUTES,
        });
      }
    },
    (error: unknown) => onError(error, 'feed alarm'),
  );
  return updater;
}
