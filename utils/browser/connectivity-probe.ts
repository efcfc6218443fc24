/**
 * The connectivity probe port's adapter: asks a few endpoints on different providers whether they answer at
 * all. Any response (even an opaque no-cors one, even a 404) proves the connection and the resolver work; only
 * a network error or the timeout counts as unreachable. No cookies, no cache, nothing read from the body.
 */
import type { ProbeResult } from '../infer/engine';

export interface ProbeDeps {
  fetch?: typeof fetch;
  /** The browser's own online flag; false skips the requests (they would fail anyway). */
  isOnline?: () => boolean;
  timeoutMs?: number;
}

export const PROBE_TIMEOUT_MS = 4_000;

async function isReachable(url: string, doFetch: typeof fetch, timeoutMs: number): Promise<boolean> {
  try {
    await doFetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}

/** Probes every URL at once; `time` is when the probe started (the caller's clock). */
export async function probeConnectivity(
  urls: readonly string[],
  time: number,
  deps: ProbeDeps = {},
): Promise<ProbeResult> {
  const total = urls.length;
  if (deps.isOnline && !deps.isOnline()) return { time, reachable: 0, total, dnsOk: false };
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const answers = await Promise.all(
    urls.map((url) => isReachable(url, doFetch, deps.timeoutMs ?? PROBE_TIMEOUT_MS)),
  );
  const reachable = answers.filter(Boolean).length;
  // The endpoints are reached by name: one answer shows the resolver works too.
  return { time, reachable, total, dnsOk: reachable > 0 };
}
