import { describe, expect, it } from 'vitest';
import { isAddressJudgedHost, isCaptivePortalAnswer } from '../captive-portal';
import { isPrivateAddress } from '../private-address';

const ADDRESSES: ReadonlyArray<readonly [string, boolean]> = [
  ['10.0.0.1', true],
  ['10.255.255.255', true],
  ['172.16.0.1', true],
  ['172.31.255.255', true],
  ['172.15.255.255', false],
  ['172.32.0.1', false],
  ['192.168.1.1', true],
  ['192.169.0.1', false],
  ['100.64.0.1', true],
  ['100.127.255.255', true],
  ['100.63.255.255', false],
  ['100.128.0.0', false],
  ['127.0.0.1', true],
  ['127.8.9.10', true],
  ['169.254.1.1', true],
  ['0.0.0.0', true],
  ['8.8.8.8', false],
  ['3.80.1.10', false],
  ['::1', true],
  ['::', true],
  ['[::1]', true],
  ['fc00::1', true],
  ['fd12:3456:789a::1', true],
  ['fe80::1', true],
  ['fe80::1%eth0', true],
  ['febf::1', true],
  ['fec0::1', false],
  ['::ffff:10.0.0.1', true],
  ['::ffff:192.168.0.1', true],
  ['::ffff:a00:1', true],
  ['::ffff:8.8.8.8', false],
  ['2001:4860:4860::8888', false],
  ['2606:4700::6810:84e5', false],
  ['0:0:0:0:0:0:0:1', true],
  // Not addresses at all.
  ['', false],
  ['localhost', false],
  ['10.0.0', false],
  ['10.0.0.256', false],
  ['10.0.0.1.2', false],
  ['1::2::3', false],
  ['fe80::g', false],
  ['1:2:3:4:5:6:7:8:9', false],
];

describe('isPrivateAddress', () => {
  it.each(ADDRESSES)('%j → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});

describe('isAddressJudgedHost', () => {
  it.each([
    ['www.shop.example.com', true],
    ['news.co.uk', true],
    ['shop.test', false],
    ['www.shop.test', false],
    ['shop.example', false],
    ['nx.invalid', false],
    ['app.localhost', false],
    ['printer.local', false],
    ['nas.home.arpa', false],
    ['localhost', false],
    ['intranet', false],
    ['127.0.0.1', false],
    ['::1', false],
    ['10.0.0.1', false],
    ['', false],
  ] as const)('%j → %s', (host, expected) => {
    expect(isAddressJudgedHost(host)).toBe(expected);
  });
});

describe('isCaptivePortalAnswer', () => {
  it.each([
    ['news.com', '192.168.1.1', true],
    ['news.com', '10.0.0.1', true],
    ['news.com', '::ffff:172.16.0.1', true],
    ['news.com', '93.184.216.34', false],
    ['news.com', undefined, false],
    // Loopback answers for reserved test names are how e2e runs: never `local`.
    ['shop.test', '127.0.0.1', false],
    ['api.shop.example', '127.0.0.1', false],
    ['127.0.0.1', '127.0.0.1', false],
    ['localhost', '::1', false],
  ] as const)('%j answered from %j → %s', (host, ip, expected) => {
    expect(isCaptivePortalAnswer(host, ip)).toBe(expected);
  });
});
