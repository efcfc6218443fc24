import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Bit-at-a-time CRC-32: slow, independent of the sliced tables. */
function referenceCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('%j → %i', (text, value) => {
    expect(crc32(bytes(text))).toBe(value);
  });

  it('honours from/to', () => {
    expect(crc32(bytes('xx123456789yy'), 2, 11)).toBe(0xcbf43926);
  });

  it('agrees with a bitwise CRC for any length, range and buffer alignment (word path and byte path)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 0, max: 7 }),
        fc.nat(),
        fc.nat(),
        (data, shift, a, b) => {
          // Place the data at `shift` bytes into a fresh buffer, so the view starts unaligned as often as not.
          const backing = new Uint8Array(data.length + shift);
          backing.set(data, shift);
          const view = backing.subarray(shift);
          const from = data.length === 0 ? 0 : a % (data.length + 1);
          const to = from + (data.length === 0 ? 0 : b % (data.length - from + 1));
          expect(crc32(view, from, to)).toBe(referenceCrc32(data.subarray(from, to)));
          expect(crc32(view)).toBe(referenceCrc32(data));
        },
      ),
      { numRuns: 500 },
    );
  });
});
