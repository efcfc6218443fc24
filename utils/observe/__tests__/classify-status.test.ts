import { describe, expect, it } from 'vitest';
import { classifyStatus } from '../classify-status';
import type { Outcome } from '../types';

const CASES: ReadonlyArray<readonly [number, Outcome]> = [
  [100, 'ok'],
  [101, 'ok'],
  [200, 'ok'],
  [204, 'ok'],
  [301, 'ok'],
  [304, 'ok'],
  [399, 'ok'],
  [400, 'ignored'],
  [403, 'ignored'],
  [404, 'ignored'],
  [429, 'ignored'],
  [499, 'ignored'],
  [500, 'http5xx'],
  [502, 'http5xx'],
  [503, 'http5xx'],
  [504, 'http5xx'],
  [522, 'http5xx'],
  [599, 'http5xx'],
  [0, 'ignored'],
  [99, 'ignored'],
  [600, 'ignored'],
  [999, 'ignored'],
  [-1, 'ignored'],
  [200.5, 'ignored'],
  [Number.NaN, 'ignored'],
];

describe('classifyStatus', () => {
  it.each(CASES)('status %d → %s', (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });
});
