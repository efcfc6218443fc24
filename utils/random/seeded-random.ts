/**
 * Seeded pseudo-random numbers (mulberry32), never seeded from the clock: the benchmarks measure the same address
 * sets every run, tests sample the same addresses, and the scenario generator writes byte-identical files.
 * State: one 32-bit counter; each call returns a float in [0, 1).
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
