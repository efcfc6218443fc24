import { isDeepStrictEqual } from 'node:util';

/** Minimal assertions with messages that show the actual value. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** '#D93025' → [217, 48, 37, 255], the form chrome.action.getBadgeBackgroundColor returns. */
export function hexToRgba(hex: string): number[] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}
