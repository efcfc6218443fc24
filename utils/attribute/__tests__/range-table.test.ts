import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';
import {
  compileRangeTable,
  loadRangeTable,
  RANGE_TABLE_FORMAT_VERSION,
  serializeRangeTable,
} from '../range-table';
import type { RangePrefix } from '../types';
import { createLinearReference, formatBigInt } from './helpers/reference-lookup';

const PROVIDERS = ['aws', 'gcp', 'azure', 'cloudflare', 'google'];
const REGIONS = [null, 'r1', 'r2'];
const SERVICES = [null, 's1'];

/** Small prefix sets in a narrow address space so that nesting and identical prefixes are frequent. */
function prefixArb(family: 4 | 6): fc.Arbitrary<RangePrefix> {
  const bits = family === 4 ? 32 : 128;
  return fc
    .record({
      top: fc.integer({ min: 0, max: 15 }),
      low: fc.bigInt({ min: 0n, max: (1n << 12n) - 1n }),
      len: fc.integer({ min: 0, max: bits }),
      provider: fc.constantFrom(...PROVIDERS),
      region: fc.constantFrom(...REGIONS),
      service: fc.constantFrom(...SERVICES),
    })
    .map(({ top, low, len, provider, region, service }) => {
      const value = (BigInt(top) << BigInt(bits - 4)) | (low << BigInt(bits - 16));
      const shift = BigInt(bits - len);
      const start = (value >> shift) << shift;
      return { cidr: `${formatBigInt(family, start)}/${len}`, provider, region, service, feed: 'test' };
    });
}

function addressArb(family: 4 | 6): fc.Arbitrary<bigint> {
  const bits = family === 4 ? 32 : 128;
  return fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n }),
    fc
      .tuple(fc.integer({ min: 0, max: 15 }), fc.bigInt({ min: 0n, max: (1n << 16n) - 1n }))
      .map(([top, low]) => (BigInt(top) << BigInt(bits - 4)) | (low << BigInt(bits - 20))),
  );
}

describe.each([4, 6] as const)('range table lookup vs the linear reference (IPv%i)', (family) => {
  it('agrees for arbitrary addresses and small random prefix sets', () => {
    fc.assert(
      fc.property(
        fc.array(prefixArb(family), { maxLength: 25 }),
        fc.array(addressArb(family), { maxLength: 30 }),
        (ps, addrs) => {
          const table = compileRangeTable(ps);
          const loaded = loadRangeTable(serializeRangeTable(table));
          const ref = createLinearReference(ps);
          for (const a of addrs) {
            const want = ref(family, a);
            for (const t of [table, loaded]) {
              const got = t.lookup(formatBigInt(family, a));
              expect(got === null ? null : [got.provider, got.region, got.service]).toEqual(
                want === null ? null : [want.provider, want.region, want.service],
              );
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

describe('range table edges', () => {
  const prefixes: RangePrefix[] = [
    { cidr: '0.0.0.0/0', provider: 'x', region: null, service: null },
    { cidr: '255.255.255.255/32', provider: 'y', region: null, service: null },
    { cidr: '::/0', provider: 'z', region: null, service: null },
    { cidr: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', provider: 'w', region: null, service: null },
  ];
  const table = compileRangeTable(prefixes);

  it.each([
    ['0.0.0.0', 'x'],
    ['255.255.255.254', 'x'],
    ['255.255.255.255', 'y'],
    ['::', 'z'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe', 'z'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'w'],
  ])('%s → %s at the ends of the address space', (ip, provider) => {
    expect(table.lookup(ip)?.provider).toBe(provider);
  });

  it.each(['', 'example.com', '1.2.3', '1.2.3.4.5', '256.1.1.1', ':::', '1::2::3', 'g::1'])(
    '%j → null',
    (ip) => {
      expect(table.lookup(ip)).toBeNull();
    },
  );

  it('collapses identical prefixes: region beats none, service beats none, then provider priority', () => {
    const t = compileRangeTable([
      { cidr: '10.0.0.0/8', provider: 'google', region: 'r', service: null },
      { cidr: '10.0.0.0/8', provider: 'gcp', region: 'r', service: null },
      { cidr: '10.0.0.0/8', provider: 'aws', region: null, service: 'ec2' },
      { cidr: '11.0.0.0/8', provider: 'aws', region: 'us-east-1', service: null },
      { cidr: '11.0.0.0/8', provider: 'aws', region: 'us-east-1', service: 'ec2' },
    ]);
    expect(t.lookup('10.1.1.1')).toMatchObject({ provider: 'gcp', region: 'r' });
    expect(t.lookup('11.1.1.1')).toMatchObject({ service: 'ec2' });
    expect(t.getStats().prefixesV4).toBe(2);
  });

  it.each([4, 6] as const)(
    'answers every hit on one prefix with the same object, also across the intervals a child splits it into (IPv%i)',
    (family) => {
      const [parent, child, before, inside, after, gap] =
        family === 4
          ? ['10.0.0.0/8', '10.1.0.0/16', '10.0.0.1', '10.1.2.3', '10.200.0.1', '11.0.0.1']
          : ['2603:1000::/24', '2603:1030::/32', '2603:1000::1', '2603:1030::5', '2603:10ff::1', '2604::1'];
      const t = loadRangeTable(
        serializeRangeTable(
          compileRangeTable([
            { cidr: parent, provider: 'azure', region: null, service: null },
            { cidr: child, provider: 'azure', region: 'eastus', service: null },
          ]),
        ),
      );
      // Repeat every lookup: the first resolves and remembers, the second reads what was remembered.
      for (let round = 0; round < 2; round++) {
        expect(t.lookup(before)).toBe(t.lookup(after));
        expect(t.lookup(before)).toMatchObject({ region: null, cidr: parent });
        expect(t.lookup(inside)).toMatchObject({ region: 'eastus', cidr: child });
        expect(t.lookup(inside)).not.toBe(t.lookup(before));
        expect(t.lookup(gap)).toBeNull();
      }
    },
  );

  it('gives the same table whatever the input order', () => {
    const ps: RangePrefix[] = [
      { cidr: '10.0.0.0/8', provider: 'a', region: null, service: null },
      { cidr: '10.1.0.0/16', provider: 'b', region: 'r', service: null },
      { cidr: '10.1.0.0/16', provider: 'c', region: 'r', service: null },
    ];
    expect(serializeRangeTable(compileRangeTable(ps))).toEqual(
      serializeRangeTable(compileRangeTable([...ps].reverse())),
    );
  });
});

describe('stored range table', () => {
  const table = compileRangeTable([
    { cidr: '3.80.0.0/12', provider: 'aws', region: 'us-east-1', service: 'ec2', feed: 'aws-ip-ranges.json' },
    {
      cidr: '2600:1f18::/33',
      provider: 'aws',
      region: 'us-east-1',
      service: null,
      feed: 'aws-ip-ranges.json',
    },
  ]);
  const bytes = serializeRangeTable(table);

  it('starts with magic and version', () => {
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('OLRT');
    expect(bytes[4]! | (bytes[5]! << 8)).toBe(RANGE_TABLE_FORMAT_VERSION);
    expect(loadRangeTable(bytes).lookup('3.80.1.10')).toEqual(table.lookup('3.80.1.10'));
  });

  /** A copy of the stored bytes with byte `at` (negative = from the end) XOR-ed or set. */
  const patched = (at: number, change: (v: number) => number) => (b: Uint8Array) => {
    const i = at < 0 ? b.length + at : at;
    b[i] = change(b[i]!);
    return b;
  };
  const corrupt = (f: (b: Uint8Array) => Uint8Array) => () => loadRangeTable(f(bytes.slice()));
  it.each([
    ['a flipped body byte', patched(-3, (v) => v ^ 0x40), /checksum/],
    ['a flipped checksum byte', patched(12, (v) => v ^ 1), /checksum/],
    ['truncation', (b: Uint8Array) => b.subarray(0, b.length - 5), /truncated/],
    ['a short header', (b: Uint8Array) => b.subarray(0, 10), /truncated/],
    ['a wrong version', patched(4, () => 99), /version 99/],
    ['a bad magic', patched(0, () => 0x58), /magic/],
    ['an empty array', () => new Uint8Array(0), /truncated/],
  ])('rejects %s with a clear error', (_name, f, message) => {
    expect(corrupt(f)).toThrow(message);
  });

  it('rejects a body that passes the checksum but does not decode', () => {
    const b = bytes.slice();
    // The last two bytes are the last IPv6 meta index: point it past the metas, then re-sign the body.
    b[b.length - 1] = 0xff;
    b[b.length - 2] = 0xff;
    const crc = crc32(b, 16);
    for (let k = 0; k < 4; k++) b[12 + k] = (crc >>> (8 * k)) & 0xff;
    expect(() => loadRangeTable(b)).toThrow(/malformed body \(meta index 65535 out of range/);
  });
});
