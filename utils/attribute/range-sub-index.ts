/**
 * Second index level under the IPv4 top-16-bit index (range-intervals.ts) for crowded /16s, so a lookup there
 * binary-searches a few intervals instead of hundreds. (IPv6 space is lumpier: it gets a radix tree instead,
 * range-radix-index.ts.) Rebuilt on every table load in one pass over the crowded buckets; never stored.
 *
 * Layout: `slots` Int32Array(65536): for each top-16-bit value, -1 (no second level: use the top-16 index) or an
 * offset into `firsts`. At that offset, 2^bits + 1 entries: entry k = first interval of the /16 whose start's next
 * `bits` bits (bits 16..) are ≥ k; the last entry = the /16's end. Same contract as the top-16
 * index, one level finer: search [entry k - 1, entry k + 1) for the last start ≤ the address.
 */
export interface SubIndex {
  slots: Int32Array;
  firsts: Uint32Array;
  /** How many address bits below the top 16 the second level resolves (1..16). */
  bits: number;
}

export function buildSubIndex(
  starts: Uint32Array,
  top16: Uint32Array,
  bits: number,
  threshold: number,
): SubIndex {
  const slots = new Int32Array(65536).fill(-1);
  const width = (1 << bits) + 1;
  let crowded = 0;
  for (let top = 0; top < 65536; top++) if (top16[top + 1]! - top16[top]! > threshold) crowded++;
  const firsts = new Uint32Array(crowded * width);
  const shift = 16 - bits;
  const mask = (1 << bits) - 1;
  let base = 0;
  for (let top = 0; top < 65536; top++) {
    const from = top16[top]!;
    const to = top16[top + 1]!;
    if (to - from <= threshold) continue;
    slots[top] = base;
    let k = 0;
    for (let i = from; i < to; i++) {
      const sub = (starts[i]! >>> shift) & mask;
      while (k <= sub) firsts[base + k++] = i;
    }
    while (k < width) firsts[base + k++] = to;
    base += width;
  }
  return { slots, firsts, bits };
}
