import type { Outcome } from './types';

/**
 * Outcome of a completed HTTP response by its status code.
 * - 5xx → `http5xx`: the server (or the CDN/load balancer in front of it) failed.
 * - 4xx → `ignored`: the request reached a working server that refused it (auth, missing page,
 *   rate limit); it says nothing about an outage.
 * - 1xx, 2xx, 3xx → `ok`: the server answered; a redirect's target is observed as its own request.
 * - anything outside 100–599 or not an integer → `ignored`: not a status we can judge.
 */
export function classifyStatus(status: number): Outcome {
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'ignored';
  if (status >= 500) return 'http5xx';
  if (status >= 400) return 'ignored';
  return 'ok';
}
