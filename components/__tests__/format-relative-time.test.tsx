import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../format-relative-time';

const NOW = Date.UTC(2025, 9, 20, 7, 0, 0);

describe('formatRelativeTime', () => {
  it.each([
    { ago: 0, words: 'just now' },
    { ago: 4_999, words: 'just now' },
    { ago: 40_000, words: '40 seconds ago' },
    { ago: 60_000, words: '1 minute ago' },
    { ago: 3 * 60_000 + 59_000, words: '3 minutes ago' },
    { ago: 2 * 3_600_000, words: '2 hours ago' },
    { ago: 86_400_000, words: 'yesterday' },
    { ago: 3 * 86_400_000, words: '3 days ago' },
    // A clock that went backwards never shows "in 5 seconds".
    { ago: -5_000, words: 'just now' },
  ])('$ago ms ago reads "$words"', ({ ago, words }) => {
    expect(formatRelativeTime(NOW - ago, NOW)).toBe(words);
  });
});
