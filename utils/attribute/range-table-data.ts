/**
 * The compiled range table in memory, and its allocation-free lookup.
 *
 * Layout (per address family; W = 1 word per IPv4 address, 4 per IPv6 address, words are u32, most significant
 * first):
 *   prefixWords  Uint32Array(W × P)  network address of each winning prefix, sorted by address then length
 *   prefixLens   Uint8Array(P)       prefix length
 *   prefixMeta   Uint32Array(P)      index into `metas` (provider, region, service, feed; a few thousand distinct)
 *   starts       Uint32Array(W × N)  interval starts; interval i = [start i, start i+1) (range-intervals.ts)
 *   owners       Int32Array(N)       prefix index owning interval i, -1 = no provider
 *   index        Uint32Array(65537)  first interval per top-16-bit value (range-intervals.ts)
 *   sub          slots + firsts      IPv4: a finer second level for crowded /16s (range-sub-index.ts)
 *   radix        roots + nodes       IPv6: an 8-bit radix tree for crowded /16s (range-radix-index.ts)
 *   vacancy      Uint8Array(131072)  per top 16 bits of either family: no provider anywhere in that /16?
 *   made, hit    answers             RangeEntry objects in first-hit order; per prefix and per interval, which one
 * Only the prefix arrays and metas are stored (range-table-codec.ts); intervals and the top-16 index are rebuilt
 * on load, while the finer levels, vacancy marks and answers are filled per /16 (per interval) on the first lookup
 * there. Steady-state lookups allocate nothing: parse into numbers (ip-address.ts) → /16 index (or its finer
 * levels) → binary search → the interval's answer.
 */
import { formatCidr } from './cidr';
import { PEEK_TOP_MASK, parseIpv4, parseIpv6, parseIpv6After, peekAddress } from './ip-address';
import { buildIntervalsV4, buildIntervalsV6, buildTop16Index, isVacantTop16 } from './range-intervals';
import { buildRadixRoot, createRadixIndex, NODE_STRIDE, UNBUILT } from './range-radix-index';
import { buildSubSlot, createSubIndex } from './range-sub-index';

/** What a prefix says, shared by every prefix with the same provider/region/service/feed. */
export interface RangeMeta {
  provider: string;
  region: string | null;
  service: string | null;
  feed: string | null;
}

/** A lookup answer: the winning prefix and what its feed says about it. Same object for every hit on it. */
export interface RangeEntry {
  provider: string;
  region: string | null;
  service: string | null;
  cidr: string;
  /** Feed file the prefix came from, or null when unknown. */
  feed: string | null;
}

export interface FamilyPrefixes {
  count: number;
  words: Uint32Array;
  lens: Uint8Array;
  meta: Uint32Array;
}

export interface RangeTableData {
  metas: RangeMeta[];
  v4: FamilyPrefixes;
  v6: FamilyPrefixes;
}

export interface RangeTableStats {
  prefixesV4: number;
  prefixesV6: number;
  intervalsV4: number;
  intervalsV6: number;
  metas: number;
  /**
   * Bytes held by the table's typed arrays (prefixes, intervals, indexes), exactly, now: the radix trees are built
   * per /16 on first lookup, so this grows as lookups land in new crowded /16s.
   */
  typedArrayBytes: number;
}

export interface RangeTable {
  /** The provider range holding this IPv4/IPv6 address (IPv4-mapped IPv6 reads as IPv4), or null. */
  lookup(ip: string): RangeEntry | null;
  getStats(): RangeTableStats;
  /** The stored part of the table, for serializeRangeTable. Do not mutate. */
  readonly data: RangeTableData;
}

const Q = new Uint32Array(4); // scratch for the IPv6 address being looked up

// Index shapes below the /16 level, picked with `npm run bench -- --only attribute`. IPv4: /16s holding more than
// the threshold get 2^bits sub-buckets (~+12% lookups/s). IPv6: crowded /16s get a radix tree down to leaves of at
// most RADIX_LEAF_V6 intervals (~+20% over a 12-bit second level; smaller leaves cost more cache misses in nodes).
const SUB_BITS_V4 = 6;
const SUB_THRESHOLD_V4 = 16;
const RADIX_LEAF_V6 = 64;

export function createRangeTable(data: RangeTableData): RangeTable {
  const { metas, v4, v6 } = data;
  const i4 = buildIntervalsV4(v4.words, v4.lens, v4.count);
  const i6 = buildIntervalsV6(v6.words, v6.lens, v6.count);
  const starts4 = i4.starts;
  const owners4 = i4.owners;
  const index4 = buildTop16Index(1, starts4, i4.count);
  const starts6 = i6.starts;
  const owners6 = i6.owners;
  const index6 = buildTop16Index(4, starts6, i6.count);
  // The finer levels and the vacancy marks are filled per /16 on the first lookup there (range-sub-index.ts,
  // range-radix-index.ts): loading stays a few linear passes, and a lookup after the first allocates nothing.
  const sub4 = createSubIndex(starts4, index4, SUB_BITS_V4, SUB_THRESHOLD_V4);
  const slots4 = sub4.slots;
  const firsts4 = sub4.firsts;
  const radix6 = createRadixIndex(starts6, index6, RADIX_LEAF_V6);
  const roots6 = radix6.roots;
  // Per top 16 bits (IPv4 first, then IPv6): 0 = not looked at yet, 1 = no provider anywhere in the /16 (the
  // lookup ends after the first characters), 2 = some provider.
  const vacancy = new Uint8Array(131072);
  // Answers are made on first hit and shared: `made` holds them in first-hit order; per prefix and per interval
  // an Int32Array says which (index + 1; 0 = not looked up yet; -1 = an interval with no provider). Zeroed typed
  // arrays cost next to nothing to allocate on load, and a repeat hit is one load into `made`.
  const made: RangeEntry[] = [];
  const madeOf4 = new Int32Array(v4.count);
  const madeOf6 = new Int32Array(v6.count);
  const hit4 = new Int32Array(i4.count);
  const hit6 = new Int32Array(i6.count);

  function makeEntry(family: 4 | 6, p: number): RangeEntry {
    const fam = family === 4 ? v4 : v6;
    const W = family === 4 ? 1 : 4;
    const m = metas[fam.meta[p]!]!;
    return {
      provider: m.provider,
      region: m.region,
      service: m.service,
      cidr: formatCidr(family, fam.words.subarray(p * W, p * W + W), fam.lens[p]!),
      feed: m.feed,
    };
  }

  /** First hit on an interval: its owner's entry (made once per prefix, shared by its intervals) or null. */
  function resolveInterval(family: 4 | 6, i: number): RangeEntry | null {
    const p = (family === 4 ? owners4 : owners6)[i]!;
    const hits = family === 4 ? hit4 : hit6;
    if (p < 0) {
      hits[i] = -1;
      return null;
    }
    const madeOf = family === 4 ? madeOf4 : madeOf6;
    if (madeOf[p] === 0) madeOf[p] = made.push(makeEntry(family, p));
    hits[i] = madeOf[p]!;
    return made[madeOf[p]! - 1]!;
  }

  /** Whether the /16 with these top bits (IPv4 0..65535, IPv6 65536 + first group) holds no provider. */
  function isVacant(top: number): boolean {
    const v = vacancy[top]!;
    if (v !== 0) return v === 1;
    const vacant =
      top < 65536
        ? isVacantTop16(1, starts4, owners4, index4, top)
        : isVacantTop16(4, starts6, owners6, index6, top - 65536);
    vacancy[top] = vacant ? 1 : 2;
    return vacant;
  }

  function lookupV4(ip: number): RangeEntry | null {
    const top = ip >>> 16;
    let slot = slots4[top]!;
    if (slot < -1) slot = buildSubSlot(sub4, top);
    let lo: number;
    let hi: number;
    if (slot < 0) {
      lo = index4[top]!;
      hi = index4[top + 1]!;
    } else {
      const k = slot + ((ip >>> (16 - SUB_BITS_V4)) & ((1 << SUB_BITS_V4) - 1));
      lo = firsts4[k]!;
      hi = firsts4[k + 1]!;
    }
    if (lo > 0) lo--;
    // Last interval starting at or before ip, by halving the candidate count (fewer mispredicted branches).
    let count = hi - lo;
    while (count > 1) {
      const half = count >> 1;
      if (starts4[lo + half]! <= ip) lo += half;
      count -= half;
    }
    const h = hit4[lo]!;
    if (h > 0) return made[h - 1]!;
    return h < 0 ? null : resolveInterval(4, lo);
  }

  function lookupV6(): RangeEntry | null {
    const q0 = Q[0]!;
    const q1 = Q[1]!;
    const q2 = Q[2]!;
    const q3 = Q[3]!;
    if (q0 === 0 && q1 === 0 && q2 === 0xffff) return lookupV4(q3);
    const top = q0 >>> 16;
    let node = roots6[top]!;
    if (node === UNBUILT) node = buildRadixRoot(radix6, top);
    const nodes6 = radix6.nodes;
    let lo: number;
    let hi: number;
    if (node < 0) {
      lo = index6[top]!;
      hi = index6[top + 1]!;
    } else {
      // Down the radix tree, 8 address bits per level, to a leaf of few intervals.
      for (let depth = 16; ; depth += 8) {
        const k = node * NODE_STRIDE + 2 * ((Q[depth >>> 5]! >>> (24 - (depth & 31))) & 255);
        const child = nodes6[k]!;
        if (child < 0) {
          lo = nodes6[k + 1]!;
          hi = nodes6[k + 3]!;
          break;
        }
        node = child;
      }
    }
    if (lo > 0) lo--;
    let count = hi - lo;
    while (count > 1) {
      const half = count >> 1;
      const o = (lo + half) * 4;
      const a = starts6[o]!;
      let le: boolean;
      if (a !== q0) le = a < q0;
      else {
        const b = starts6[o + 1]!;
        if (b !== q1) le = b < q1;
        else {
          const c = starts6[o + 2]!;
          le = c !== q2 ? c < q2 : starts6[o + 3]! <= q3;
        }
      }
      if (le) lo += half;
      count -= half;
    }
    const h = hit6[lo]!;
    if (h > 0) return made[h - 1]!;
    return h < 0 ? null : resolveInterval(6, lo);
  }

  return {
    data,
    lookup(ip: string): RangeEntry | null {
      const peek = peekAddress(ip);
      if (peek < 0) {
        // The start did not tell the family (or it is not an address): try both forms.
        const v = parseIpv4(ip);
        if (v >= 0) return lookupV4(v);
        return parseIpv6(ip, Q) ? lookupV6() : null;
      }
      const top = peek & PEEK_TOP_MASK;
      if (isVacant(top)) return null;
      if (top >= 65536) return parseIpv6After(ip, top - 65536, peek >>> 17, Q) ? lookupV6() : null;
      const v = parseIpv4(ip);
      return v >= 0 ? lookupV4(v) : null;
    },
    getStats: () => ({
      prefixesV4: v4.count,
      prefixesV6: v6.count,
      intervalsV4: i4.count,
      intervalsV6: i6.count,
      metas: metas.length,
      typedArrayBytes: [
        v4.words,
        v4.lens,
        v4.meta,
        v6.words,
        v6.lens,
        v6.meta,
        starts4,
        owners4,
        index4,
        starts6,
        owners6,
        index6,
        slots4,
        firsts4,
        roots6,
        radix6.nodes,
        vacancy,
        madeOf4,
        madeOf6,
        hit4,
        hit6,
      ].reduce((sum, a) => sum + a.buffer.byteLength, 0),
    }),
  };
}
