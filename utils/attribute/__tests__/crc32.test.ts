import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';

const bytes = (s: string) => new TextEncoder().encode(s);

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
});
