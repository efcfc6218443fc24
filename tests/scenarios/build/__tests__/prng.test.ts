import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, getSeed } from '../prng';

describe('createRng', () => {
  it('should repeat the same sequence for the same seed and differ for another', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('should keep int() within its inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const n = createRng(seed).int(min, min + span);
          return Number.isInteger(n) && n >= min && n <= min + span;
        },
      ),
    );
  });

  it('should give hex strings of the asked length', () => {
    expect(createRng(1).hex(16)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('should refuse to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow('empty');
  });
});

describe('getSeed', () => {
  it.each([
    ['aws-s3-use1-2017-02-28', 'dyn-ddos-2016-10-21'],
    ['a', 'b'],
  ])('should give %s and %s different seeds', (a, b) => {
    expect(getSeed(a)).not.toBe(getSeed(b));
    expect(getSeed(a)).toBe(getSeed(a));
  });
});
