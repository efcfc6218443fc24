/**
 * Radix index under the top-16-bit index (range-intervals.ts) for crowded IPv6 /16s. IPv6 provider space is lumpy:
 * Azure's 2603::/16 alone holds ~20,000 intervals, most of them inside a few /32s, so a fixed-width second level
 * still leaves thousands to binary-search. Here a crowded /16 becomes a tree of 8-bit nodes that splits only where
 * intervals crowd, until at most `leafSize` remain to search. Never stored; each crowded /16's tree is built the
 * first time a lookup lands in it (a browser visits a few dozen /16s, and a service worker that wakes up should
 * not pay for the rest).
 *
 * Layout:
 *   roots  Int32Array(65536)       per top-16-bit value: -1 (not crowded: search the top-16 bucket), UNBUILT (crowded,
 *                                   tree not built yet: buildRadixRoot) or its root node
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
  /** Grows (is replaced) as trees are built: read it after buildRadixRoot, never keep an old reference. */
  nodes: Int32Array;
  nodeCount: number;
  /** Intervals, top-16 index and leaf size the trees are built from. */
  readonly starts: Uint32Array;
  readonly top16: Uint32Array;
  readonly leafSize: number;
}

/** roots[] value of a crowded /16 whose tree is not built yet. */
export const UNBUILT = -2;

/**
 * An index with no tree built yet. `starts`: 4 u32 words per interval, ascending; `top16`: 65,537 first-interval
 * offsets (buildTop16Index).
 */
export function createRadixIndex(starts: Uint32Array, top16: Uint32Array, leafSize: number): RadixIndex {
  const roots = new Int32Array(65536);
  for (let top = 0; top < 65536; top++) roots[top] = top16[top + 1]! - top16[top]! > leafSize ? UNBUILT : -1;
  return { roots, nodes: new Int32Array(0), nodeCount: 0, starts, top16, leafSize };
}

/** Builds the tree of one crowded /16 (roots[top] === UNBUILT) and returns its root node. */
export function buildRadixRoot(index: RadixIndex, top: number): number {
  const { starts, leafSize } = index;
  // Blocks still to split, breadth-first (so no recursion limit applies): first interval, end and depth (the
  // address bit where the block's chunk starts) per node, for the nodes made from `first` on.
  const work: number[] = [];
  const first = index.nodeCount;
  let count = first;
  const push = (from: number, to: number, depth: number): number => {
    work.push(from, to, depth);
    return count++;
  };
  const root = push(index.top16[top]!, index.top16[top + 1]!, 16);
  let nodes = index.nodes;
  for (let node = first; node < count; node++) {
    if ((node + 1) * NODE_STRIDE > nodes.length) {
      // Doubling keeps the copies few; the spare room serves the next /16's tree.
      const grown = new Int32Array(Math.max(64, 2 * (node + 1)) * NODE_STRIDE);
      grown.set(nodes);
      nodes = grown;
    }
    const w = (node - first) * 3;
    const from = work[w]!;
    const to = work[w + 1]!;
    const depth = work[w + 2]!;
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
  index.nodes = nodes;
  index.nodeCount = count;
  index.roots[top] = root;
  return root;
}
