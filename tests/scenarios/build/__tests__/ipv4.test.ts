import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, isInCidr4, parseCidr4, parseIpv4, pickIpv4 } from '../ipv4';
import { createRng } from '../prng';

describe('ipv4', () => {
  it.each([
    ['3.80.1.10', 3 * 2 ** 24 + 80 * 2 ** 16 + 1 * 2 ** 8 + 10],
    ['0.0.0.0', 0],
    ['255.255.255.255', 2 ** 32 - 1],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['1.2.3.x', null],
    ['2606:4700::1', null],
  ])('should parse %s as %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });

  it.each([
    ['104.16.0.0/13', '104.23.255.255', true],
    ['104.16.0.0/13', '104.24.0.0', false],
    ['185.199.108.153/32', '185.199.108.153', true],
    ['185.199.108.153/32', '185.199.108.154', false],
    ['3.80.7.9/12', '3.95.0.1', true],
  ])('should say whether %s holds %s', (cidr, ip, inside) => {
    expect(isInCidr4(parseIpv4(ip)!, parseCidr4(cidr)!)).toBe(inside);
  });

  it.each(['10.0.0.0/33', '10.0.0/8', 'x/8', '10.0.0.0/'])('should reject the bad prefix %s', (text) => {
    expect(parseCidr4(text)).toBeNull();
  });

  it('should round-trip every address through format and parse', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => formatIpv4(parseIpv4(ip)!) === ip));
  });

  it('should pick addresses inside the prefix and never its network or broadcast address', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 8, max: 30 }), fc.integer(), (ip, bits, seed) => {
        const cidrText = `${ip}/${bits}`;
        const cidr = parseCidr4(cidrText)!;
        const picked = parseIpv4(pickIpv4(cidrText, createRng(seed)))!;
        const last = cidr.base + 2 ** (32 - bits) - 1;
        return isInCidr4(picked, cidr) && picked !== cidr.base && picked !== last;
      }),
    );
  });
});
