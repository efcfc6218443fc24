import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTop16Index } from '../range-intervals';
import { buildSubSlot, createSubIndex } from '../range-sub-index';
import { compileRangeTable, loadRangeTable, serializeRangeTable } from '../range-table';
import type { RangePrefix } from '../types';
import { createLinearReference, formatBigInt } from './helpers/reference-lookup';

const RUNS = Number(process.env.FC_RUNS ?? 100);

describe('createSubIndex + buildSubSlot', () => {
  it('points each sub-bucket of a crowded /16 at its first interval, by brute force', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 20 }),
        (raw, bits, threshold) => {
          // Concentrate the starts in a few /16s so some are crowded; 0 always first, as the sweep makes it.
          const starts = Uint32Array.from(
            [...new Set([0, ...raw.map((v) => ((v % 3) * 0x10000 + (v & 0xffff)) >>> 0)])].sort(
              (a, b) => a - b,
            ),
          );
          const top16 = buildTop16Index(1, starts, starts.length);
          const index = createSubIndex(starts, top16, bits, threshold);
          const { slots, firsts } = index;
          for (let top = 2; top >= 0; top--) {
            const from = top16[top]!;
            const to = top16[top + 1]!;
            // Crowded /16s wait to be filled; the others never get a second level.
            expect(slots[top]! < -1).toBe(to - from > threshold);
            if (slots[top]! === -1) continue;
            const slot = buildSubSlot(index, top);
            expect(slots[top]).toBe(slot);
            for (let k = 0; k <= 1 << bits; k++) {
              let want = from;
              while (want < to && ((starts[want]! >>> (16 - bits)) & ((1 << bits) - 1)) < k) want++;
              expect(firsts[slot + k]).toBe(want);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** Many prefixes inside one /16 (IPv4 10.20/16, IPv6 2603::/16), so the lookup takes the second index level. */
function crowdedPrefixArb(family: 4 | 6): fc.Arbitrary<RangePrefix> {
  const bits = family === 4 ? 32 : 128;
  const base = family === 4 ? 0x0a140000n : 0x2603n << 112n;
  return fc
    .record({
      low: fc.bigInt({ min: 0n, max: (1n << 16n) - 1n }),
      len: fc.integer({ min: 12, max: family === 4 ? 32 : 48 }),
      provider: fc.constantFrom('aws', 'azure', 'gcp'),
      region: fc.constantFrom(null, 'r1', 'r2'),
    })
    .map(({ low, len, provider, region }) => {
      const value = base | (low << BigInt(bits - 32));
      const shift = BigInt(bits - len);
      const start = (value >> shift) << shift;
      return { cidr: `${formatBigInt(family, start)}/${len}`, provider, region, service: null, feed: 'test' };
    });
}

describe.each([4, 6] as const)('crowded /16 lookups vs the linear reference (IPv%i)', (family) => {
  it('agrees inside, around and outside the crowded /16', () => {
    const bits = family === 4 ? 32 : 128;
    const base = family === 4 ? 0x0a140000n : 0x2603n << 112n;
    const addressArb = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }).map((low) => base | (low << BigInt(bits - 32))),
      fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }),
      fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }).map((v) => base | (v >> 16n)),
    );
    fc.assert(
      fc.property(
        fc.array(crowdedPrefixArb(family), { minLength: 80, maxLength: 200 }),
        fc.array(addressArb, { maxLength: 40 }),
        (ps, addrs) => {
          const table = loadRangeTable(serializeRangeTable(compileRangeTable(ps)));
          const ref = createLinearReference(ps);
          for (const a of addrs) {
            const want = ref(family, a);
            const got = table.lookup(formatBigInt(family, a));
            expect(got === null ? null : [got.provider, got.region]).toEqual(
              want === null ? null : [want.provider, want.region],
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
