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
 */
export function parseIpv4Range(text: string, from: number, to: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return INVALID_IPV4;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return INVALID_IPV4;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else {
      return INVALID_IPV4;
    }
  }
  if (dots !== 3 || digits === 0) return INVALID_IPV4;
  return value * 256 + part;
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
 */
export function parseIpv6(text: string, out: Uint32Array): boolean {
  const end = text.length;
  let count = 0;
  let gap = -1; // index in GROUPS where "::" stands, -1 until seen
  let i = 0;
  let c = 0;
  if (end >= 2 && text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
  }
  while (i < end) {
    const groupStart = i;
    let v = 0;
    let d = 0;
    c = 0;
    while (i < end) {
      c = text.charCodeAt(i);
      const h = c < 128 ? HEX[c]! : -1;
      if (h < 0) break;
      v = (v << 4) | h;
      d++;
      i++;
    }
    if (i < end && c === 46) {
      // Embedded IPv4 in the last 32 bits (::ffff:1.2.3.4), up to a zone if any.
      let stop = groupStart;
      while (stop < end && text.charCodeAt(stop) !== 37) stop++;
      const v4 = parseIpv4Range(text, groupStart, stop);
      if (v4 < 0 || count > 6) return false;
      GROUPS[count++] = Math.floor(v4 / 65536);
      GROUPS[count++] = v4 % 65536;
      break;
    }
    if (d === 0 || d > 4 || count >= 8) return false;
    GROUPS[count++] = v;
    if (i === end || c === 37) break; // end, or a "%zone" suffix
    if (c !== 58) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === end) {
      return false; // trailing single colon
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  const head = gap < 0 ? count : gap;
  const tail = count - head;
  for (let g = 0; g < 8; g += 2) {
    const a = g < head ? GROUPS[g]! : g >= 8 - tail ? GROUPS[head + g - (8 - tail)]! : 0;
    const b = g + 1 < head ? GROUPS[g + 1]! : g + 1 >= 8 - tail ? GROUPS[head + g + 1 - (8 - tail)]! : 0;
    out[g >> 1] = a * 65536 + b;
  }
  return true;
}
