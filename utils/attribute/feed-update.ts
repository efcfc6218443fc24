/**
 * The range-feed updater's pure core: which feeds are due, and what a round of downloads changes.
 * Time is passed in; nothing here fetches or stores (entrypoints/background/feed-updater.ts does).
 *
 * Stored state, format version 1 (kept in the kv store as one value):
 *   { version: 1, feeds: { [file]: FeedState } }
 * The last good text of every feed is kept beside it (one kv row per feed): a 304 reuses it, and a feed that
 * fails to download or parse keeps it, so nothing that once loaded is lost.
 *
 * Schedule: a feed never checked is due (install); after a good check it is due again a week later; after a
 * failure it retries with a doubling delay, RETRY_BASE_MS up to RETRY_MAX_MS. A table is compiled from the good
 * texts whenever one of them changed (or none is stored yet) and is swapped in only when it compiled cleanly.
 *
 * A download that parses but lists fewer than MIN_KEPT_SHARE of the previous good copy's prefixes is refused like a
 * malformed one (the previous copy stays, the reason is the feed's lastError): a cut exactly at a line break, an
 * error page that happens to parse, or a half-published file would otherwise drop most of a provider.
 */
import * as v from 'valibot';
import { type FeedSource, isDownloadable } from './feed-sources';
import { parseFeeds } from './feeds';
import { compileRangeTable, serializeRangeTable } from './range-table';
import type { RangePrefix } from './types';

export const FEED_UPDATE_FORMAT_VERSION = 1;
export const REFRESH_MS = 7 * 24 * 60 * 60_000;
export const RETRY_BASE_MS = 60 * 60_000;
export const RETRY_MAX_MS = 24 * 60 * 60_000;
/** A new download must keep at least this share of the previous good copy's prefix count. */
export const MIN_KEPT_SHARE = 0.5;

/** What the updater remembers about one feed. Times are epoch ms. */
export interface FeedState {
  file: string;
  /** Validators of the last good download, sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  /** When the feed last downloaded (or was confirmed by a 304) and parsed cleanly. */
  lastGoodAt?: number;
  /** Why the latest attempt failed; absent after a good one. */
  lastError?: string;
  lastCheckedAt?: number;
  /** Prefix entries in the last good text. */
  prefixCount?: number;
  /** Failed attempts in a row (drives the backoff). */
  failures?: number;
  /** For a feed found through a page (FeedSource.discovery): the dated address the last good text came from. */
  sourceUrl?: string;
}

export interface FeedUpdateState {
  version: typeof FEED_UPDATE_FORMAT_VERSION;
  feeds: Record<string, FeedState>;
}

/** One download's outcome, as utils/browser/feed-fetcher.ts reports it. */
export type FeedFetchResult =
  | { status: 200; text: string; etag?: string; lastModified?: string; sourceUrl?: string }
  | { status: 304; etag?: string; lastModified?: string }
  | { status: 'error'; error: string };

const FeedStateSchema = v.object({
  file: v.string(),
  etag: v.optional(v.string()),
  lastModified: v.optional(v.string()),
  lastGoodAt: v.optional(v.number()),
  lastError: v.optional(v.string()),
  lastCheckedAt: v.optional(v.number()),
  prefixCount: v.optional(v.number()),
  failures: v.optional(v.number()),
  sourceUrl: v.optional(v.string()),
});

export function createEmptyFeedUpdateState(): FeedUpdateState {
  return { version: FEED_UPDATE_FORMAT_VERSION, feeds: {} };
}

/**
 * Reads a stored state. Anything unreadable starts fresh (every feed becomes due, which only costs downloads;
 * the stored texts and table are untouched), with the reason in `errors`.
 */
export function parseFeedUpdateState(value: unknown): { state: FeedUpdateState; errors: string[] } {
  const state = createEmptyFeedUpdateState();
  if (value === undefined || value === null) return { state, errors: [] };
  if (typeof value !== 'object' || (value as { version?: unknown }).version !== FEED_UPDATE_FORMAT_VERSION) {
    const version = typeof value === 'object' ? (value as { version?: unknown }).version : undefined;
    return { state, errors: [`feed state: unsupported format version ${String(version)}, starting fresh`] };
  }
  const feeds = (value as { feeds?: unknown }).feeds;
  if (typeof feeds !== 'object' || feeds === null) {
    return { state, errors: ['feed state: no feeds object, starting fresh'] };
  }
  const errors: string[] = [];
  for (const [file, raw] of Object.entries(feeds)) {
    const r = v.safeParse(FeedStateSchema, raw);
    if (r.success && r.output.file === file) state.feeds[file] = r.output;
    else
      errors.push(
        `feed state: entry ${JSON.stringify(file)} ignored (${r.issues?.[0]?.message ?? 'name mismatch'})`,
      );
  }
  return { state, errors };
}

/** When `feed` should be checked next; 0 when it never was. */
export function getNextCheckAt(feed: FeedState | undefined): number {
  if (feed?.lastCheckedAt === undefined) return 0;
  const failures = feed.failures ?? 0;
  const wait =
    failures > 0 ? Math.min(RETRY_BASE_MS * 2 ** Math.min(failures - 1, 30), RETRY_MAX_MS) : REFRESH_MS;
  return feed.lastCheckedAt + wait;
}

/**
 * The downloadable feeds to check now. `force` (the options page's "Update now") takes all of them; the
 * requests are still conditional, so unchanged feeds cost a 304. A check stamped in the future (the clock went
 * back) counts as due.
 */
export function getDueFeeds(
  state: FeedUpdateState,
  sources: readonly FeedSource[],
  now: number,
  { force = false } = {},
): FeedSource[] {
  return sources.filter((s) => {
    if (!isDownloadable(s)) return false;
    if (force) return true;
    const feed = state.feeds[s.file];
    if (feed?.lastCheckedAt !== undefined && feed.lastCheckedAt > now) return true;
    return getNextCheckAt(feed) <= now;
  });
}

/** The earliest time any downloadable feed becomes due (for scheduling). */
export function getNextDueAt(state: FeedUpdateState, sources: readonly FeedSource[]): number {
  let next = Number.POSITIVE_INFINITY;
  for (const s of sources) if (isDownloadable(s)) next = Math.min(next, getNextCheckAt(state.feeds[s.file]));
  return next;
}

export interface FeedUpdateInput {
  state: FeedUpdateState;
  /** Results of this round, by file; feeds not in here were not checked and keep their state. */
  results: Readonly<Record<string, FeedFetchResult>>;
  /** The stored last good text of each feed. */
  goodTexts: Readonly<Record<string, string>>;
  /** Whether a compiled table is stored now; without one, the good texts are compiled even if none changed. */
  hasTable: boolean;
  now: number;
}

export interface FeedUpdateOutcome {
  state: FeedUpdateState;
  /** Texts that became the new last good version: store them (others stay as stored). */
  newTexts: Record<string, string>;
  /** The compiled table to swap in, or null: keep the previous one. */
  tableBytes: Uint8Array | null;
  /** Every problem of this round, each naming its feed. */
  errors: string[];
}

function failed(prev: FeedState, now: number, error: string): FeedState {
  return { ...prev, lastCheckedAt: now, lastError: error, failures: (prev.failures ?? 0) + 1 };
}

function withValidators(
  feed: FeedState,
  r: { etag?: string | undefined; lastModified?: string | undefined },
): FeedState {
  const next = { ...feed };
  delete next.etag;
  delete next.lastModified;
  if (r.etag) next.etag = r.etag;
  if (r.lastModified) next.lastModified = r.lastModified;
  return next;
}

/** Why a parsed download is refused for listing far fewer prefixes than the last good copy, or null. */
export function getCountCollapse(
  previous: FeedState,
  goodText: string | undefined,
  count: number,
): string | null {
  // Without a stored copy there is nothing better to keep: a short list beats no list.
  if (goodText === undefined || previous.prefixCount === undefined) return null;
  if (count >= previous.prefixCount * MIN_KEPT_SHARE) return null;
  return (
    `${previous.file}: refused: lists ${count} prefixes, fewer than ${MIN_KEPT_SHARE * 100}% of the ` +
    `${previous.prefixCount} in the last good copy; keeping that copy`
  );
}

function succeeded(prev: FeedState, now: number, prefixCount: number | undefined): FeedState {
  const next: FeedState = { ...prev, lastCheckedAt: now, lastGoodAt: now, failures: 0 };
  delete next.lastError;
  if (prefixCount !== undefined) next.prefixCount = prefixCount;
  return next;
}

/** Applies one round of download results: new feed states, new good texts, and maybe a new table. */
export function applyFeedResults(input: FeedUpdateInput): FeedUpdateOutcome {
  const steps = applyFeedResultsInSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same work as applyFeedResults, pausing (yield) after each feed is parsed and before the table is built,
 * so the background can let queued browser events run between the steps: parsing all feeds takes about 2 s.
 * Each text is parsed once; the prefixes of a new download are reused for the table.
 */
export function* applyFeedResultsInSteps(input: FeedUpdateInput): Generator<void, FeedUpdateOutcome, void> {
  const { results, goodTexts, now } = input;
  const feeds: Record<string, FeedState> = { ...input.state.feeds };
  const newTexts: Record<string, string> = {};
  const newPrefixes: Record<string, RangePrefix[]> = {};
  const errors: string[] = [];

  for (const [file, result] of Object.entries(results)) {
    const prev: FeedState = feeds[file] ?? { file };
    if (result.status === 'error') {
      feeds[file] = failed(prev, now, result.error);
      errors.push(`${file}: ${result.error}`);
    } else if (result.status === 304) {
      if (goodTexts[file] === undefined) {
        // Nothing stored to reuse (data was deleted): forget the validators so the next request is unconditional.
        const problem = 'server said "not modified" but no stored copy exists; will download it again';
        feeds[file] = failed(withValidators(prev, {}), now, problem);
        errors.push(`${file}: ${problem}`);
      } else {
        const validators = {
          etag: result.etag ?? prev.etag,
          lastModified: result.lastModified ?? prev.lastModified,
        };
        feeds[file] = succeeded(withValidators(prev, validators), now, undefined);
      }
    } else {
      const parsed = parseFeeds([{ name: file, text: result.text }]);
      const error =
        parsed.errors[0]?.message ?? getCountCollapse(prev, goodTexts[file], parsed.counts[file] ?? 0);
      if (error !== null) {
        // A malformed download keeps the previous good text and validators, so the next try downloads again.
        feeds[file] = failed(prev, now, error);
        errors.push(error);
      } else {
        feeds[file] = succeeded(withValidators(prev, result), now, parsed.counts[file]);
        if (result.sourceUrl) feeds[file] = { ...feeds[file]!, sourceUrl: result.sourceUrl };
        newTexts[file] = result.text;
        newPrefixes[file] = parsed.prefixes;
      }
      yield;
    }
  }

  const state: FeedUpdateState = { version: FEED_UPDATE_FORMAT_VERSION, feeds };
  const files = [...new Set([...Object.keys(goodTexts), ...Object.keys(newTexts)])].sort();
  const changed = Object.keys(newTexts).length > 0;
  if ((!changed && input.hasTable) || files.length === 0) {
    return { state, newTexts, tableBytes: null, errors };
  }

  const prefixes: RangePrefix[] = [];
  for (const file of files) {
    let filePrefixes = newPrefixes[file];
    if (filePrefixes === undefined) {
      const parsed = parseFeeds([{ name: file, text: goodTexts[file]! }]);
      // A stored text that no longer parses (a parser got stricter) is left out; the other feeds still load.
      for (const e of parsed.errors) errors.push(`${e.message} (stored copy left out of the table)`);
      filePrefixes = parsed.prefixes;
      yield;
    }
    for (const p of filePrefixes) prefixes.push(p);
  }
  try {
    return { state, newTexts, tableBytes: serializeRangeTable(compileRangeTable(prefixes)), errors };
  } catch (e) {
    errors.push(`range table: compile failed (${(e as Error).message})`);
    return { state, newTexts, tableBytes: null, errors };
  }
}
