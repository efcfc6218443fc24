/**
 * Slow, obviously-correct reference for range lookups, independent of the interval sweep: BigInt addresses,
 * most specific prefix wins, identical prefixes ordered by compareSamePrefix (the documented overlap rule).
 * `createLinearReference` scans every prefix; `createHashedReference` keeps one Map per prefix length (fast
 * enough for the real feeds, same rule).
 */
import { parseCidr } from '../../cidr';
import { compareSamePrefix } from '../../range-priority';
import type { RangePrefix } from '../../types';

export interface RefPrefix {
  family: 4 | 6;
  start: bigint;
  len: number;
  prefix: RangePrefix;
}

export function toBigInt(words: readonly number[]): bigint {
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

export function addressToBigInt(ip: string): { family: 4 | 6; value: bigint } | null {
  const c = parseCidr(ip);
  if (c === null || ip.includes('/')) return null;
  return { family: c.family, value: toBigInt(c.words) };
}

export function toRefPrefixes(prefixes: readonly RangePrefix[]): RefPrefix[] {
  return prefixes.flatMap((prefix) => {
    const c = parseCidr(prefix.cidr);
    return c ? [{ family: c.family, start: toBigInt(c.words), len: c.len, prefix }] : [];
  });
}

function contains(p: RefPrefix, family: 4 | 6, value: bigint): boolean {
  if (p.family !== family) return false;
  const bits = family === 4 ? 32 : 128;
  return value >> BigInt(bits - p.len) === p.start >> BigInt(bits - p.len);
}

function pickBest(list: RefPrefix[]): RangePrefix | null {
  if (list.length === 0) return null;
  const maxLen = Math.max(...list.map((p) => p.len));
  return list.filter((p) => p.len === maxLen).sort((a, b) => compareSamePrefix(a.prefix, b.prefix))[0]!
    .prefix;
}

export function createLinearReference(prefixes: readonly RangePrefix[]) {
  const refs = toRefPrefixes(prefixes);
  return (family: 4 | 6, value: bigint): RangePrefix | null =>
    pickBest(refs.filter((p) => contains(p, family, value)));
}

export function createHashedReference(prefixes: readonly RangePrefix[]) {
  const byLen = new Map<string, RefPrefix[]>();
  for (const p of toRefPrefixes(prefixes)) {
    const key = `${p.family}/${p.len}/${p.start}`;
    const list = byLen.get(key);
    if (list) list.push(p);
    else byLen.set(key, [p]);
  }
  return (family: 4 | 6, value: bigint): RangePrefix | null => {
    const bits = family === 4 ? 32 : 128;
    for (let len = bits; len >= 0; len--) {
      const shift = BigInt(bits - len);
      const list = byLen.get(`${family}/${len}/${(value >> shift) << shift}`);
      if (list) return pickBest(list);
    }
    return null;
  };
}

export { createRandom } from '../../../random/seeded-random';

export function randomBigInt(rand: () => number, bits: number): bigint {
  let v = 0n;
  for (let b = 0; b < bits; b += 16) v = (v << 16n) | BigInt(Math.floor(rand() * 65536));
  return v >> BigInt(Math.ceil(bits / 16) * 16 - bits);
}

export function formatBigInt(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}
