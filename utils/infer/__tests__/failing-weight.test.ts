import { describe, expect, it } from 'vitest';
import { type FailingSite, getFailingWeight } from '../outages';

const BURST = 60_000;
const site = (name: string, fails: number, lastFail: number): FailingSite => ({
  site: name,
  fails,
  since: lastFail,
  lastFail,
  group: 'direct',
});

describe('getFailingWeight', () => {
  it.each([
    { name: 'no sites', sites: [], weight: 0 },
    { name: 'repeated failures count 1 each', sites: [site('a', 2, 0), site('b', 3, 9e6)], weight: 2 },
    { name: 'a lone one-off counts half', sites: [site('a', 1, 0)], weight: 0.5 },
    {
      name: 'one-offs hours apart stay half (an ordinary day)',
      sites: [site('a', 1, 0), site('b', 1, 3_600_000), site('c', 1, 7_200_000)],
      weight: 1.5,
    },
    {
      name: 'one-offs within the burst window corroborate each other',
      sites: [site('a', 1, 0), site('b', 1, 8_000), site('c', 1, 14_000)],
      weight: 3,
    },
    {
      name: 'one other failure nearby is not a burst',
      sites: [site('a', 4, 30_000), site('b', 1, 50_000)],
      weight: 1.5,
    },
    {
      name: 'just outside the window is not a burst',
      sites: [site('a', 1, 0), site('b', 1, 1_000), site('c', 1, BURST + 1)],
      weight: 2,
    },
  ])('$name', ({ sites, weight }) => {
    expect(getFailingWeight(sites, BURST, 3)).toBe(weight);
  });
});
