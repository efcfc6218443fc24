import type { LoadEvent } from '../observe/types';

/**
 * Plain words for what happened to one load, for the badge title and the popup.
 * Layout: `BY_ERROR` refines an outcome by the browser's own error code (matched as a substring of
 * the canonical upper-case string); `BY_OUTCOME` is the wording for each outcome otherwise.
 */
const BY_ERROR: ReadonlyArray<readonly [RegExp, string]> = [
  [/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/, 'you are offline'],
  [/PROXY|SOCKS|TUNNEL_CONNECTION/, 'your proxy did not answer'],
  [/NETWORK_CHANGED/, 'your network changed while loading'],
  [/CONNECTION_REFUSED/, 'connection refused'],
  [/CONNECTION_RESET|NET_RESET/, 'the connection was reset'],
  [/EMPTY_RESPONSE/, 'the server closed the connection without answering'],
  [/CERT|CERTIFICATE/, "the site's security certificate was not accepted (TLS)"],
  [/TOO_MANY_REDIRECTS|REDIRECT_LOOP/, 'the site redirects in a loop'],
];

const BY_OUTCOME: Readonly<Record<LoadEvent['outcome'], string>> = {
  ok: 'loaded fine',
  dns: 'could not find the server (DNS)',
  connect: 'could not connect to the server',
  timeout: 'timed out',
  tls: 'secure connection failed (TLS)',
  protocol: 'the server sent a broken response',
  http5xx: 'the server answered with an error',
  local: 'a problem with your network',
  ignored: 'was blocked or cancelled',
};

/** What happened to this load, in a few plain words (no host name, no trailing period). */
export function describeFailure(ev: LoadEvent): string {
  if (ev.outcome === 'ok' || ev.outcome === 'ignored') return BY_OUTCOME[ev.outcome];
  if (ev.outcome === 'http5xx' && ev.status !== undefined) return `the server answered ${ev.status}`;
  const error = (ev.error ?? '').toUpperCase();
  if (error !== '') {
    const refined = BY_ERROR.find(([pattern]) => pattern.test(error));
    if (refined) return refined[1];
  }
  if (ev.outcome === 'local' && ev.ip !== undefined && !ev.error) {
    return 'your network answered instead of the site (a Wi-Fi sign-in page?)';
  }
  return BY_OUTCOME[ev.outcome] ?? 'failed';
}
