/**
 * Shared guards for every feed parser: size limits, empty/binary input, JSON decoding, field types, prefix entries.
 * Every failure throws a RangeFeedError naming the file, so one bad download never takes the other feeds down.
 */
import { RangeFeedError } from '../range-feed-error';
import type { RangePrefix } from '../types';
import { getFeedCidrProblem, NOT_A_PREFIX } from './feed-cidr';

/** Largest accepted feed text: the biggest real feed (Azure service tags) is 4.4 MB; 4× headroom. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;
/** Most prefix entries accepted from one feed: Azure, the biggest, lists ~101,500; ~5× headroom. */
export const MAX_FEED_ENTRIES = 500_000;

/** Rejects text that is empty, too big or binary before any parsing work is done. */
export function checkFeedText(text: string, file: string): void {
  if (typeof text !== 'string') throw new RangeFeedError(file, 'not text');
  if (text.length > MAX_FEED_BYTES) {
    throw new RangeFeedError(file, `too large (${text.length} characters, limit ${MAX_FEED_BYTES})`);
  }
  if (text.trim() === '') throw new RangeFeedError(file, 'empty file');
  // A NUL or the replacement character means a binary or mis-decoded download, never a range list.
  if (text.includes('\u0000') || text.includes('\ufffd'))
    throw new RangeFeedError(file, 'binary or mis-decoded content');
}

export function parseFeedJson(text: string, file: string): unknown {
  checkFeedText(text, file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RangeFeedError(file, `invalid JSON (${(e as Error).message})`);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requireRecord(v: unknown, file: string, where: string): Record<string, unknown> {
  if (!isRecord(v)) throw new RangeFeedError(file, `${where} should be an object`);
  return v;
}

export function requireArray(v: unknown, file: string, where: string): unknown[] {
  if (!Array.isArray(v)) throw new RangeFeedError(file, `${where} should be an array`);
  return v;
}

export function requireString(v: unknown, file: string, where: string): string {
  if (typeof v !== 'string') throw new RangeFeedError(file, `${where} should be a string`);
  return v;
}

/**
 * Collects prefixes for one feed, validating each entry (feed-cidr.ts) and enforcing MAX_FEED_ENTRIES.
 * `add` throws on the first bad entry: a feed with a broken line is suspect as a whole. `finish` throws when nothing
 * was listed: an empty list from a provider means a broken download, and loading it would drop the provider.
 */
export function createPrefixSink(file: string) {
  const prefixes: RangePrefix[] = [];
  return {
    add(
      cidr: string,
      provider: string,
      region: string | null,
      service: string | null,
      where: string,
      family?: 4 | 6,
    ): void {
      if (prefixes.length >= MAX_FEED_ENTRIES) {
        throw new RangeFeedError(file, `too many entries (more than ${MAX_FEED_ENTRIES})`);
      }
      const text = cidr.trim();
      const problem = getFeedCidrProblem(text, family);
      if (problem !== null) {
        // Text that is no prefix at all needs no reason beyond "bad CIDR"; a prefix that breaks a rule names it.
        const reason = problem === NOT_A_PREFIX ? '' : `: ${problem}`;
        throw new RangeFeedError(file, `bad CIDR ${JSON.stringify(cidr)} at ${where}${reason}`);
      }
      prefixes.push({ cidr: text, provider, region, service, feed: file });
    },
    finish(): RangePrefix[] {
      if (prefixes.length === 0) throw new RangeFeedError(file, 'no prefixes listed (an empty feed)');
      return prefixes;
    },
  };
}
