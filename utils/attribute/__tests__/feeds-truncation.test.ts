/**
 * Every real feed cut short at many points (every byte of the small files, seeded points plus the whole tail of the
 * big ones). A cut that tears an entry must be rejected with an error naming the file; a cut that happens to fall
 * between whole entries may load, but only the entries before the cut, unchanged. No cut may load a wrong entry.
 */
import { describe, expect, it } from 'vitest';
import { FEED_FILE_NAMES, FEEDS } from '../feeds';
import { RangeFeedError } from '../range-feed-error';
import type { RangePrefix } from '../types';
import { readRealFeed } from './helpers/real-feeds';
import { createRandom } from './helpers/reference-lookup';

type Kind = 'json' | 'csv' | 'list';
const getKind = (name: string): Kind =>
  name.endsWith('.json') ? 'json' : name.endsWith('.csv') ? 'csv' : 'list';

/** How each kind reports a torn entry. */
const TORN_ERROR: Record<Kind, RegExp> = {
  json: /: invalid JSON/,
  csv: /: truncated: line \d+ \(.*\) has no line break after it$/,
  list: /: bad CIDR ".*" at line \d+(: no prefix length|: too broad|$)/,
};
/** A cut before the first entry leaves nothing to load. */
const NOTHING_LEFT = /: (empty file|no prefixes listed)/;

/**
 * Whether cutting `text` at `cut` tears an entry. JSON: anything but trailing whitespace removed. CSV geofeeds: a
 * data line left without its line break. Plain lists: a last line that is not the whole original line.
 */
function isTorn(kind: Kind, text: string, cut: number): boolean {
  if (kind === 'json') return text.slice(cut).trim() !== '';
  const start = text.lastIndexOf('\n', cut - 1) + 1;
  const tail = text.slice(start, cut).trim();
  if (tail === '' || tail.startsWith('#')) return false;
  if (kind === 'csv') return true;
  const end = text.indexOf('\n', start);
  return tail !== text.slice(start, end < 0 ? text.length : end).trim();
}

function getCuts(text: string, seed: number): number[] {
  if (text.length <= 4096) return Array.from({ length: text.length - 1 }, (_, i) => i + 1);
  const rand = createRandom(seed);
  const big = text.length > 1_000_000;
  const random = Array.from({ length: big ? 40 : 300 }, () => 1 + Math.floor(rand() * (text.length - 1)));
  const tail = Array.from({ length: big ? 64 : 300 }, (_, i) => text.length - 1 - i);
  return [...new Set([...random, ...tail])].sort((a, b) => a - b);
}

function parseCut(name: string, text: string): { prefixes?: RangePrefix[]; error?: RangeFeedError } {
  try {
    return { prefixes: FEEDS[name]!(text, name) };
  } catch (e) {
    expect(e).toBeInstanceOf(RangeFeedError);
    return { error: e as RangeFeedError };
  }
}

describe('real feeds cut short', () => {
  it.each(FEED_FILE_NAMES.map((name, i) => [name, i] as const))('%s', (name, seed) => {
    const text = readRealFeed(name);
    const kind = getKind(name);
    const full = FEEDS[name]!(text, name);
    const tally = { torn: 0, whole: 0 };
    for (const cut of getCuts(text, seed + 1)) {
      const { prefixes, error } = parseCut(name, text.slice(0, cut));
      const at = `${name} cut at ${cut}`;
      if (isTorn(kind, text, cut)) {
        tally.torn++;
        expect(error?.file, at).toBe(name);
        expect(error?.message, at).toMatch(TORN_ERROR[kind]);
      } else if (error) {
        expect(error.message, at).toMatch(NOTHING_LEFT);
      } else {
        tally.whole++;
        expect(prefixes!.length, at).toBeGreaterThan(0);
        expect(prefixes, at).toEqual(full.slice(0, prefixes!.length));
      }
    }
    // Both outcomes are exercised where the format allows them (JSON only loads with the final whitespace cut).
    expect(tally.torn).toBeGreaterThan(30);
    if (kind !== 'json') expect(tally.whole).toBeGreaterThan(0);
  });
});
