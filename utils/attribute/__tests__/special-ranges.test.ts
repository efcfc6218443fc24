import { describe, expect, it } from 'vitest';
import { getSpecialPurposeBlock } from '../special-ranges';

describe('getSpecialPurposeBlock', () => {
  it.each([
    ['192.0.2.0/24', '192.0.2.0/24'],
    ['10.20.0.0/16', '10.0.0.0/8'],
    ['172.31.255.255/32', '172.16.0.0/12'],
    ['2002::/16', '2002::/16'],
    ['2002:abcd::/32', '2002::/16'],
    ['2001:db8:1::/48', '2001:db8::/32'],
    ['2001:10::/28', '2001::/23'],
    ['3.80.0.0/12', null],
    ['172.32.0.0/16', null],
    ['2001:19f0::/38', null],
    ['8.0.0.0/7', null],
    ['not a cidr', null],
  ])('%s → %s', (cidr, block) => {
    expect(getSpecialPurposeBlock(cidr)).toBe(block);
  });
});
