import { describe, expect, it } from 'vitest';
import { buildDohRequest, DEFAULT_NEGATIVE_TTL, isDnsName, mergeDnsAnswers, parseDohAnswer } from '../doh';

describe('buildDohRequest', () => {
  it.each([
    [
      'cloudflare',
      'api.Shop.example.',
      'A',
      'https://cloudflare-dns.com/dns-query?name=api.shop.example&type=A',
    ],
    ['google', 'shop.example', 'NS', 'https://dns.google/resolve?name=shop.example&type=NS'],
    [
      'cloudflare',
      '_dmarc.shop.example',
      'CNAME',
      'https://cloudflare-dns.com/dns-query?name=_dmarc.shop.example&type=CNAME',
    ],
  ] as const)('%s %s %s', (provider, name, type, url) => {
    expect(buildDohRequest(name, type, provider)).toEqual({
      url,
      headers: { accept: 'application/dns-json' },
    });
  });

  it.each([
    '',
    '10.0.0.1',
    'https://shop.example/',
    'a b.example',
    'shop..example',
    `${'a'.repeat(64)}.example`,
    'x&type=NS',
  ])('refuses %j', (name) => {
    expect(isDnsName(name)).toBe(false);
    expect(() => buildDohRequest(name, 'A')).toThrow(RangeError);
  });
});

// Shapes as Google and Cloudflare return them (fingerprints.md §1.5).
const GOOD = {
  Status: 0,
  TC: false,
  RD: true,
  RA: true,
  Question: [{ name: 'www.shop.example.', type: 1 }],
  Answer: [
    { name: 'www.shop.example.', type: 5, TTL: 300, data: 'shop.example.cdn.cloudflare.net.' },
    { name: 'shop.example.cdn.cloudflare.net.', type: 1, TTL: 120, data: '104.16.1.1' },
    { name: 'shop.example.cdn.cloudflare.net.', type: 28, TTL: 240, data: '2606:4700::6810:101' },
  ],
};

const NXDOMAIN = {
  Status: 3,
  TC: false,
  Question: [{ name: 'nope.example.', type: 1 }],
  Authority: [
    { name: 'example.', type: 6, TTL: 900, data: 'ns.example. hostmaster.example. 1 7200 3600 1209600 900' },
  ],
};

describe('parseDohAnswer', () => {
  it('reads the CNAME chain, the addresses and the shortest TTL', () => {
    expect(parseDohAnswer(GOOD)).toEqual({
      ok: true,
      answer: {
        cnames: ['shop.example.cdn.cloudflare.net'],
        ips: ['104.16.1.1', '2606:4700::6810:101'],
        ns: [],
        ttl: 120,
      },
    });
  });

  it('reads nameservers', () => {
    const ns = {
      Status: 0,
      Answer: [
        { name: 'shop.example.', type: 2, TTL: 3600, data: 'NS-1.awsdns-01.com.' },
        { name: 'shop.example.', type: 2, TTL: 1800, data: 'ns-2.awsdns-02.net.' },
      ],
    };
    expect(parseDohAnswer(ns)).toEqual({
      ok: true,
      answer: { cnames: [], ips: [], ns: ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'], ttl: 1800 },
    });
  });

  it('NXDOMAIN (Status 3) is an empty answer cached for the SOA TTL', () => {
    expect(parseDohAnswer(NXDOMAIN)).toEqual({
      ok: true,
      answer: { cnames: [], ips: [], ns: [], ttl: 900, nxdomain: true },
    });
    const noSoa = parseDohAnswer({ Status: 3 });
    expect(noSoa.ok && noSoa.answer.ttl).toBe(DEFAULT_NEGATIVE_TTL);
  });

  it.each([
    ['null', null, /not a JSON object/],
    ['a list', [GOOD], /not a JSON object/],
    ['a string', 'Status: 0', /not a JSON object/],
    ['no Status', { Answer: GOOD.Answer }, /no numeric Status/],
    ['Status as text', { Status: '0' }, /no numeric Status/],
    ['SERVFAIL', { Status: 2 }, /SERVFAIL/],
    ['REFUSED', { Status: 5 }, /RCODE 5/],
    ['truncated', { ...GOOD, TC: true }, /truncated/],
    ['Answer not a list', { Status: 0, Answer: { type: 1 } }, /Answer is not a list/],
    ['Authority not a list', { Status: 3, Authority: 'soa' }, /Authority is not a list/],
  ])('ignores a malformed answer (%s) with a reason', (_label, json, reason) => {
    const r = parseDohAnswer(json);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });

  it('skips records that are not well formed and keeps the rest', () => {
    const r = parseDohAnswer({
      Status: 0,
      Answer: [
        null,
        { type: 1, TTL: 60 },
        { type: 1, TTL: -5, data: '192.0.2.9' },
        { type: 1, TTL: 60, data: 'not-an-ip' },
        { type: 5, TTL: 60, data: 'bad name!' },
        { type: 16, TTL: 10, data: '"v=spf1"' },
        { type: 1, TTL: 60, data: '192.0.2.1' },
      ],
    });
    expect(r).toEqual({ ok: true, answer: { cnames: [], ips: ['192.0.2.1'], ns: [], ttl: 60 } });
  });
});

describe('mergeDnsAnswers', () => {
  it('joins lists without repeats and keeps the shortest TTL', () => {
    const merged = mergeDnsAnswers([
      { cnames: ['a.cdn.example'], ips: ['192.0.2.1'], ns: [], ttl: 300 },
      { cnames: [], ips: ['192.0.2.1'], ns: ['ns1.dns.example'], ttl: 60 },
    ]);
    expect(merged).toEqual({
      cnames: ['a.cdn.example'],
      ips: ['192.0.2.1'],
      ns: ['ns1.dns.example'],
      ttl: 60,
    });
  });
});
