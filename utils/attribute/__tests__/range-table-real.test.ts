import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeeds } from '../feeds';
import { compileRangeTable, loadRangeTable, type RangeTable, serializeRangeTable } from '../range-table';
import type { RangePrefix } from '../types';
import { readAllRealFeeds } from './helpers/real-feeds';
import {
  createHashedReference,
  createRandom,
  formatBigInt,
  randomBigInt,
  toRefPrefixes,
} from './helpers/reference-lookup';

let prefixes: RangePrefix[];
let table: RangeTable;
let reference: ReturnType<typeof createHashedReference>;

beforeAll(() => {
  prefixes = parseFeeds(readAllRealFeeds()).prefixes;
  table = compileRangeTable(prefixes);
  reference = createHashedReference(prefixes);
});

/** 10,000 addresses drawn (seeded) from inside randomly chosen feed prefixes. */
function sampleInside(
  count: number,
  seed: number,
): Array<{ ip: string; family: 4 | 6; value: bigint; from: RangePrefix }> {
  const rand = createRandom(seed);
  const refs = toRefPrefixes(prefixes);
  return Array.from({ length: count }, () => {
    const p = refs[Math.floor(rand() * refs.length)]!;
    const bits = p.family === 4 ? 32 : 128;
    const host = bits - p.len;
    const value = p.start + (host === 0 ? 0n : randomBigInt(rand, host));
    return { ip: formatBigInt(p.family, value), family: p.family, value, from: p.prefix };
  });
}

describe('range table over the real feeds', () => {
  it('maps 10,000 addresses from inside the feeds back to their provider and region', () => {
    let unshadowed = 0;
    for (const s of sampleInside(10_000, 42)) {
      const got = table.lookup(s.ip);
      const want = reference(s.family, s.value);
      expect(got, s.ip).not.toBeNull();
      // Overlapped prefixes resolve by the documented rule, computed by the slow reference.
      expect({ ip: s.ip, provider: got!.provider, region: got!.region, service: got!.service }).toEqual({
        ip: s.ip,
        provider: want!.provider,
        region: want!.region,
        service: want!.service,
      });
      if (want === s.from) {
        unshadowed++;
        expect([got!.provider, got!.region, got!.feed]).toEqual([
          s.from.provider,
          s.from.region,
          s.from.feed,
        ]);
      }
    }
    expect(unshadowed).toBeGreaterThan(1_000);
  });

  it('answers null for random addresses outside every feed', () => {
    const rand = createRandom(7);
    let outside = 0;
    for (let i = 0; i < 5_000; i++) {
      const family = i % 2 === 0 ? 4 : 6;
      const value = randomBigInt(rand, family === 4 ? 32 : 128);
      if (reference(family, value) !== null) continue;
      outside++;
      expect(table.lookup(formatBigInt(family, value))).toBeNull();
    }
    expect(outside).toBeGreaterThan(2_000);
  });

  it('prefers gcp over google, regional over global, EC2 over AMAZON', () => {
    expect(table.lookup('3.80.1.10')).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
      service: 'ec2',
      cidr: '3.80.0.0/12',
    });
    expect(table.lookup('34.35.1.1')).toMatchObject({ provider: 'gcp', region: 'africa-south1' });
    expect(table.lookup('8.8.8.8')).toMatchObject({ provider: 'google', region: null });
    expect(table.lookup('::ffff:3.80.1.10')).toMatchObject({ provider: 'aws', region: 'us-east-1' });
  });

  it('returns the same entry object for repeated hits (interned)', () => {
    expect(table.lookup('3.80.1.10')).toBe(table.lookup('3.80.9.9'));
  });

  it('round-trips through serialize → load with equal lookups and identical bytes', () => {
    const bytes = serializeRangeTable(table);
    const loaded = loadRangeTable(bytes);
    expect(serializeRangeTable(loaded)).toEqual(bytes);
    expect(loaded.getStats()).toEqual(table.getStats());
    for (const s of sampleInside(2_000, 99)) expect(loaded.lookup(s.ip), s.ip).toEqual(table.lookup(s.ip));
  });
});
