/**
 * RangePrefix[] (parser output) → RangeTableData: parse each CIDR, collapse identical prefixes by the overlap rule
 * (range-priority.ts), intern the metas, and sort each family by address then length.
 * IPv4 prefixes are keyed by one number (address × 64 + length) so that collapsing and sorting ~100k of them stays
 * cheap; IPv6 ones by their text form.
 */
import { parseCidr, parseCidr4Key } from './cidr';
import { compareSamePrefix } from './range-priority';
import type { FamilyPrefixes, RangeMeta, RangeTableData } from './range-table-data';
import type { RangePrefix } from './types';

interface Candidate6 {
  words: number[];
  len: number;
  prefix: RangePrefix;
}

/** Prefixes whose CIDR does not parse are skipped (parsers already reject them; hand-made lists may not). */
export function compileRangeData(prefixes: readonly RangePrefix[]): RangeTableData {
  const best4 = new Map<number, RangePrefix>();
  const best6 = new Map<string, Candidate6>();
  for (const prefix of prefixes) {
    const key4 = parseCidr4Key(prefix.cidr);
    if (key4 >= 0) {
      const seen = best4.get(key4);
      if (seen === undefined || compareSamePrefix(prefix, seen) < 0) best4.set(key4, prefix);
      continue;
    }
    const c = parseCidr(prefix.cidr);
    if (c === null) continue;
    const key = `${c.words.join('.')}/${c.len}`;
    const seen = best6.get(key);
    if (seen === undefined || compareSamePrefix(prefix, seen.prefix) < 0) {
      best6.set(key, { words: c.words, len: c.len, prefix });
    }
  }

  const metas: RangeMeta[] = [];
  const metaIds = new Map<string, number>();
  const internMeta = (p: RangePrefix): number => {
    const key = `${p.provider}\u0000${p.region ?? '\u0001'}\u0000${p.service ?? '\u0001'}\u0000${p.feed ?? '\u0001'}`;
    let id = metaIds.get(key);
    if (id === undefined) {
      id = metas.length;
      metas.push({ provider: p.provider, region: p.region, service: p.service, feed: p.feed ?? null });
      metaIds.set(key, id);
    }
    return id;
  };

  const keys4 = Float64Array.from(best4.keys()).sort();
  const v4: FamilyPrefixes = {
    count: keys4.length,
    words: new Uint32Array(keys4.length),
    lens: new Uint8Array(keys4.length),
    meta: new Uint32Array(keys4.length),
  };
  for (let i = 0; i < keys4.length; i++) {
    const key = keys4[i]!;
    v4.words[i] = Math.floor(key / 64);
    v4.lens[i] = key % 64;
    v4.meta[i] = internMeta(best4.get(key)!);
  }

  const list6 = [...best6.values()].sort((a, b) => {
    for (let k = 0; k < 4; k++) if (a.words[k] !== b.words[k]) return a.words[k]! - b.words[k]!;
    return a.len - b.len;
  });
  const v6: FamilyPrefixes = {
    count: list6.length,
    words: new Uint32Array(4 * list6.length),
    lens: new Uint8Array(list6.length),
    meta: new Uint32Array(list6.length),
  };
  list6.forEach((c, i) => {
    v6.words.set(c.words, i * 4);
    v6.lens[i] = c.len;
    v6.meta[i] = internMeta(c.prefix);
  });
  return { metas, v4, v6 };
}
