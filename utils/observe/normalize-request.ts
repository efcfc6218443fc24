import { isCaptivePortalAnswer } from './captive-portal';
import { classifyError, getReadableError } from './classify-error';
import { classifyStatus } from './classify-status';
import { pickProviderHeaders } from './provider-headers';
import { toResourceType } from './resource-type';
import { getSite, normalizeHost } from './site';
import type { LoadEvent, Outcome, RawRequest } from './types';

/** Schemes of loads that touch the network; ws(s) is how Chrome reports websocket requests. */
const NETWORK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

function getOutcome(raw: RawRequest, host: string): Outcome {
  if (typeof raw.error === 'string' && raw.error !== '') {
    const failure = classifyError(raw.error);
    // A user/extension abort is not judged further, whoever answered.
    if (failure === 'ignored' || raw.viaProxy) return failure;
    return isCaptivePortalAnswer(host, raw.ip) ? 'local' : failure;
  }
  const outcome = typeof raw.statusCode === 'number' ? classifyStatus(raw.statusCode) : 'ok';
  // Behind a proxy `ip` is the proxy's address, so it says nothing about who answered.
  if (!raw.viaProxy && isCaptivePortalAnswer(host, raw.ip)) return 'local';
  return outcome;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * One browser request → one LoadEvent, or null when it is not something we observe:
 * - a url that does not parse, or whose scheme is not http(s)/ws(s) (extension pages, data:, blob:, file:);
 * - tabId < 0 or not a number: requests of the background, service workers and other extensions,
 *   which belong to no page a person is looking at;
 * - a resource type we do not observe (see resource-type.ts), or a non-finite time.
 * Outcome: the error string's class, else the status code's, else ok; then the captive-portal rule
 * (captive-portal.ts). `pageSite` is the request's own site for a main frame, else the site of
 * `documentHost`. Never throws.
 */
export function normalizeRequest(raw: RawRequest): LoadEvent | null {
  if (!raw || typeof raw !== 'object') return null;
  if (typeof raw.tabId !== 'number' || !Number.isInteger(raw.tabId) || raw.tabId < 0) return null;
  if (typeof raw.time !== 'number' || !Number.isFinite(raw.time)) return null;
  const type = toResourceType(raw.type);
  if (type === null) return null;
  const url = parseUrl(raw.url);
  if (url === null || !NETWORK_SCHEMES.has(url.protocol)) return null;
  const host = normalizeHost(url.hostname);
  if (host === '') return null;
  const site = getSite(host);

  const event: LoadEvent = {
    time: raw.time,
    tabId: raw.tabId,
    host,
    site,
    type,
    outcome: getOutcome(raw, host),
  };
  if (typeof raw.error === 'string' && raw.error !== '')
    event.error = getReadableError(raw.error).slice(0, 200);
  if (typeof raw.statusCode === 'number' && Number.isInteger(raw.statusCode)) event.status = raw.statusCode;
  if (typeof raw.ip === 'string' && raw.ip !== '') event.ip = normalizeHost(raw.ip);
  const headers = pickProviderHeaders(raw.headers);
  if (headers) event.headers = headers;
  if (type === 'main_frame') event.pageSite = site;
  else if (typeof raw.documentHost === 'string' && raw.documentHost.trim() !== '') {
    event.pageSite = getSite(raw.documentHost);
  }
  if (typeof raw.fromCache === 'boolean') event.fromCache = raw.fromCache;
  return event;
}
