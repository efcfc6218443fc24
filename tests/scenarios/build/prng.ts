/**
 * Seeded pseudo-random helpers for the scenario generator, on the project's one seeded generator, so that the
 * same seed always yields byte-identical scenario files. Never seeded from the clock.
 */
import { createRandom } from '../../../utils/random/seeded-random';

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
  /** n lower-case hex digits. */
  hex(n: number): string;
}

export function createRng(seed: number): Rng {
  const next = createRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (p) => next() < p,
    hex: (n) => {
      let out = '';
      for (let i = 0; i < n; i++) out += int(0, 15).toString(16);
      return out;
    },
  };
}

/** A stable 32-bit seed from a scenario id (FNV-1a), so each scenario has its own stream. */
export function getSeed(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
