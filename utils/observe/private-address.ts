import { INVALID_IPV4, parseIpv4, parseIpv6 } from '../attribute/ip-address';

/**
 * Is an ip address one that no public web server answers from?
 *
 * Layout: `PRIVATE_V4` lists [network, prefix length] pairs with the network as a 32-bit unsigned
 * number. IPv6 is parsed (by the range table's parser) into four 32-bit words, most significant
 * first, and checked by prefix. IPv4-mapped IPv6 (`::ffff:a.b.c.d`, `::ffff:7f00:1`) is judged by
 * its IPv4 part.
 */
const PRIVATE_V4: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10.0.0.0/8 RFC 1918
  [0x64400000, 10], // 100.64.0.0/10 carrier-grade NAT (RFC 6598)
  [0x7f000000, 8], // 127.0.0.0/8 loopback
  [0xa9fe0000, 16], // 169.254.0.0/16 link-local
  [0xac100000, 12], // 172.16.0.0/12 RFC 1918
  [0xc0a80000, 16], // 192.168.0.0/16 RFC 1918
];

function isPrivateV4(value: number): boolean {
  return PRIVATE_V4.some(
    ([network, bits]) => Math.floor(value / 2 ** (32 - bits)) === network / 2 ** (32 - bits),
  );
}

function isPrivateV6(words: Uint32Array): boolean {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0] = words;
  const top16 = Math.floor(w0 / 0x10000);
  if (w0 === 0 && w1 === 0 && w2 === 0 && (w3 === 0 || w3 === 1)) return true; // :: and ::1
  if (w0 === 0 && w1 === 0 && w2 === 0xffff) return isPrivateV4(w3); // IPv4-mapped
  if ((top16 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((top16 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  return false;
}

/** `[::1]` and `::1` are the same address; browsers report both forms. */
function unbracket(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}

/** Whether the text is an IPv4 or IPv6 literal (brackets and a zone id allowed). */
export function isIpLiteral(text: string): boolean {
  const address = unbracket(text.trim());
  return parseIpv4(address) !== INVALID_IPV4 || parseIpv6(address, new Uint32Array(4));
}

/**
 * True for loopback, RFC 1918, carrier-grade NAT, link-local, unspecified, IPv6 ULA/link-local/loopback
 * and IPv4-mapped forms of those. Anything that does not parse as an address is not private.
 */
export function isPrivateAddress(ip: string): boolean {
  if (typeof ip !== 'string') return false;
  const address = unbracket(ip.trim());
  const v4 = parseIpv4(address);
  if (v4 !== INVALID_IPV4) return isPrivateV4(v4);
  const words = new Uint32Array(4);
  return parseIpv6(address, words) && isPrivateV6(words);
}
