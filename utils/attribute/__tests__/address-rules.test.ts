import { describe, expect, it } from 'vitest';
import { ADDRESS_RULES, createAddressMatcher } from '../address-rules';

// ip → [rule id, provider, service]
const CASES: Array<[string, string, string, string | null]> = [
  ['76.76.21.21', 'vercel-apex', 'vercel', null],
  ['216.198.79.1', 'vercel-apex', 'vercel', null],
  ['75.2.60.5', 'netlify-apex', 'netlify', null],
  ['23.227.38.65', 'shopify-apex', 'shopify', null],
  ['185.199.108.153', 'github-pages-apex', 'github', 'pages'],
  ['185.199.111.153', 'github-pages-apex', 'github', 'pages'],
  ['::ffff:76.76.21.21', 'vercel-apex', 'vercel', null],
  [' 75.2.60.5 ', 'netlify-apex', 'netlify', null],
];

describe('ADDRESS_RULES', () => {
  const matcher = createAddressMatcher();

  it.each(CASES)('%s → %s', (ip, id, provider, service) => {
    const rule = matcher.match(ip);
    expect(rule && { id: rule.id, provider: rule.provider, service: rule.service }).toEqual({
      id,
      provider,
      service,
    });
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c[1]));
    expect(ADDRESS_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('gives every rule a source', () => {
    for (const r of ADDRESS_RULES) expect(r.source.length, r.id).toBeGreaterThan(10);
  });

  it.each(['76.76.21.22', '75.2.60.4', '185.199.112.153', '2606:4700::1', 'vercel.app', '76.76.21', ''])(
    '%j matches nothing',
    (ip) => {
      expect(matcher.match(ip)).toBeNull();
    },
  );

  it.each([
    [
      [{ id: 'bad', addresses: ['76.76.21'], provider: 'x', service: null, role: 'hosting', source: 's' }],
      /bad/,
    ],
    [
      [
        { id: 'a', addresses: ['1.2.3.4'], provider: 'x', service: null, role: 'hosting', source: 's' },
        { id: 'b', addresses: ['1.2.3.4'], provider: 'y', service: null, role: 'hosting', source: 's' },
      ],
      /already listed by a/,
    ],
  ] as const)('rejects malformed rule data %#', (rules, message) => {
    expect(() => createAddressMatcher(rules)).toThrow(message);
  });
});
