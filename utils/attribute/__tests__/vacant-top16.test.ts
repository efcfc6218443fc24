import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6, peekTop16 } from '../ip-address';
import { buildIntervalsV4, buildTop16Index, buildVacantTop16 } from '../range-intervals';

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

describe('buildVacantTop16', () => {
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
  const vacant = buildVacantTop16(1, starts, owners, index);

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
    expect(vacant[top]).toBe(want);
  });
});
