import { describe, expect, it } from 'vitest';
import { createDnsCache, type DnsAnswer } from '../dns-cache';

const T0 = 1_700_000_000_000;

function answer(ttl: number, ip = '192.0.2.1'): DnsAnswer {
  return { cnames: [], ips: [ip], ns: [], ttl };
}

describe('createDnsCache', () => {
  it.each([
    ['just before the TTL ends', 299_999, true],
    ['when the TTL ends', 300_000, false],
    ['long after', 3_600_000, false],
  ])('an answer with TTL 300 s is served %s', (_label, elapsed, served) => {
    const cache = createDnsCache();
    cache.set('www.shop.example', answer(300), T0);
    expect(cache.get('www.shop.example', T0 + elapsed) !== undefined).toBe(served);
  });

  it.each([
    ['a 0 s TTL is kept for the minimum', 0, 30_000],
    ['a week-long TTL is cut to the maximum', 7 * 86_400, 86_400_000],
    ['a non-number TTL is kept for the minimum', Number.NaN, 30_000],
  ])('%s', (_label, ttl, lifetime) => {
    const cache = createDnsCache({ minTtlSeconds: 30, maxTtlSeconds: 86_400 });
    cache.set('a.example', answer(ttl), T0);
    expect(cache.get('a.example', T0 + lifetime - 1)).toBeDefined();
    expect(cache.get('a.example', T0 + lifetime)).toBeUndefined();
  });

  it('treats names case-insensitively and without the trailing dot', () => {
    const cache = createDnsCache();
    cache.set('WWW.Shop.Example.', answer(60), T0);
    expect(cache.get('www.shop.example', T0)?.ips).toEqual(['192.0.2.1']);
  });

  it('a newer answer replaces the older one', () => {
    const cache = createDnsCache();
    cache.set('a.example', answer(60, '192.0.2.1'), T0);
    cache.set('a.example', answer(60, '192.0.2.2'), T0 + 1000);
    expect(cache.get('a.example', T0 + 1000)?.ips).toEqual(['192.0.2.2']);
    expect(cache.size).toBe(1);
  });

  it('stays bounded: expired entries go first, then the oldest', () => {
    const cache = createDnsCache({ maxEntries: 3, minTtlSeconds: 1 });
    cache.set('short.example', answer(1), T0);
    cache.set('old.example', answer(600), T0);
    cache.set('mid.example', answer(600), T0);
    cache.set('new.example', answer(600), T0 + 5_000);
    expect(cache.size).toBe(3);
    expect(cache.get('short.example', T0 + 5_000)).toBeUndefined();
    expect(cache.get('old.example', T0 + 5_000)).toBeDefined();
    cache.set('newest.example', answer(600), T0 + 6_000);
    expect(cache.size).toBe(3);
    expect(cache.get('old.example', T0 + 6_000)).toBeUndefined();
    expect(cache.get('mid.example', T0 + 6_000)).toBeDefined();
    expect(cache.get('newest.example', T0 + 6_000)).toBeDefined();
  });
});
