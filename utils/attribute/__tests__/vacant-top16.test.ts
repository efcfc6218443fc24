import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6, peekTop16 } from '../ip-address';
import { buildIntervalsV4, buildIntervalsV6, buildTop16Index, isVacantTop16 } from '../range-intervals';

describe('peekTop16', () => {
  it.each([
    ['3.80.1.10', 3 * 256 + 80],
    ['255.255.0.1', 65535],
    ['0.0.0.0', 0],
    ['2600:1f18::1', 65536 + 0x2600],
    ['2a00:1450:4001:81c::200e', 65536 + 0x2a00],
    ['fe80::%eth0', 65536 + 0xfe80],
    ['FFFF:1::', 65536 + 0xffff],
    // The start does not tell: zero first group (maybe IPv4-mapped), not an address, or out of range.
    ['::ffff:3.80.1.10', -1],
    ['0:0:0:0:0:ffff:350:10a', -1],
    ['3.80', -1],
    ['256.1.1.1', -1],
    ['1.2345.1.1', -1],
    ['12345::', -1],
    ['cafe', -1],
    ['', -1],
    ['x.y.z.w', -1],
  ])('%s → %i', (text, want) => {
    expect(peekTop16(text)).toBe(want);
  });

  it('agrees with the full parsers on every valid address it answers for', () => {
    const q = new Uint32Array(4);
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (text) => {
        const top = peekTop16(text);
        if (top < 0) return;
        const v4 = parseIpv4(text);
        if (v4 >= 0) expect(top).toBe(v4 >>> 16);
        else {
          expect(parseIpv6(text, q)).toBe(true);
          expect(top).toBe(65536 + (q[0]! >>> 16));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isVacantTop16', () => {
  // Sorted by address, as compiled tables are.
  const cidrs: Array<[number, number]> = [
    [0x03500000, 12], // 3.80.0.0/12
    [0x0a000000, 8], // 10.0.0.0/8: every /16 in 10.x is covered
    [0xc0a80100, 24], // 192.168.1.0/24: one /16 holds a provider only in its middle
  ];
  const words = Uint32Array.from(cidrs.map(([w]) => w));
  const lens = Uint8Array.from(cidrs.map(([, l]) => l));
  const { starts, owners, count } = buildIntervalsV4(words, lens, cidrs.length);
  const index = buildTop16Index(1, starts, count);
  const isVacant = (top: number) => (isVacantTop16(1, starts, owners, index, top) ? 1 : 0);

  it.each([
    ['10.0.x.x (inside a /8)', 0x0a00, 0],
    ['10.255.x.x (inside a /8)', 0x0aff, 0],
    ['3.80.x.x (start of a /12)', 0x0350, 0],
    ['3.95.x.x (end of a /12)', 0x035f, 0],
    ['3.96.x.x (just past it)', 0x0360, 1],
    ['192.168.x.x (a /24 in the middle)', 0xc0a8, 0],
    ['9.255.x.x (just before the /8)', 0x09ff, 1],
    ['0.0.x.x', 0, 1],
    ['255.255.x.x', 0xffff, 1],
  ])('%s', (_name, top, want) => {
    expect(isVacant(top)).toBe(want);
  });
});

describe.each([4, 6] as const)('isVacantTop16 by brute force (IPv%i)', (family) => {
  it('marks a /16 vacant exactly when no prefix overlaps it', () => {
    const W = family === 4 ? 1 : 4;
    const bits = family === 4 ? 32 : 128;
    // Prefixes around a few /16s (and some shorter than /16), so neighbours and boundaries are hit often.
    const prefixArb = fc
      .record({
        top: fc.constantFrom(0x0a00, 0x0a01, 0x0aff, 0x0b00, 0xffff, 0),
        low: fc.bigInt({ min: 0n, max: (1n << BigInt(bits - 16)) - 1n }),
        len: fc.integer({ min: 8, max: bits }),
      })
      .map(({ top, low, len }) => {
        const value = (BigInt(top) << BigInt(bits - 16)) | low;
        const shift = BigInt(bits - len);
        return { start: (value >> shift) << shift, len };
      });
    fc.assert(
      fc.property(fc.array(prefixArb, { maxLength: 30 }), (raw) => {
        // Sorted by address then length, duplicates removed, as compiled tables are.
        const seen = new Set<string>();
        const ps = raw
          .filter((p) => !seen.has(`${p.start}/${p.len}`) && seen.add(`${p.start}/${p.len}`))
          .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.len - b.len));
        const words = new Uint32Array(ps.length * W);
        ps.forEach((p, i) => {
          for (let k = 0; k < W; k++)
            words[i * W + k] = Number((p.start >> BigInt(bits - 32 - 32 * k)) & 0xffffffffn);
        });
        const lens = Uint8Array.from(ps.map((p) => p.len));
        const { starts, owners, count } =
          family === 4 ? buildIntervalsV4(words, lens, ps.length) : buildIntervalsV6(words, lens, ps.length);
        const index = buildTop16Index(W as 1 | 4, starts, count);
        const tops = [
          0, 1, 0x09ff, 0x0a00, 0x0a01, 0x0a02, 0x0aff, 0x0b00, 0x0b01, 0x0bff, 0x0c00, 0xfffe, 0xffff,
        ];
        for (const top of tops) {
          const overlapped = ps.some((p) => {
            const pTop = Number(p.start >> BigInt(bits - 16));
            const span = p.len >= 16 ? 1 : 2 ** (16 - p.len);
            return top >= pTop && top < pTop + span;
          });
          expect(isVacantTop16(W as 1 | 4, starts, owners, index, top)).toBe(!overlapped);
        }
      }),
      { numRuns: 300 },
    );
  });
});
