import { describe, expect, it } from 'vitest';
import { isCidrMapping, parseUserMappings } from '../user-mapping';

describe('user mappings', () => {
  it('keeps valid entries, drops invalid ones with a reason', () => {
    const { mappings, errors } = parseUserMappings([
      { match: '10.1.0.0/16', provider: 'AWS', region: 'us-east-1' },
      { match: 'corp.example', provider: 'azure', region: null, role: 'hosting' },
      { match: '', provider: 'aws', region: null },
      { match: 'x.example', provider: 'not a provider!', region: null },
      'nonsense',
    ]);
    expect(mappings).toEqual([
      { match: '10.1.0.0/16', provider: 'aws', region: 'us-east-1', service: null, role: 'hosting' },
      { match: 'corp.example', provider: 'azure', region: null, service: null, role: 'hosting' },
    ]);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^user mapping 2:/);
  });

  it('rejects a non-list', () => {
    expect(parseUserMappings({}).errors).toEqual(['user mappings: expected a list']);
  });

  it.each([
    ['10.0.0.0/8', true],
    ['10.0.0.1', true],
    ['2001:db8::/32', true],
    ['corp.example', false],
  ])('%s is a CIDR mapping: %s', (match, cidr) => {
    expect(isCidrMapping({ match })).toBe(cidr);
  });
});
