import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../observe/types';
import { getCountedKeys } from '../keys';
import { DEFAULT_ENGINE_OPTIONS } from '../options';
import { createSiteMark, createWindows, getMarkState, type SiteMark } from '../windows';
import { AWS_USE1, sec } from './fixtures';

const RULES = DEFAULT_ENGINE_OPTIONS;
const KEY = getCountedKeys('ok', AWS_USE1)[0];

const mark = (over: Partial<SiteMark>): SiteMark => ({ ...createSiteMark('direct'), ...over });

describe('getMarkState', () => {
  it.each([
    { name: 'fresh failure', m: mark({ lastFail: sec(100) }), now: 110, want: 'failing' },
    { name: 'failure older than the window', m: mark({ lastFail: sec(100) }), now: 500, want: 'stale' },
    {
      name: 'one success after a fresh failure is not a recovery',
      m: mark({ lastFail: sec(100), lastOk: sec(105), okStreak: 1 }),
      now: 110,
      want: 'failing',
    },
    {
      name: 'three successes in a row are',
      m: mark({ lastFail: sec(100), lastOk: sec(107), okStreak: 3 }),
      now: 110,
      want: 'healthy',
    },
    {
      name: 'a success long after the last failure is',
      m: mark({ lastFail: sec(100), lastOk: sec(300), okStreak: 1 }),
      now: 300,
      want: 'healthy',
    },
    { name: 'success only', m: mark({ lastOk: sec(100), okStreak: 1 }), now: 110, want: 'healthy' },
  ])('$name -> $want', ({ m, now, want }) => {
    expect(getMarkState(m, sec(now), RULES)).toBe(want);
  });
});

describe('createWindows', () => {
  it('reports state flips and counts the failure streak', () => {
    if (!KEY) throw new Error('no key');
    const w = createWindows(RULES);
    const seq: Array<[number, Outcome, boolean]> = [
      [0, 'ok', true],
      [10, 'timeout', true],
      [11, 'timeout', false],
      [12, 'ok', false],
      [13, 'ok', false],
      [14, 'ok', true],
    ];
    for (const [t, outcome, flips] of seq) expect(w.record(KEY, 'a.test', sec(t), outcome)).toBe(flips);
    expect(w.get(KEY.key)?.sites.get('a.test')).toMatchObject({
      streakFails: 0,
      okStreak: 3,
      lastFail: sec(11),
    });
  });

  it('stays within maxSitesPerKey and forgets marks older than two windows', () => {
    if (!KEY) throw new Error('no key');
    const w = createWindows({ ...RULES, maxSitesPerKey: 10 });
    for (let i = 0; i < 100; i++) w.record(KEY, `s${i}.test`, sec(i), 'ok');
    expect(w.get(KEY.key)?.sites.size).toBe(10);
    w.sweep(sec(99) + 2 * RULES.windowMs + 1);
    expect(w.get(KEY.key)).toBeUndefined();
  });
});
