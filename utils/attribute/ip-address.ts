/**
 * Address text → numbers without allocating: the hot path of every range-table lookup.
 *
 * IPv4 becomes one unsigned 32-bit number (0..2^32-1, held in a JS number, never negative).
 * IPv6 becomes four unsigned 32-bit words, most significant first, written into a caller-owned
 * `Uint32Array(4)` so that a lookup can reuse one scratch buffer forever.
 */

/** Sentinel for "not an IPv4 address". */
export const INVALID_IPV4 = -1;

/**
 * Parses dotted-quad IPv4 in `text[from, to)`; returns the address as an unsigned number or -1.
 * Leading zeros are read as decimal (as browsers report addresses, they never carry any).
 * Unrolled per octet (one to three digits, then a dot): no per-character counters on the hot path.
 */
export function parseIpv4Range(text: string, from: number, to: number): number {
  let i = from;
  let value = 0;
  for (let k = 0; k < 4; k++) {
    if (k > 0) {
      if (i >= to || text.charCodeAt(i) !== 46) return INVALID_IPV4;
      i++;
    }
    if (i >= to) return INVALID_IPV4;
    let part = text.charCodeAt(i) - 48;
    if (part < 0 || part > 9) return INVALID_IPV4;
    i++;
    if (i < to) {
      const d2 = text.charCodeAt(i) - 48;
      if (d2 >= 0 && d2 <= 9) {
        part = part * 10 + d2;
        i++;
        if (i < to) {
          const d3 = text.charCodeAt(i) - 48;
          if (d3 >= 0 && d3 <= 9) {
            part = part * 10 + d3;
            i++;
            if (part > 255) return INVALID_IPV4;
          }
        }
      }
    }
    value = value * 256 + part;
  }
  return i === to ? value : INVALID_IPV4;
}

export function parseIpv4(text: string): number {
  return parseIpv4Range(text, 0, text.length);
}

/** ASCII code → hex digit value, -1 for anything else. */
const HEX = Int8Array.from({ length: 128 }, (_, c) =>
  c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1,
);

// The eight 16-bit groups as read, in order; groups after "::" are moved to the end afterwards. Module scratch,
// reused by every call, so parsing allocates nothing.
const GROUPS = new Uint16Array(8);

/**
 * Parses IPv6 text (with "::", an embedded dotted quad, or a "%zone" suffix) into `out[0..3]`.
 * Returns false, leaving `out` unspecified, when the text is not an IPv6 address.
 * A full eight-group address, the common case for server addresses, is packed straight from the groups.
 */
export function parseIpv6(text: string, out: Uint32Array): boolean {
  const end = text.length;
  if (end >= 2 && text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    // "::" first: the gap stands before every group; "::%zone" has none after it.
    return parseIpv6Groups(text, out, end > 2 && text.charCodeAt(2) === 37 ? end : 2, 0, 0);
  }
  return parseIpv6Groups(text, out, 0, 0, -1);
}

/**
 * parseIpv6 for text whose first group, `first`, was already read (peekAddress) and ends at `at` with a colon:
 * the lookup's hot path then reads those characters once (~6% of an IPv6 lookup).
 */
export function parseIpv6After(text: string, first: number, at: number, out: Uint32Array): boolean {
  const end = text.length;
  GROUPS[0] = first;
  let i = at + 1;
  if (i === end) return false; // trailing single colon
  if (text.charCodeAt(i) !== 58) return parseIpv6Groups(text, out, i, 1, -1);
  i++;
  // "x::" or "x::%zone": nothing after the gap.
  return parseIpv6Groups(text, out, i < end && text.charCodeAt(i) === 37 ? end : i, 1, 1);
}

/**
 * The groups from `i` (a group start, or the end) on, after `count` groups already in GROUPS and with the "::"
 * gap at `gap` (-1 = not seen yet); then the eight groups packed into `out`.
 */
function parseIpv6Groups(text: string, out: Uint32Array, i: number, count: number, gap: number): boolean {
  const end = text.length;
  while (i < end) {
    const groupStart = i;
    let v = 0;
    let c = 0;
    while (i < end) {
      c = text.charCodeAt(i);
      const h = c < 128 ? HEX[c]! : -1;
      if (h < 0) break;
      v = (v << 4) | h;
      i++;
    }
    const digits = i - groupStart;
    if (i < end && c === 46) {
      // Embedded IPv4 in the last 32 bits (::ffff:1.2.3.4), up to a zone if any.
      let stop = groupStart;
      while (stop < end && text.charCodeAt(stop) !== 37) stop++;
      const v4 = parseIpv4Range(text, groupStart, stop);
      if (v4 < 0 || count > 6) return false;
      GROUPS[count++] = v4 >>> 16;
      GROUPS[count++] = v4 & 0xffff;
      break;
    }
    if (digits === 0 || digits > 4 || count >= 8) return false;
    GROUPS[count++] = v;
    if (i === end || c === 37) break; // end, or a "%zone" suffix
    if (c !== 58) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
      if (i < end && text.charCodeAt(i) === 37) break; // "fe80::%eth0"
    } else if (i === end) {
      return false; // trailing single colon
    }
  }
  if (gap < 0) {
    if (count !== 8) return false;
    out[0] = GROUPS[0]! * 65536 + GROUPS[1]!;
    out[1] = GROUPS[2]! * 65536 + GROUPS[3]!;
    out[2] = GROUPS[4]! * 65536 + GROUPS[5]!;
    out[3] = GROUPS[6]! * 65536 + GROUPS[7]!;
    return true;
  }
  if (count > 7) return false;
  // Move the groups after "::" to the end and zero the gap, back to front so nothing is overwritten early.
  const tail = count - gap;
  for (let g = 7; g >= 8 - tail; g--) GROUPS[g] = GROUPS[g - (8 - count)]!;
  for (let g = gap; g < 8 - tail; g++) GROUPS[g] = 0;
  out[0] = GROUPS[0]! * 65536 + GROUPS[1]!;
  out[1] = GROUPS[2]! * 65536 + GROUPS[3]!;
  out[2] = GROUPS[4]! * 65536 + GROUPS[5]!;
  out[3] = GROUPS[6]! * 65536 + GROUPS[7]!;
  return true;
}

/**
 * The top 16 bits of an address from its first characters only: 0..65535 for IPv4 text, 65536 + the first
 * group for IPv6 text, or -1 when the start does not tell (neither form, or an IPv6 first group of 0, which may
 * be IPv4-mapped). Lets a lookup answer "no provider" for a vacant /16 without parsing the rest: a string that is
 * not an address gets null anyway.
 */
export function peekTop16(text: string): number {
  const peek = peekAddress(text);
  return peek < 0 ? -1 : peek & PEEK_TOP_MASK;
}

/** Bits of a peekAddress answer that hold the top 16 bits (as peekTop16 gives them). */
export const PEEK_TOP_MASK = 0x1ffff;

/**
 * peekTop16 plus, for IPv6 text, where the first group ends: `top | (colon index << 17)`, or -1. The colon index
 * (1..4) lets parseIpv6After go on from there instead of reading the first group again.
 */
export function peekAddress(text: string): number {
  const end = text.length;
  let i = 0;
  let a = 0;
  let digits = 0;
  let hex = 0;
  let hexDigits = 0;
  // Read one run of characters valid as a decimal octet and/or a hex group, then decide by the separator.
  for (; i < end && i < 5; i++) {
    const c = text.charCodeAt(i);
    const h = c < 128 ? HEX[c]! : -1;
    if (h < 0) break;
    if (c <= 57) {
      a = a * 10 + h;
      digits++;
    } else digits = 9; // a hex letter: not an IPv4 octet
    hex = hex * 16 + h;
    hexDigits++;
  }
  const sep = i < end ? text.charCodeAt(i) : 0;
  if (sep === 58) return hexDigits >= 1 && hexDigits <= 4 && hex !== 0 ? (65536 + hex) | (i << 17) : -1;
  if (sep !== 46 || digits < 1 || digits > 3 || a > 255) return -1;
  let b = 0;
  let bDigits = 0;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    b = b * 10 + (c - 48);
    if (++bDigits > 3) return -1;
  }
  if (bDigits === 0 || b > 255 || i >= end || text.charCodeAt(i) !== 46) return -1;
  return a * 256 + b;
}
