import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCidr, parseCidr } from '../cidr';
import { buildTop16Index } from '../range-intervals';
import { buildRadixRoot, createRadixIndex, NODE_STRIDE, UNBUILT } from '../range-radix-index';
import { compileRangeTable, loadRangeTable, serializeRangeTable } from '../range-table';
import type { RangePrefix } from '../types';
import { createLinearReference, formatBigInt } from './helpers/reference-lookup';

const RUNS = Number(process.env.FC_RUNS ?? 100);

/** 4-word interval starts from sorted unique BigInts, 0 first (as the interval sweep makes them). */
function toStarts(values: bigint[]): Uint32Array {
  const sorted = [...new Set([0n, ...values])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Uint32Array(sorted.length * 4);
  sorted.forEach((v, i) => {
    for (let k = 0; k < 4; k++) out[i * 4 + k] = Number((v >> BigInt(96 - 32 * k)) & 0xffffffffn);
  });
  return out;
}

function startAt(starts: Uint32Array, i: number): bigint {
  let v = 0n;
  for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(starts[i * 4 + k]!);
  return v;
}

/** Starts packed under 2603::/16 and a few deeper blocks, so nodes split several levels down. */
const clusteredArb = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }))
    .map(([depth, r]) => {
      const keep = [16, 40, 100][depth]!;
      const base = (0x2603n << 112n) | (0x1030_0401_0000n << 64n);
      const mask = (1n << BigInt(128 - keep)) - 1n;
      return (base & ~mask) | (r & mask);
    }),
  { maxLength: 400 },
);

describe('buildRadixIndex', () => {
  it('matches its layout by brute force: firsts per 8-bit chunk, children only where a chunk is crowded', () => {
    fc.assert(
      fc.property(clusteredArb, fc.integer({ min: 1, max: 12 }), (values, leafSize) => {
        const starts = toStarts(values);
        const count = starts.length / 4;
        const top16 = buildTop16Index(4, starts, count);
        const index = createRadixIndex(starts, top16, leafSize);
        const crowded = [...index.roots.keys()].filter((top) => index.roots[top] === UNBUILT);
        // Build the trees in a shuffled order: each build may grow (replace) the node array.
        for (const top of [...crowded].reverse()) buildRadixRoot(index, top);
        const { roots, nodes, nodeCount } = index;
        expect(nodes.length).toBeGreaterThanOrEqual(nodeCount * NODE_STRIDE);
        let visited = 0;
        // Walk every node from its root, checking each chunk against a scan of the node's intervals.
        const walk = (node: number, from: number, to: number, depth: number): void => {
          visited++;
          const base = node * NODE_STRIDE;
          const chunks = Array.from({ length: to - from }, (_, i) =>
            Number((startAt(starts, from + i) >> BigInt(120 - depth)) & 255n),
          );
          for (let c = 0; c <= 256; c++) {
            const below = chunks.findIndex((chunk) => chunk >= c);
            expect(nodes[base + 2 * c + 1]).toBe(below < 0 ? to : from + below);
          }
          for (let c = 0; c < 256; c++) {
            const f = nodes[base + 2 * c + 1]!;
            const t = nodes[base + 2 * c + 3]!;
            const child = nodes[base + 2 * c]!;
            expect(child >= 0).toBe(t - f > leafSize && depth < 120);
            if (child >= 0) walk(child, f, t, depth + 8);
          }
        };
        for (let top = 0; top < 65536; top++) {
          const from = top16[top]!;
          const to = top16[top + 1]!;
          expect(roots[top]! >= 0).toBe(to - from > leafSize);
          if (roots[top]! >= 0) walk(roots[top]!, from, to, 16);
        }
        expect(visited).toBe(nodeCount);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    );
  }, 60_000);

  it('builds nothing until asked, then only the tree asked for', () => {
    // Two crowded /16s (2603::/16 and 2a01::/16), 100 intervals each.
    const values = [0x2603n, 0x2a01n].flatMap((top) =>
      Array.from({ length: 100 }, (_, i) => (top << 112n) | (BigInt(i + 1) << 80n)),
    );
    const starts = toStarts(values);
    const top16 = buildTop16Index(4, starts, starts.length / 4);
    const index = createRadixIndex(starts, top16, 8);
    expect([index.roots[0x2603], index.roots[0x2a01], index.roots[0x2604]]).toEqual([UNBUILT, UNBUILT, -1]);
    expect(index.nodeCount).toBe(0);
    const first = buildRadixRoot(index, 0x2a01);
    expect(index.roots[0x2a01]).toBe(first);
    expect(index.roots[0x2603]).toBe(UNBUILT);
    const nodesAfterFirst = index.nodeCount;
    const snapshot = index.nodes.slice(0, nodesAfterFirst * NODE_STRIDE);
    buildRadixRoot(index, 0x2603);
    expect(index.nodeCount).toBeGreaterThan(nodesAfterFirst);
    // The first tree survives the second build (and any growth of the node array) unchanged.
    expect(index.nodes.slice(0, nodesAfterFirst * NODE_STRIDE)).toEqual(snapshot);
  });
});

/**
 * Many long prefixes packed into a few small IPv6 blocks, more than a radix leaf holds, so lookups walk the tree
 * several levels down (bits 16 to 120) before their binary search.
 */
const deepPrefixArb: fc.Arbitrary<RangePrefix> = fc
  .record({
    block: fc.integer({ min: 0, max: 2 }),
    low: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
    extra: fc.integer({ min: 0, max: 28 }),
    provider: fc.constantFrom('aws', 'azure', 'gcp'),
    region: fc.constantFrom(null, 'r1', 'r2'),
  })
  .map(({ block, low, extra, provider, region }) => {
    const blockLen = [32, 64, 100][block]!;
    const base = (0x2603_1030n << 96n) | (0x0401_0000_0000_0000n << 32n);
    const len = Math.min(128, blockLen + extra);
    const blockMask = (1n << BigInt(128 - blockLen)) - 1n;
    const value = (base & ~blockMask) | (low & blockMask);
    const shift = BigInt(128 - len);
    const start = (value >> shift) << shift;
    return { cidr: `${formatBigInt(6, start)}/${len}`, provider, region, service: null, feed: 'test' };
  });

describe('deep IPv6 radix lookups vs the linear reference', () => {
  it('agrees inside, at the edges of and around packed long prefixes', () => {
    fc.assert(
      fc.property(
        fc.array(deepPrefixArb, { minLength: 150, maxLength: 300 }),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), { maxLength: 20 }),
        (ps, randoms) => {
          const table = loadRangeTable(serializeRangeTable(compileRangeTable(ps)));
          const ref = createLinearReference(ps);
          const addrs: bigint[] = [];
          // Each prefix's first and last address and their outside neighbours, plus random addresses inside it.
          for (const [i, p] of ps.slice(0, 40).entries()) {
            const [text, lenText] = p.cidr.split('/');
            const len = BigInt(lenText!);
            const start = BigInt(`0x${formatHex(text!)}`);
            const last = start + (1n << (128n - len)) - 1n;
            addrs.push(
              start,
              last,
              start - 1n,
              last + 1n,
              start + ((randoms[i % (randoms.length || 1)] ?? 0n) % (last - start + 1n)),
            );
          }
          for (const a of addrs) {
            const v = ((a % (1n << 128n)) + (1n << 128n)) % (1n << 128n);
            const want = ref(6, v);
            const got = table.lookup(formatBigInt(6, v));
            const wantCidr = want === null ? null : parseCidr(want.cidr)!;
            expect(got === null ? null : [got.provider, got.region, got.cidr]).toEqual(
              want === null
                ? null
                : [want.provider, want.region, formatCidr(6, wantCidr!.words, wantCidr!.len)],
            );
          }
        },
      ),
      { numRuns: Math.max(10, Math.floor(RUNS / 5)) },
    );
  }, 60_000);
});

/** Expands an IPv6 text (with "::") to 32 hex digits. */
function formatHex(text: string): string {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0')).join('');
}
