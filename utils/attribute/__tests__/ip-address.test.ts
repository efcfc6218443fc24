import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddress, formatCidr, parseCidr } from '../cidr';
import { PEEK_TOP_MASK, parseIpv4, parseIpv6, parseIpv6After, peekAddress } from '../ip-address';

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['3.80.1.10', 0x0350010a],
    ['255.255.255.255', 4294967295],
    ['1.2.3.4', 16909060],
  ])('%s → %i', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });

  it.each([
    '',
    '1.2.3',
    '1.2.3.4.',
    '.1.2.3',
    '1..2.3',
    '256.0.0.0',
    '1.2.3.1000',
    '1.2.3.4/8',
    'a.b.c.d',
    ' 1.2.3.4',
  ])('%j → -1', (text) => {
    expect(parseIpv4(text)).toBe(-1);
  });

  it('round-trips every address through formatAddress', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295 }), (v) => {
        expect(parseIpv4(formatAddress(4, [v]))).toBe(v);
      }),
    );
  });
});

describe('parseIpv6', () => {
  const words = (text: string): number[] | null => {
    const out = new Uint32Array(4);
    return parseIpv6(text, out) ? [...out] : null;
  };

  it.each([
    ['::', [0, 0, 0, 0]],
    ['::1', [0, 0, 0, 1]],
    ['2600:1f18::', [0x26001f18, 0, 0, 0]],
    ['2600:1f18::1', [0x26001f18, 0, 0, 1]],
    ['2001:db8:0:0:1:0:0:1', [0x20010db8, 0, 0x10000, 1]],
    ['::ffff:3.80.1.10', [0, 0, 0xffff, 0x0350010a]],
    ['FE80::1%eth0', [0xfe800000, 0, 0, 1]],
    ['1:2:3:4:5:6:7::', [0x10002, 0x30004, 0x50006, 0x70000]],
    ['fe80::%eth0', [0xfe800000, 0, 0, 0]],
    ['::%1', [0, 0, 0, 0]],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', [4294967295, 4294967295, 4294967295, 4294967295]],
  ])('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    '',
    ':',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'g::',
    '1:',
    '::1.2.3',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7:8:%eth0',
    '1:%eth0',
  ])('%j is not IPv6', (text) => {
    expect(words(text)).toBeNull();
  });

  it('round-trips arbitrary addresses through formatAddress', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4294967295 }), { minLength: 4, maxLength: 4 }), (w) => {
        expect(words(formatAddress(6, w))).toEqual(w);
      }),
    );
  });
});

describe('parseCidr', () => {
  it.each([
    ['3.80.0.0/12', { family: 4, words: [0x03500000], len: 12 }],
    ['3.80.1.10/12', { family: 4, words: [0x03500000], len: 12 }],
    ['3.80.1.10', { family: 4, words: [0x0350010a], len: 32 }],
    ['2600:1f18::/33', { family: 6, words: [0x26001f18, 0, 0, 0], len: 33 }],
    ['2600:1f18:ffff::/33', { family: 6, words: [0x26001f18, 0x80000000, 0, 0], len: 33 }],
  ])('%s', (text, expected) => {
    expect(parseCidr(text)).toEqual(expected);
  });

  it.each(['1.2.3.4/33', '::/129', '1.2.3.4/', '1.2.3.4/1234', '1.2.3.4/-1', 'x/8', '::1%eth0/64'])(
    '%j → null',
    (text) => {
      expect(parseCidr(text)).toBeNull();
    },
  );

  it.each([
    [6, [0x20010db8, 0, 0, 1], 128, '2001:db8::1/128'],
    [6, [0, 0, 0, 0], 0, '::/0'],
    [6, [0x20010db8, 0x10000, 0, 0], 48, '2001:db8:1::/48'],
    [4, [0x0350010a], 32, '3.80.1.10/32'],
  ] as const)('formats %i %j /%i as %s', (family, w, len, text) => {
    expect(formatCidr(family, w, len)).toBe(text);
  });
});

describe('parseIpv6After (resuming after the peeked first group)', () => {
  const viaPeek = (text: string): number[] | null | 'no peek' => {
    const peek = peekAddress(text);
    const top = peek & PEEK_TOP_MASK;
    if (peek < 0 || top < 65536) return 'no peek';
    const out = new Uint32Array(4);
    return parseIpv6After(text, top - 65536, peek >>> 17, out) ? [...out] : null;
  };
  const direct = (text: string): number[] | null => {
    const out = new Uint32Array(4);
    return parseIpv6(text, out) ? [...out] : null;
  };

  it.each([
    '2603:1030::1',
    '2603::',
    '2603::%eth0',
    '2603:1:2:3:4:5:6:7',
    'fe80::1%eth0',
    'a:b::c:1.2.3.4',
    '2603:',
    '2603:::1',
    '2603::1::2',
    '2603:%x',
    '2603:1:2:3:4:5:6:7:8',
    '2603:g::',
  ])('%j reads the same as a full parse', (text) => {
    expect(viaPeek(text)).toEqual(direct(text));
  });

  it('agrees with a full parse on any address, and on broken ones, whenever the peek answers', () => {
    const brokenArb = fc.string({ unit: fc.constantFrom(...'0123456789abcdef:.%'), maxLength: 45 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.ipV6(),
          brokenArb,
          fc.ipV6().map((t) => `${t}:`),
        ),
        (text) => {
          const got = viaPeek(text);
          if (got !== 'no peek') expect(got).toEqual(direct(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
