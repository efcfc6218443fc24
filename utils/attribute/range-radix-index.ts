/**
 * Radix index under the top-16-bit index (range-intervals.ts) for crowded IPv6 /16s. IPv6 provider space is lumpy:
 * Azure's 2603::/16 alone holds ~20,000 intervals, most of them inside a few /32s, so a fixed-width second level
 * still leaves thousands to binary-search. Here a crowded /16 becomes a tree of 8-bit nodes that splits only where
 * intervals crowd, until at most `leafSize` remain to search. Rebuilt on every table load; never stored.
 *
 * Layout:
 *   roots  Int32Array(65536)       per top-16-bit value: -1 (search the top-16 bucket) or its root node
 *   nodes  Int32Array(nodes × 514)  per node, NODE_STRIDE ints; for each 8-bit chunk c (the address bits just
 *                                   below the node's depth), a pair at 2c:
 *                                     [2c]     the child node for chunk c, or -1 when chunk c is a leaf
 *                                     [2c + 1] first interval of the node's block whose chunk is ≥ c
 *                                   and [513] = the block's end (so [2c + 3] is always chunk c's end).
 *                                   A leaf is searched like a top-16 bucket: [first - 1, end) for the last start ≤
 *                                   the address. Child and bounds sit side by side: one cache line per level.
 * A node's depth (the address bit where its chunk starts: 16 at a root, +8 per level) is not stored: a lookup counts
 * it on the way down.
 */
export const NODE_STRIDE = 514;

export interface RadixIndex {
  roots: Int32Array;
  nodes: Int32Array;
  nodeCount: number;
}

/** `starts`: 4 u32 words per interval, ascending; `top16`: 65,537 first-interval offsets (buildTop16Index). */
export function buildRadixIndex(starts: Uint32Array, top16: Uint32Array, leafSize: number): RadixIndex {
  const roots = new Int32Array(65536).fill(-1);
  // Blocks still to split, in node order (breadth-first, so no recursion limit applies): three ints per node,
  // its first interval, its end and the address bit where its chunk starts.
  let work = new Int32Array(3 * 256);
  let workLength = 0;
  const push = (from: number, to: number, depth: number): number => {
    if (workLength === work.length) {
      const grown = new Int32Array(work.length * 2);
      grown.set(work);
      work = grown;
    }
    work[workLength++] = from;
    work[workLength++] = to;
    work[workLength++] = depth;
    return workLength / 3 - 1;
  };
  for (let top = 0; top < 65536; top++) {
    const from = top16[top]!;
    const to = top16[top + 1]!;
    if (to - from > leafSize) roots[top] = push(from, to, 16);
  }
  // Real feeds need ~30 nodes per crowded /16; growth copies only when that guess is short.
  let capacity = Math.max(64, (workLength / 3) * 32);
  let nodes = new Int32Array(capacity * NODE_STRIDE);
  for (let node = 0; node * 3 < workLength; node++) {
    if (node === capacity) {
      capacity *= 2;
      const grown = new Int32Array(capacity * NODE_STRIDE);
      grown.set(nodes);
      nodes = grown;
    }
    const from = work[node * 3]!;
    const to = work[node * 3 + 1]!;
    const depth = work[node * 3 + 2]!;
    const word = depth >>> 5;
    const shift = 24 - (depth & 31);
    const base = node * NODE_STRIDE;
    let k = 0;
    for (let i = from; i < to; i++) {
      const chunk = (starts[i * 4 + word]! >>> shift) & 255;
      while (k <= chunk) nodes[base + 2 * k++ + 1] = i;
    }
    while (k < 257) nodes[base + 2 * k++ + 1] = to;
    // A block's intervals all share its top bits; past bit 120 there is nothing left to split on.
    for (let c = 0; c < 256; c++) {
      const f = nodes[base + 2 * c + 1]!;
      const t = nodes[base + 2 * c + 3]!;
      nodes[base + 2 * c] = t - f > leafSize && depth < 120 ? push(f, t, depth + 8) : -1;
    }
    nodes[base + 512] = -1;
  }
  const nodeCount = workLength / 3;
  // A copy, so the spare capacity is not kept alive.
  return { roots, nodes: nodes.slice(0, nodeCount * NODE_STRIDE), nodeCount };
}
