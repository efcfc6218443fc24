/**
 * "when" in words for the popup: 'now', '40 seconds ago', '3 minutes ago', 'yesterday'.
 * Pure: the caller passes `now`, so the same input always gives the same words.
 */
const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

// Largest unit first: each step is [unit, its length in ms].
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

export function formatRelativeTime(time: number, now: number): string {
  const elapsed = Math.max(0, now - time);
  if (elapsed < 5_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return formatter.format(-Math.floor(elapsed / size), unit);
  }
  return 'just now';
}
