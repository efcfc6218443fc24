import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findZipEntry,
  type Inflate,
  readZipDirectory,
  readZipEntries,
  ZipError,
  type ZipLimits,
} from '../zip-reader';
import {
  AKAMAI_MEMBERS,
  buildAkamaiZip,
  buildZip,
  lastSignatureAt,
  nodeInflate,
  readRealFeed,
} from './helpers/zip-builder';

const EOCD = 0x06054b50;
const NAMES = AKAMAI_MEMBERS.map((m) => m.name);
const SMALL: ZipLimits = { maxArchiveBytes: 64 * 1024, maxEntryBytes: 4 * 1024, maxEntries: 8 };

function withByte(zip: Uint8Array, at: number, value: number): Uint8Array {
  const copy = zip.slice();
  copy[at] = value;
  return copy;
}

async function readError(
  zip: Uint8Array,
  wanted = NAMES,
  limits = SMALL,
  inflate = nodeInflate,
): Promise<string> {
  const error = await readZipEntries(zip, wanted, inflate, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipError);
  return (error as ZipError).message;
}

describe('readZipEntries on the real Akamai lists', () => {
  it.each([
    ['deflated, with data descriptors (as macOS writes it)', 8, 0x8],
    ['deflated', 8, 0],
    ['stored', 0, 0],
    ['stored, with data descriptors', 0, 0x8],
  ] as const)('%s: returns both members byte for byte', async (_label, method, flags) => {
    const zip = buildAkamaiZip(method, flags);
    const out = await readZipEntries(zip, NAMES, nodeInflate, SMALL);
    for (const m of AKAMAI_MEMBERS) expect(out[m.name]).toEqual(readRealFeed(m.file));
  });

  it('lists every member, resource forks included', () => {
    expect(readZipDirectory(buildAkamaiZip()).entries.map((e) => [e.name, e.method])).toEqual([
      ['akamai_ipv4_CIDRs.txt', 8],
      ['akamai_ipv6_CIDRs.txt', 8],
      ['__MACOSX/._akamai_ipv4_CIDRs.txt', 8],
      ['__MACOSX/._akamai_ipv6_CIDRs.txt', 8],
    ]);
  });

  it('reads an archive with a comment after the directory', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'PK\x05\x06 inside data' }], { comment: 'PK\x05\x06 fake' });
    const out = await readZipEntries(zip, ['a.txt'], nodeInflate);
    expect(new TextDecoder().decode(out['a.txt'])).toBe('PK\x05\x06 inside data');
  });

  it('an empty member reads as empty', async () => {
    const out = await readZipEntries(
      buildZip([{ name: 'e.txt', data: '', method: 0 }]),
      ['e.txt'],
      nodeInflate,
    );
    expect(out['e.txt']).toEqual(new Uint8Array(0));
  });
});

describe('findZipEntry', () => {
  const entries = readZipDirectory(
    buildZip([
      { name: '__MACOSX/v4/._list.txt', data: 'fork' },
      { name: 'v4/list.txt', data: 'real' },
      { name: 'top.txt', data: 'top' },
      { name: 'a/dup.txt', data: '1' },
      { name: 'b/dup.txt', data: '2' },
    ]),
  ).entries;

  it.each([
    ['top.txt', 'top.txt'],
    ['list.txt', 'v4/list.txt'],
    ['v4/list.txt', 'v4/list.txt'],
  ])('%s → %s', (wanted, found) => {
    expect(findZipEntry(entries, wanted).name).toBe(found);
  });

  it.each([
    ['missing.txt', /no member "missing\.txt" \(members: __MACOSX/],
    ['dup.txt', /"dup\.txt" is ambiguous/],
  ])('%s is refused', (wanted, error) => {
    expect(() => findZipEntry(entries, wanted)).toThrow(error);
  });
});

describe('malformed archives are refused with a clear error', () => {
  const good = buildAkamaiZip(8, 0);
  const eocd = lastSignatureAt(good, EOCD);
  const firstCentral = readZipDirectory(good).directoryOffset;

  it.each<[string, () => Uint8Array, RegExp]>([
    ['empty', () => new Uint8Array(0), /only 0 bytes \(truncated\)/],
    ['truncated by one byte', () => good.subarray(0, good.length - 1), /no end-of-central-directory record/],
    ['truncated to half', () => good.subarray(0, good.length >> 1), /no end-of-central-directory record/],
    [
      'not a zip',
      () => new TextEncoder().encode('<html>moved</html>'.repeat(4)),
      /no end-of-central-directory/,
    ],
    ['a bad end-record signature', () => withByte(good, eocd, 0x51), /no end-of-central-directory record/],
    [
      'a bad central directory signature',
      () => withByte(good, firstCentral, 0x51),
      /bad central directory signature/,
    ],
    [
      'a bad local header signature',
      () => withByte(good, 0, 0x51),
      /"akamai_ipv4_CIDRs\.txt": bad local header/,
    ],
    [
      'the directory cut off (its data gone)',
      () => Uint8Array.from([...good.subarray(firstCentral)]),
      /central directory runs past|bad central directory signature/,
    ],
    [
      'a CRC mismatch',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', crc32: 1 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /CRC mismatch/,
    ],
    [
      'a stored CRC mismatch',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', method: 0, crc32: 1 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /CRC mismatch \(stored 00000001/,
    ],
    [
      'a member declaring more than the limit (bomb)',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', size: 1_000_000_000 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /declares 1000000000 bytes \(limit 4096\)/,
    ],
    [
      'a member inflating past its declared size (bomb that lies)',
      () =>
        buildZip([
          { name: NAMES[0]!, data: new Uint8Array(1_000_000), size: 100 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /inflate failed/,
    ],
    [
      'a member inflating short of its declared size',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'abc', size: 10 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /inflated to 3 bytes, not the 10 it declares/,
    ],
    [
      'an encrypted member',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', flags: 0x1 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /"akamai_ipv4_CIDRs\.txt" is encrypted/,
    ],
    [
      'an AES member',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', methodCode: 99 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /is encrypted/,
    ],
    [
      'an unknown method',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', methodCode: 12 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /compression method 12/,
    ],
    [
      'a stored member whose sizes differ',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x', method: 0, size: 2 },
          { name: NAMES[1]!, data: 'y' },
        ]),
      /stored but its sizes differ/,
    ],
    [
      'a missing member',
      () => buildZip([{ name: NAMES[0]!, data: 'x' }]),
      /no member "akamai_ipv6_CIDRs\.txt"/,
    ],
    [
      'a member twice',
      () =>
        buildZip([
          { name: NAMES[0]!, data: 'x' },
          { name: NAMES[0]!, data: 'y' },
        ]),
      /appears twice/,
    ],
    [
      'ZIP64 markers',
      () => {
        const zip = good.slice();
        new DataView(zip.buffer).setUint32(eocd + 16, 0xffffffff, true);
        return zip;
      },
      /ZIP64 archives are not supported/,
    ],
    [
      'a multi-disk archive',
      () => {
        const zip = good.slice();
        new DataView(zip.buffer).setUint16(eocd + 4, 1, true);
        return zip;
      },
      /multi-disk/,
    ],
    [
      'too many members',
      () => buildZip(Array.from({ length: 9 }, (_, i) => ({ name: `f${i}`, data: 'x' }))),
      /9 members \(limit 8\)/,
    ],
    [
      'an archive over the limit',
      () => new Uint8Array(SMALL.maxArchiveBytes + 1),
      /archive is 65537 bytes \(limit 65536\)/,
    ],
  ])('%s', async (_label, make, error) => {
    expect(await readError(make())).toMatch(error);
  });

  it('a failing inflater is reported as the member failing to inflate', async () => {
    const broken: Inflate = async () => {
      throw new Error('incorrect header check');
    };
    expect(await readError(good, NAMES, SMALL, broken)).toMatch(
      /zip: member "akamai_ipv4_CIDRs\.txt": inflate failed \(incorrect header check\)/,
    );
  });

  it('the inflater is never asked for more than the declared size plus one byte', async () => {
    const asked: number[] = [];
    const spy: Inflate = (data, max) => {
      asked.push(max);
      return nodeInflate(data, max);
    };
    await readZipEntries(good, NAMES, spy, SMALL);
    expect(asked).toEqual(AKAMAI_MEMBERS.map((m) => readRealFeed(m.file).length + 1));
  });
});

describe('any damage is an error or the exact content (never wrong bytes)', () => {
  const good = buildAkamaiZip(8, 0);
  const expected = AKAMAI_MEMBERS.map((m) => readRealFeed(m.file));

  it('one changed byte anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const zip = withByte(good, at, good[at]! ^ xor);
        const out = await readZipEntries(zip, NAMES, nodeInflate, SMALL).catch((e: unknown) => {
          expect(e).toBeInstanceOf(ZipError);
          return null;
        });
        if (out) expect(NAMES.map((n) => out[n])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('any truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(good.length - 1), async (length) => {
        expect(await readError(good.subarray(0, length))).toMatch(/^zip: /);
      }),
      { numRuns: 100 },
    );
  });
});
