import { beforeAll, describe, expect, it } from 'vitest';
import { formatCidr, parseCidr } from '../cidr';
import { FEED_FILE_NAMES, parseFeeds } from '../feeds';
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

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Addresses drawn per feed file: every file equally represented, 14 × 750 = 10,500 in all. */
const PER_FEED = 750;

interface Sample {
  ip: string;
  family: 4 | 6;
  value: bigint;
  from: RangePrefix;
}

/**
 * PER_FEED addresses (seeded) from each feed file: a prefix of that file picked uniformly, then an address
 * uniformly inside it. Sampling over all prefixes at once would give Azure three quarters of the draws and the
 * small lists (Cloudflare, Akamai, Fastly) one or none.
 */
function sampleEachFeed(seed: number, perFeed: number): Sample[] {
  const rand = createRandom(seed);
  const byFeed = groupBy(toRefPrefixes(prefixes), (p) => p.prefix.feed ?? '');
  return FEED_FILE_NAMES.flatMap((feed) => {
    const refs = byFeed.get(feed) ?? [];
    expect(refs.length, feed).toBeGreaterThan(0);
    return Array.from({ length: perFeed }, () => {
      const p = refs[Math.floor(rand() * refs.length)]!;
      const host = (p.family === 4 ? 32 : 128) - p.len;
      const value = p.start + (host === 0 ? 0n : randomBigInt(rand, host));
      return { ip: formatBigInt(p.family, value), family: p.family, value, from: p.prefix };
    });
  });
}

/** Every feed entry that contains an address (one Map per family/length/network, as the reference keeps). */
function createContainingIndex(list: readonly RangePrefix[]) {
  const byNetwork = groupBy(toRefPrefixes(list), (p) => `${p.family}/${p.len}/${p.start}`);
  return (family: 4 | 6, value: bigint): RangePrefix[] => {
    const bits = family === 4 ? 32 : 128;
    const out: RangePrefix[] = [];
    for (let len = 0; len <= bits; len++) {
      const shift = BigInt(bits - len);
      for (const p of byNetwork.get(`${family}/${len}/${(value >> shift) << shift}`) ?? [])
        out.push(p.prefix);
    }
    return out;
  };
}

/** The table reports prefixes in canonical text (Linode writes `2600:3c12:0300::/40`). */
function getCanonicalCidr(text: string): string {
  const c = parseCidr(text)!;
  return formatCidr(c.family, c.words, c.len);
}

const view = (e: { provider: string; region: string | null; service: string | null } | null) =>
  e && { provider: e.provider, region: e.region, service: e.service };

describe('range table over the real feeds', () => {
  it(`maps ${PER_FEED} addresses from inside each feed file back to their provider and region`, () => {
    const containing = createContainingIndex(prefixes);
    const alone: Record<string, number> = {};
    for (const s of sampleEachFeed(42, PER_FEED)) {
      const got = table.lookup(s.ip);
      expect(got, s.ip).not.toBeNull();
      const covering = containing(s.family, s.value);
      if (covering.length === 1) {
        // No other entry covers the address: it must come back as exactly the prefix it was drawn from.
        expect(covering[0], s.ip).toBe(s.from);
        expect({ ip: s.ip, ...view(got), cidr: got!.cidr, feed: got!.feed }).toEqual({
          ip: s.ip,
          ...view(s.from),
          cidr: getCanonicalCidr(s.from.cidr),
          feed: s.from.feed,
        });
        alone[s.from.feed!] = (alone[s.from.feed!] ?? 0) + 1;
      } else {
        // Overlaps resolve by the documented rule (range-priority.ts), computed by the slow reference.
        expect({ ip: s.ip, ...view(got) }).toEqual({ ip: s.ip, ...view(reference(s.family, s.value)) });
      }
    }
    // Every file has addresses no other entry claims; overlaps are common but nowhere near universal.
    expect(Object.keys(alone).sort()).toEqual([...FEED_FILE_NAMES].sort());
    expect(Object.values(alone).reduce((a, b) => a + b, 0)).toBeGreaterThan(PER_FEED * 4);
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

  // Real overlaps written out, each with the winner the documented rule gives (range-priority.ts): longest prefix
  // first; on identical prefixes a region beats none, a service beats none, then provider priority, then text order.
  it.each([
    // AWS: 3.5.140.0/22 is listed as AMAZON, S3 and EC2 (all ap-northeast-2): a service beats AMAZON, then text order.
    ['3.5.140.1', 'aws', 'ap-northeast-2', 'ec2', '3.5.140.0/22'],
    ['23.254.120.1', 'aws', 'sa-west-1', 'ec2', '23.254.120.0/21'],
    // AWS: an EC2 /24 inside the GLOBAL AMAZON 64.252.64.0/18: the longer prefix wins.
    ['64.252.81.1', 'aws', 'sa-east-1', 'ec2', '64.252.81.0/24'],
    // Google: cloud.json's 34.35.0.0/16 inside goog.json's 34.32.0.0/11; and an identical prefix in both files.
    ['34.35.1.1', 'gcp', 'africa-south1', null, '34.35.0.0/16'],
    ['192.158.28.1', 'gcp', 'europe-west1', null, '192.158.28.0/22'],
    ['8.8.8.8', 'google', null, null, '8.8.8.0/24'],
    // Azure: 20.33.143.0/24 under AzureStorage.EastUS, AzureCloud.eastus and AzureCloud: region and service win.
    ['20.33.143.1', 'azure', 'eastus', 'azurestorage', '20.33.143.0/24'],
    // Azure: ActionGroup (global) and ActionGroup.SoutheastAsia repeat 4.145.74.52/30: the regional tag wins.
    ['4.145.74.53', 'azure', 'southeastasia', 'actiongroup', '4.145.74.52/30'],
    // GitHub Actions lists 52.184.168.96/27, which Azure lists with a region: a region beats none.
    ['52.184.168.97', 'azure', 'eastus2', 'azurestorage', '52.184.168.96/27'],
    // Azure Front Door (AzureFrontDoor.Frontend, no systemService): named from the tag.
    ['13.107.246.1', 'azure', null, 'azurefrontdoor', '13.107.246.0/24'],
  ])('%s → %s %s %s (%s)', (ip, provider, region, service, cidr) => {
    expect(table.lookup(ip)).toMatchObject({ provider, region, service, cidr });
  });

  it('returns the same entry object for repeated hits (interned)', () => {
    expect(table.lookup('3.80.1.10')).toBe(table.lookup('3.80.9.9'));
  });

  it('round-trips through serialize → load with equal lookups and identical bytes', () => {
    const bytes = serializeRangeTable(table);
    const loaded = loadRangeTable(bytes);
    expect(serializeRangeTable(loaded)).toEqual(bytes);
    // Typed-array bytes grow as lookups fill the finer levels per /16; everything else must match.
    const { typedArrayBytes: _a, ...loadedStats } = loaded.getStats();
    const { typedArrayBytes: _b, ...tableStats } = table.getStats();
    expect(loadedStats).toEqual(tableStats);
    for (const s of sampleEachFeed(99, 150)) expect(loaded.lookup(s.ip), s.ip).toEqual(table.lookup(s.ip));
  });
});
