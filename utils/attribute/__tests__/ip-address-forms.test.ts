/**
 * The address parsers against independent oracles on every textual form, so the hand-tuned hot paths in
 * ip-address.ts can change without changing what they accept: IPv4 against a regular expression, IPv6 against
 * Node's own `net.isIPv6` (validity) and against the groups the text was rendered from (value).
 */
import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIpv4, parseIpv6 } from '../ip-address';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 1000) };

function referenceIpv4(text: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return -1;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.reduce((acc, p) => acc * 256 + p, 0) : -1;
}

describe('parseIpv4 vs a regular-expression reference', () => {
  it('reads every octet with or without leading zeros', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 4,
          maxLength: 4,
        }),
        (octets) => {
          const text = octets
            .map(([o, pad]) => String(o).padStart(Math.min(3, String(o).length + pad), '0'))
            .join('.');
          expect(parseIpv4(text)).toBe(octets.reduce((acc, [o]) => acc * 256 + o, 0));
        },
      ),
      RUNS,
    );
  });

  it('accepts exactly what the reference accepts, for strings of digits and dots', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.'), maxLength: 18 }), (text) => {
        expect(parseIpv4(text)).toBe(referenceIpv4(text));
      }),
      RUNS,
    );
  });
});

const groupArb = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));

/** Renders eight groups in one of the textual forms RFC 4291 allows, with random case and zero padding. */
const renderedArb = fc
  .record({
    groups: fc.array(groupArb, { minLength: 8, maxLength: 8 }),
    pads: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    gapAt: fc.integer({ min: 0, max: 8 }),
    gapLen: fc.integer({ min: 0, max: 8 }),
    dotted: fc.boolean(),
    zone: fc.boolean(),
  })
  .map(({ groups, pads, upper, gapAt, gapLen, dotted, zone }) => {
    const g = [...groups];
    const len = Math.min(gapLen, 8 - gapAt);
    for (let k = gapAt; k < gapAt + len; k++) g[k] = 0;
    const hex = (k: number) => {
      const h = g[k]!.toString(16).padStart(Math.min(4, g[k]!.toString(16).length + pads[k]!), '0');
      return upper[k] ? h.toUpperCase() : h;
    };
    const useDotted = dotted && (len === 0 || gapAt + len <= 6);
    const last = useDotted ? 6 : 8;
    const labels = Array.from({ length: last }, (_, k) => hex(k));
    if (useDotted) labels.push(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
    let text: string;
    if (len > 0 && gapAt + len <= last) {
      text = `${labels.slice(0, gapAt).join(':')}::${labels.slice(gapAt + len).join(':')}`;
    } else {
      text = labels.join(':');
    }
    const words = [0, 2, 4, 6].map((k) => g[k]! * 65536 + g[k + 1]!);
    return { text: zone ? `${text}%eth0` : text, words };
  });

describe('parseIpv6 vs independent oracles', () => {
  const parse = (text: string): number[] | null => {
    const out = new Uint32Array(4);
    return parseIpv6(text, out) ? [...out] : null;
  };

  it('reads every rendering back to the groups it came from', () => {
    fc.assert(
      fc.property(renderedArb, ({ text, words }) => {
        expect(parse(text)).toEqual(words);
      }),
      RUNS,
    );
  });

  it("accepts exactly what Node's net.isIPv6 accepts, for near-miss edits of valid addresses", () => {
    const edited = fc
      .tuple(
        renderedArb,
        fc.nat(),
        fc.constantFrom('delete', 'insert', 'replace'),
        fc.constantFrom(...'0fF:9a'),
      )
      .map(([{ text }, at, op, ch]) => {
        // Edit the address part only; a zone, when present, stays after it.
        const plain = text.replace(/%eth0$/, '');
        const zone = text.slice(plain.length);
        const i = at % (plain.length + 1);
        if (op === 'delete') return plain.slice(0, i) + plain.slice(i + 1) + zone;
        if (op === 'insert') return plain.slice(0, i) + ch + plain.slice(i) + zone;
        return plain.slice(0, i) + ch + plain.slice(i + 1) + zone;
      })
      .filter((text) => !text.includes('.'));
    fc.assert(
      fc.property(edited, (text) => {
        expect(parse(text) !== null).toBe(isIPv6(text));
      }),
      RUNS,
    );
  });
});
