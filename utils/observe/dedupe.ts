import { isFailureOutcome } from './outcome';
import type { LoadEvent } from './types';

export type EventSource = 'webRequest' | 'webNavigation';

export interface DeduperOptions {
  /** How long a repeat counts as the same failure, in event time (ms). Chromium's auto-reload comes ~1.1 s later. */
  windowMs: number;
  /** Most keys remembered; the oldest are evicted first. */
  maxKeys?: number;
}

export interface Deduper {
  /** True when the event is new and should be recorded; false for a repeat within the window. */
  accept(ev: LoadEvent, url: string, source?: EventSource): boolean;
}

const DEFAULT_MAX_KEYS = 2048;

/**
 * Drops events that would make one failure count twice:
 * 1. a repeat of the same (tabId, url, outcome) within `windowMs` of the last accepted one
 *    (Chromium re-requests a failed page ~1.1 s later with a new requestId);
 * 2. a main-document failure reported by the other listener for the same (tabId, url) within the window:
 *    webNavigation.onErrorOccurred and webRequest.onErrorOccurred both see a failed main document,
 *    and the document and its error page must not count twice, whatever class each one gave.
 *
 * Time comes only from the events (never the clock), so replays dedupe exactly as live use does.
 * Layout: `seen` maps a key to the event time it was last accepted at. A Map iterates in insertion
 * order and every accept re-inserts its key, so the first entries are the oldest; eviction pops from
 * the front while they are older than the window or the map is over `maxKeys`.
 *   repeat key:   `r\n<tabId>\n<outcome>\n<url>`
 *   document key: `d\n<source>\n<tabId>\n<url>`  (main-frame failures only)
 */
export function createDeduper({ windowMs, maxKeys = DEFAULT_MAX_KEYS }: DeduperOptions): Deduper {
  const seen = new Map<string, number>();
  let latest = Number.NEGATIVE_INFINITY;

  const isFresh = (key: string, time: number): boolean => {
    const at = seen.get(key);
    return at !== undefined && Math.abs(time - at) < windowMs;
  };
  const remember = (key: string, time: number): void => {
    seen.delete(key);
    seen.set(key, time);
  };
  const evict = (): void => {
    for (const [key, time] of seen) {
      if (seen.size <= maxKeys && latest - time < windowMs) break;
      seen.delete(key);
    }
  };

  return {
    accept(ev, url, source = 'webRequest') {
      latest = Math.max(latest, ev.time);
      const repeatKey = `r\n${ev.tabId}\n${ev.outcome}\n${url}`;
      const isDocumentFailure = ev.type === 'main_frame' && isFailureOutcome(ev.outcome);
      const otherSource: EventSource = source === 'webRequest' ? 'webNavigation' : 'webRequest';
      const duplicate =
        isFresh(repeatKey, ev.time) ||
        (isDocumentFailure && isFresh(`d\n${otherSource}\n${ev.tabId}\n${url}`, ev.time));
      if (!duplicate) {
        remember(repeatKey, ev.time);
        if (isDocumentFailure) remember(`d\n${source}\n${ev.tabId}\n${url}`, ev.time);
      }
      evict();
      return !duplicate;
    },
  };
}
