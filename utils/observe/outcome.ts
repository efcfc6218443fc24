import type { Outcome } from './types';

/** Every Outcome value, in one place for schemas and tables. */
export const OUTCOMES = [
  'ok',
  'dns',
  'connect',
  'timeout',
  'tls',
  'protocol',
  'http5xx',
  'local',
  'ignored',
] as const;

/**
 * A load that failed in a way that counts: not `ok` and not `ignored` (a user, extension or policy
 * stop, or a 4xx). `local` counts: it is a failure, of the user's own network.
 */
export function isFailureOutcome(outcome: Outcome): boolean {
  return outcome !== 'ok' && outcome !== 'ignored';
}
