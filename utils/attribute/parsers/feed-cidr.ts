/**
 * What a provider feed may list as one prefix: stricter than cidr.ts, which also reads user input and our own data.
 * A feed entry must be `<address>/<length>` with an explicit length, no leading zeros, the family its list promises,
 * no host bits set, and no broader than MIN_PREFIX_LEN. None of the real files (2024–2026 copies, SOURCES.md)
 * breaks any of these rules, so a break means a corrupt, truncated or hand-edited download.
 *
 * These rules are also what makes a cut inside the last line of a plain list (Cloudflare, Akamai: published with no
 * final newline) detectable: a cut before the `/` leaves no length; a cut inside the length leaves `/1`–`/3`
 * (IPv4, lengths have at most two digits) or `/1`–`/12` (IPv6), all broader than the bounds below.
 */
import { formatCidr, parseCidr, parseCidr4Key } from '../cidr';
import { parseIpv4Range, parseIpv6 } from '../ip-address';

/**
 * Broadest prefix length a feed may list, per family. Broadest real entries: IPv4 /10 (Akamai 104.64.0.0/10, goog.json
 * 34.64.0.0/10), IPv6 /24 (Akamai 2600:1400::/24), plus the 6to4 block 2002::/16 that Vultr's geofeed lists (a
 * special-purpose block, left out later by feeds.ts). /8 is a whole legacy class A, the most one organisation holds;
 * /16 is broader than any RIR allocation to a provider. `0.0.0.0/0`, `128.0.0.0/1` or `::/0` is never a provider's.
 */
export const MIN_PREFIX_LEN: Readonly<Record<4 | 6, number>> = { 4: 8, 6: 16 };

/** The problem of text that is no prefix at all (cidr.ts cannot read it, or its length is malformed). */
export const NOT_A_PREFIX = 'not an IPv4 or IPv6 prefix';

const scratch6 = new Uint32Array(4);

/** Whether an IPv4 octet in `text[0, end)` is written with a leading zero (`010`): octal to some, decimal to others. */
function hasLeadingZeroOctet(text: string, end: number): boolean {
  for (let i = 0; i + 1 < end; i++) {
    if (text.charCodeAt(i) !== 48 || (i > 0 && text.charCodeAt(i - 1) !== 46)) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 48 && next <= 57) return true;
  }
  return false;
}

function getHostBitsProblem(family: 4 | 6, network: number[], len: number): string {
  return `host bits set (the network would be ${formatCidr(family, network, len)})`;
}

/**
 * Why `text` (already trimmed) is not a prefix a feed may list, or null when it is fine. `family` is the one the
 * list promises (AWS `ipv6_prefixes`, `cloudflare-ips-v4.txt`, ...), when it promises one.
 */
export function getFeedCidrProblem(text: string, family?: 4 | 6): string | null {
  const slash = text.indexOf('/');
  // A bare address is a host prefix to cidr.ts, but a feed always writes the length: one missing means a cut line.
  if (slash < 0) return parseCidr(text) === null ? NOT_A_PREFIX : 'no prefix length';
  const digits = text.length - slash - 1;
  // One to three digits, no leading zero: `/08` is as ambiguous as `010`.
  if (digits < 1 || digits > 3 || (digits > 1 && text.charCodeAt(slash + 1) === 48)) return NOT_A_PREFIX;
  // IPv4 through the allocation-free parse first: most entries are IPv4. Any IPv4 text cidr.ts accepts with such
  // a length parses here, so what is left is IPv6 or nothing.
  const key4 = parseCidr4Key(text);
  const cidr = key4 >= 0 ? null : parseCidr(text);
  if (key4 < 0 && cidr === null) return NOT_A_PREFIX;
  const got: 4 | 6 = key4 >= 0 ? 4 : 6;
  if (got === 4 && hasLeadingZeroOctet(text, slash))
    return 'leading zero in an IPv4 octet (octal or decimal?)';
  if (family !== undefined && got !== family) return `an IPv${got} prefix in a list of IPv${family} prefixes`;
  const len = key4 >= 0 ? key4 % 64 : cidr!.len;
  if (len < MIN_PREFIX_LEN[got]) {
    return `too broad (/${len}; no feed lists an IPv${got} prefix shorter than /${MIN_PREFIX_LEN[got]})`;
  }
  // Masking would guess what the provider meant; no real file needs it, so a set host bit marks a corrupt entry.
  if (got === 4) {
    const network = Math.floor(key4 / 64);
    if (parseIpv4Range(text, 0, slash) !== network) return getHostBitsProblem(4, [network], len);
  } else {
    parseIpv6(text.slice(0, slash), scratch6);
    if (cidr!.words.some((w, i) => w !== scratch6[i])) return getHostBitsProblem(6, cidr!.words, len);
  }
  return null;
}
