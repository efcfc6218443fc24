import { describe, expect, it } from 'vitest';
import { createDnsResolver, type FirefoxDns } from '../dns-resolver';

const T0 = 1_700_000_000_000;

/** A DoH server in a function: answers by the query's name and type, counting calls. */
function createDohFetch(answers: Record<string, unknown>) {
  const calls: string[] = [];
  const doFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = `${url.searchParams.get('name')} ${url.searchParams.get('type')}`;
    calls.push(
      `${url.origin}${url.pathname} ${key} ${new Headers(init?.headers).get('accept')} ${init?.credentials}`,
    );
    const body = answers[key];
    if (body === undefined) return new Response('no', { status: 502 });
    return new Response(JSON.stringify(body), { status: 200 });
  }) as typeof fetch;
  return { doFetch, calls };
}

const A_ANSWER = {
  Status: 0,
  Answer: [
    { name: 'www.shop.example.', type: 5, TTL: 300, data: 'shop.example.edgekey.net.' },
    { name: 'shop.example.edgekey.net.', type: 1, TTL: 60, data: '23.1.2.3' },
  ],
};
const NS_ANSWER = {
  Status: 0,
  Answer: [{ name: 'shop.example.', type: 2, TTL: 3600, data: 'a1-1.akam.net.' }],
};

describe('createDnsResolver', () => {
  it('without Firefox dns and with DoH off, looks nothing up', async () => {
    const { doFetch, calls } = createDohFetch({});
    const resolver = createDnsResolver({
      isDohEnabled: async () => false,
      now: () => T0,
      fetch: doFetch,
      dns: null,
    });
    expect(await resolver.resolve('www.shop.example')).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('with DoH on, asks for the host (A) and its domain (NS), and caches by TTL', async () => {
    const { doFetch, calls } = createDohFetch({
      'www.shop.example A': A_ANSWER,
      'shop.example NS': NS_ANSWER,
    });
    let now = T0;
    const resolver = createDnsResolver({
      isDohEnabled: async () => true,
      now: () => now,
      fetch: doFetch,
      dns: null,
    });
    const expected = {
      cnames: ['shop.example.edgekey.net'],
      ips: ['23.1.2.3'],
      ns: ['a1-1.akam.net'],
      ttl: 60,
    };
    expect(resolver.peek('www.shop.example')).toBeUndefined();
    expect(await resolver.resolve('WWW.shop.example')).toEqual(expected);
    expect(calls).toEqual([
      'https://cloudflare-dns.com/dns-query www.shop.example A application/dns-json omit',
      'https://cloudflare-dns.com/dns-query shop.example NS application/dns-json omit',
    ]);
    expect(resolver.peek('www.shop.example')).toEqual(expected);
    await resolver.resolve('www.shop.example');
    expect(calls).toHaveLength(2);
    now = T0 + 60_000;
    expect(resolver.peek('www.shop.example')).toBeUndefined();
    await resolver.resolve('www.shop.example');
    expect(calls).toHaveLength(4);
  });

  it('asks once for concurrent lookups of one name', async () => {
    const { doFetch, calls } = createDohFetch({
      'www.shop.example A': A_ANSWER,
      'shop.example NS': NS_ANSWER,
    });
    const resolver = createDnsResolver({
      isDohEnabled: async () => true,
      now: () => T0,
      fetch: doFetch,
      dns: null,
    });
    await Promise.all([resolver.resolve('www.shop.example'), resolver.resolve('www.shop.example')]);
    expect(calls).toHaveLength(2);
  });

  it('uses Firefox dns.resolve when present, and DoH only for nameservers when on', async () => {
    const asked: string[] = [];
    const dns: FirefoxDns = {
      async resolve(host, flags) {
        asked.push(`${host} ${flags?.join(',')}`);
        return { addresses: ['23.1.2.3'], canonicalName: 'shop.example.edgekey.net' };
      },
    };
    const { doFetch, calls } = createDohFetch({ 'shop.example NS': NS_ANSWER });
    const off = createDnsResolver({ isDohEnabled: async () => false, now: () => T0, fetch: doFetch, dns });
    expect(await off.resolve('www.shop.example')).toEqual({
      cnames: ['shop.example.edgekey.net'],
      ips: ['23.1.2.3'],
      ns: [],
      ttl: 300,
    });
    expect(asked).toEqual(['www.shop.example canonical_name']);
    expect(calls).toEqual([]);
    const on = createDnsResolver({ isDohEnabled: async () => true, now: () => T0, fetch: doFetch, dns });
    expect((await on.resolve('www.shop.example'))?.ns).toEqual(['a1-1.akam.net']);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['a resolver error (SERVFAIL)', { 'www.shop.example A': { Status: 2 } }, /SERVFAIL/],
    ['an HTTP error', {}, /DoH HTTP 502/],
  ])('%s gives no answer, is reported and not cached', async (_label, answers, reason) => {
    const { doFetch, calls } = createDohFetch(answers);
    const errors: string[] = [];
    const resolver = createDnsResolver({
      isDohEnabled: async () => true,
      now: () => T0,
      fetch: doFetch,
      dns: null,
      onError: (host, why) => errors.push(`${host}: ${why}`),
    });
    expect(await resolver.resolve('www.shop.example')).toBeUndefined();
    expect(errors[0]).toMatch(reason);
    await resolver.resolve('www.shop.example');
    expect(calls).toHaveLength(2);
  });

  it.each(['10.0.0.1', '', 'not a host'])('does not look up %j', async (host) => {
    const { doFetch, calls } = createDohFetch({});
    const resolver = createDnsResolver({
      isDohEnabled: async () => true,
      now: () => T0,
      fetch: doFetch,
      dns: null,
    });
    expect(await resolver.resolve(host)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
