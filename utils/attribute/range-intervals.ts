/**
 * Flattens nested CIDR prefixes into sorted, non-overlapping intervals covering the whole address space, so that a
 * lookup is one binary search. One sweep, written twice for speed since it runs on every table load: IPv4 on plain
 * numbers (W = 1 word per address), IPv6 on 4-word addresses (W = 4).
 *
 * Input: `words` (W u32 words per prefix, most significant first) and `lens`, sorted by address then length
 * (a parent before its children), with identical prefixes already collapsed. CIDR prefixes never partly overlap,
 * so a stack sweep works: the innermost open prefix owns the space until it ends or a child starts.
 * Output: `starts` (W words per interval, ascending; the first is 0) and `owners` (prefix index, or -1 for a gap);
 * interval i covers [start i, start i+1). Adjacent intervals never share an owner.
 */
/** 2^k for k = 0..32, as doubles. */
const POW2 = Float64Array.from({ length: 33 }, (_, k) => 2 ** k);

export interface Intervals {
  starts: Uint32Array;
  owners: Int32Array;
  count: number;
}

/** Compares 4-word addresses a[ao..ao+3] and b[bo..bo+3]: -1, 0 or 1. */
function compare4(a: Uint32Array, ao: number, b: Uint32Array, bo: number): number {
  for (let k = 0; k < 4; k++) {
    const x = a[ao + k]!;
    const y = b[bo + k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** IPv6 sweep (W = 4). Same steps as buildIntervalsV4; 128-bit ends are carried across words. */
export function buildIntervalsV6(words: Uint32Array, lens: Uint8Array, prefixCount: number): Intervals {
  const cap = 2 * prefixCount + 1;
  const starts = new Uint32Array(4 * cap);
  const owners = new Int32Array(cap);
  const stack = new Int32Array(130);
  const next = new Uint32Array(4 * 130); // per stack slot: start + 2^(128 - len)
  const overflow = new Uint8Array(130); // 1 when that end is past the top of the space
  let sp = 0;
  let n = 1;
  owners[0] = -1;

  // Appends (src[off..off+3], owner) after `count` intervals with the sweep's overwrite / merge rules.
  const emit = (src: Uint32Array, off: number, owner: number, count: number): number => {
    let m = count;
    if (compare4(starts, (m - 1) * 4, src, off) === 0) {
      owners[m - 1] = owner;
      if (m > 1 && owners[m - 2] === owner) m--;
    } else if (owners[m - 1] !== owner) {
      for (let k = 0; k < 4; k++) starts[m * 4 + k] = src[off + k]!;
      owners[m++] = owner;
    }
    return m;
  };

  for (let i = 0; i <= prefixCount; i++) {
    while (
      sp > 0 &&
      !overflow[sp - 1] &&
      (i === prefixCount || compare4(next, (sp - 1) * 4, words, i * 4) <= 0)
    ) {
      sp--;
      n = emit(next, sp * 4, sp > 0 ? stack[sp - 1]! : -1, n);
    }
    if (i === prefixCount) break;
    n = emit(words, i * 4, i, n);
    stack[sp] = i;
    const hostBits = 128 - lens[i]!;
    for (let k = 0; k < 4; k++) next[sp * 4 + k] = words[i * 4 + k]!;
    let word = 3 - Math.floor(hostBits / 32);
    let add = POW2[hostBits % 32]!;
    overflow[sp] = 1;
    while (word >= 0) {
      const v = next[sp * 4 + word]! + add;
      if (v < 4294967296) {
        next[sp * 4 + word] = v;
        overflow[sp] = 0;
        break;
      }
      next[sp * 4 + word] = v - 4294967296;
      add = 1;
      word--;
    }
    sp++;
  }
  return { starts: starts.subarray(0, n * 4), owners: owners.subarray(0, n), count: n };
}

/** IPv4 sweep (W = 1) on plain numbers; ends past 2^32 - 1 are simply not emitted. */
export function buildIntervalsV4(words: Uint32Array, lens: Uint8Array, prefixCount: number): Intervals {
  const cap = 2 * prefixCount + 1;
  const starts = new Uint32Array(cap);
  const owners = new Int32Array(cap);
  const stack = new Int32Array(34);
  const stackNext = new Float64Array(34);
  let sp = 0;
  let n = 1;
  owners[0] = -1;
  // Each step emits (start, owner) pairs; emitting at the last start overwrites it (a child starting where its
  // parent does), and an owner equal to the previous one is merged. Kept inline: this loop runs on every load.
  for (let i = 0; i <= prefixCount; i++) {
    const s = i < prefixCount ? words[i]! : 4294967296;
    while (sp > 0 && stackNext[sp - 1]! <= s) {
      sp--;
      const e = stackNext[sp]!;
      if (e >= 4294967296) continue;
      const owner = sp > 0 ? stack[sp - 1]! : -1;
      if (starts[n - 1] === e) {
        owners[n - 1] = owner;
        if (n > 1 && owners[n - 2] === owner) n--;
      } else if (owners[n - 1] !== owner) {
        starts[n] = e;
        owners[n++] = owner;
      }
    }
    if (i === prefixCount) break;
    if (starts[n - 1] === s) {
      owners[n - 1] = i;
      if (n > 1 && owners[n - 2] === i) n--;
    } else {
      starts[n] = s;
      owners[n++] = i;
    }
    stack[sp] = i;
    stackNext[sp++] = s + POW2[32 - lens[i]!]!;
  }
  return { starts: starts.subarray(0, n), owners: owners.subarray(0, n), count: n };
}

/**
 * Index by the top 16 bits of an address: `index[k]` = first interval whose start's top 16 bits are ≥ k
 * (65,537 slots), so a lookup binary-searches only the intervals of its own /16.
 */
export function buildTop16Index(W: 1 | 4, starts: Uint32Array, count: number): Uint32Array {
  const index = new Uint32Array(65537);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const top = starts[i * W]! >>> 16;
    while (k <= top) index[k++] = i;
  }
  while (k <= 65536) index[k++] = count;
  return index;
}

/**
 * Whether a /16 holds no provider at all: no interval with an owner overlaps it, so a lookup there can answer
 * null from the top 16 bits alone. The /16's first address lies in the interval starting exactly there or in the
 * one before its first start; the rest are the intervals starting inside it.
 */
export function isVacantTop16(
  W: 1 | 4,
  starts: Uint32Array,
  owners: Int32Array,
  top16: Uint32Array,
  top: number,
): boolean {
  const from = top16[top]!;
  const to = top16[top + 1]!;
  let startsAtTop = from < to && starts[from * W]! === top * 65536;
  for (let k = 1; startsAtTop && k < W; k++) startsAtTop = starts[from * W + k] === 0;
  if (owners[startsAtTop ? from : from - 1]! >= 0) return false;
  for (let i = from; i < to; i++) if (owners[i]! >= 0) return false;
  return true;
}
