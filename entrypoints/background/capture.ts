import type { Deduper } from '../../utils/observe/dedupe';
import { normalizeRequest } from '../../utils/observe/normalize-request';
import type { LoadEvent, RawRequest } from '../../utils/observe/types';

/** What the capture pipeline needs from the outside world (idb, badge), passed in for tests. */
export interface CaptureDeps {
  deduper: Deduper;
  /** Persists one accepted event (events log + host profile). */
  store(event: LoadEvent): Promise<void>;
  /** Recomputes one tab's badge from what is stored. */
  refreshBadge(tabId: number): Promise<void>;
  /** A failure to store must not stop the next event from being handled; `context` says what failed. */
  onError(error: unknown, context: string): void;
}

export interface Capture {
  /** Queues one browser event; resolves once it and every event before it are handled. */
  handle(raw: RawRequest): Promise<void>;
  /**
   * Queues a badge refresh behind the events already queued, so a refresh asked for by the tab
   * (load complete) never reads the store before those events are in it.
   */
  refreshTab(tabId: number): Promise<void>;
}

/**
 * browser event → normalize → dedupe → store → badge, one event at a time in arrival order
 * (so a failure and the all-clear after it can never be stored out of order). Badges are
 * refreshed once the queue drains, once per touched tab, rather than after every request.
 */
export function createCapture(deps: CaptureDeps): Capture {
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  const touchedTabs = new Set<number>();

  const process = async (raw: RawRequest): Promise<void> => {
    const event = normalizeRequest(raw);
    if (event === null || !deps.deduper.accept(event, raw.url, raw.source)) return;
    await deps.store(event);
    touchedTabs.add(event.tabId);
  };

  const refreshTouchedTabs = async (): Promise<void> => {
    const tabs = [...touchedTabs];
    touchedTabs.clear();
    await Promise.all(tabs.map((tabId) => deps.refreshBadge(tabId)));
  };

  const enqueue = (work: () => Promise<void>, onError: (error: unknown) => void): Promise<void> => {
    queued++;
    tail = tail
      .then(work)
      .catch(onError)
      .then(async () => {
        queued--;
        if (queued === 0) await refreshTouchedTabs();
      })
      .catch(onError);
    return tail;
  };

  return {
    handle: (raw) =>
      enqueue(
        () => process(raw),
        (error) => deps.onError(error, `event for ${raw.url}`),
      ),
    refreshTab: (tabId) =>
      enqueue(
        async () => {
          touchedTabs.add(tabId);
        },
        (error) => deps.onError(error, `badge of tab ${tabId}`),
      ),
  };
}
