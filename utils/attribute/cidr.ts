/**
 * CIDR text ↔ (family, words, prefix length), used when compiling feeds (not on the lookup path).
 * An address is an array of unsigned 32-bit words, most significant first: one word for IPv4,
 * four for IPv6. Host bits set in the text are cleared (the network is what the feed means).
 */
import { parseIpv4Range, parseIpv6 } from './ip-address';

export interface Cidr {
  family: 4 | 6;
  words: number[];
  len: number;
}

const scratch = new Uint32Array(4);

/**
 * IPv4 CIDR → one number, network address × 64 + length (host bits cleared), or -1 when the text is not IPv4 CIDR.
 * Allocation-free fast path for compiling ~100k IPv4 prefixes; parseCidr gives the same answer, boxed.
 */
export function parseCidr4Key(text: string): number {
  const slash = text.indexOf('/');
  const addrEnd = slash < 0 ? text.length : slash;
  let len = 32;
  if (slash >= 0) {
    const digits = text.length - slash - 1;
    if (digits < 1 || digits > 2) return -1;
    len = 0;
    for (let i = slash + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
      len = len * 10 + (c - 48);
    }
    if (len > 32) return -1;
  }
  const v4 = parseIpv4Range(text, 0, addrEnd);
  if (v4 < 0) return -1;
  return maskWord(v4, len) * 64 + len;
}

/** Parses "a.b.c.d/n" or "x:y::/n"; a bare address counts as a host prefix (/32 or /128). Null when invalid. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addrEnd = slash < 0 ? text.length : slash;
  let len = -1;
  if (slash >= 0) {
    if (text.length - slash - 1 < 1 || text.length - slash - 1 > 3) return null;
    len = 0;
    for (let i = slash + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      len = len * 10 + (c - 48);
    }
  }
  const v4 = parseIpv4Range(text, 0, addrEnd);
  if (v4 >= 0) {
    if (len < 0) len = 32;
    if (len > 32) return null;
    return { family: 4, words: [maskWord(v4, len)], len };
  }
  const addr = text.slice(0, addrEnd);
  if (!addr.includes(':') || addr.includes('%') || !parseIpv6(addr, scratch)) return null;
  if (len < 0) len = 128;
  if (len > 128) return null;
  const bits = len;
  const words = Array.from(scratch, (w, i) => maskWord(w, bits - i * 32));
  return { family: 6, words, len };
}

/** Keeps the top `bits` bits of a 32-bit word (bits ≤ 0 clears it, ≥ 32 keeps it). */
function maskWord(word: number, bits: number): number {
  if (bits >= 32) return word;
  if (bits <= 0) return 0;
  const size = 2 ** (32 - bits);
  return word - (word % size);
}

/** Canonical text of a prefix: dotted quad, or RFC 5952 IPv6 (lower-case, longest zero run as "::"). */
export function formatCidr(family: 4 | 6, words: ArrayLike<number>, len: number): string {
  return `${formatAddress(family, words)}/${len}`;
}

export function formatAddress(family: 4 | 6, words: ArrayLike<number>): string {
  if (family === 4) {
    const w = words[0]!;
    return `${Math.floor(w / 16777216)}.${Math.floor(w / 65536) % 256}.${Math.floor(w / 256) % 256}.${w % 256}`;
  }
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) groups.push(Math.floor(words[i]! / 65536), words[i]! % 65536);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
