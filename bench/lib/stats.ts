/** Order statistics for benchmark figures: nearest-rank, no interpolation, so a figure is always a measured value. */

/** The value at fraction `q` of an ascending list (q = 0.5 → upper median). NaN for an empty list. */
export function getQuantile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Median of an unsorted list (the list itself is left as it is). */
export function getMedian(xs: readonly number[]): number {
  return getQuantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}
