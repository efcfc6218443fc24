/**
 * Second index level under the IPv4 top-16-bit index (range-intervals.ts) for crowded /16s, so a lookup there
 * binary-searches a few intervals instead of hundreds. (IPv6 space is lumpier: it gets a radix tree instead,
 * range-radix-index.ts.) Never stored; each crowded /16's level is filled the first time a lookup lands in it.
 *
 * Layout: `slots` Int32Array(65536): for each top-16-bit value, -1 (no second level: use the top-16 index), the
 * offset of its entries in `firsts` once filled, or -(offset + 2) while not filled yet (buildSubSlot). At that
 * offset, 2^bits + 1 entries: entry k = first interval of the /16 whose start's next `bits` bits (bits 16..) are
 * ≥ k; the last entry = the /16's end. Same contract as the top-16 index, one level finer: search
 * [entry k - 1, entry k + 1) for the last start ≤ the address.
 */
export interface SubIndex {
  slots: Int32Array;
  firsts: Uint32Array;
  /** How many address bits below the top 16 the second level resolves (1..16). */
  bits: number;
  readonly starts: Uint32Array;
  readonly top16: Uint32Array;
}

/** `starts`: interval starts (one u32 each), ascending; `top16`: 65,537 first-interval offsets. Nothing filled. */
export function createSubIndex(
  starts: Uint32Array,
  top16: Uint32Array,
  bits: number,
  threshold: number,
): SubIndex {
  const slots = new Int32Array(65536);
  const width = (1 << bits) + 1;
  let base = 0;
  for (let top = 0; top < 65536; top++) {
    if (top16[top + 1]! - top16[top]! > threshold) {
      slots[top] = -(base + 2);
      base += width;
    } else slots[top] = -1;
  }
  return { slots, firsts: new Uint32Array(base), bits, starts, top16 };
}

/** Fills the second level of one crowded /16 (slots[top] ≤ -2) and returns its offset in `firsts`. */
export function buildSubSlot(index: SubIndex, top: number): number {
  const { starts, firsts, bits } = index;
  const base = -index.slots[top]! - 2;
  const width = (1 << bits) + 1;
  const shift = 16 - bits;
  const mask = (1 << bits) - 1;
  const from = index.top16[top]!;
  const to = index.top16[top + 1]!;
  let k = 0;
  for (let i = from; i < to; i++) {
    const sub = (starts[i]! >>> shift) & mask;
    while (k <= sub) firsts[base + k++] = i;
  }
  while (k < width) firsts[base + k++] = to;
  index.slots[top] = base;
  return base;
}
