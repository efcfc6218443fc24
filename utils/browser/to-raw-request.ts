import type { RawRequest } from '../observe/types';

/**
 * The fields we read from webRequest.onCompleted / onErrorOccurred details, Chrome or Firefox shape.
 * Chrome names the page that made the request `initiator` (an origin); Firefox gives `documentUrl`
 * and `frameAncestors` (outermost last). Everything is optional because the two browsers differ
 * and a recorded object may be partial: the adapter never throws on a missing field.
 */
export interface WebRequestDetailsLike {
  url: string;
  tabId: number;
  type: string;
  timeStamp: number;
  frameId?: number;
  error?: string;
  statusCode?: number;
  ip?: string;
  fromCache?: boolean;
  responseHeaders?: Array<{ name: string; value?: string }>;
  initiator?: string;
  documentUrl?: string;
  frameAncestors?: Array<{ url: string; frameId: number }>;
  /** Firefox only: the proxy that carried the request, `type: 'direct'` or null when none. */
  proxyInfo?: { type: string } | null;
}

/** The fields we read from webNavigation.onErrorOccurred details (same in Chrome and Firefox). */
export interface NavigationErrorDetailsLike {
  url: string;
  tabId: number;
  frameId: number;
  timeStamp: number;
  /**
   * MDN says Firefox leaves it out; firefox-esr 153 gives `Error code <nsresult>` (tests/e2e-firefox), which the
   * classifier and getReadableError understand.
   */
  error?: string;
}

/** Turns webRequest details (completed or failed) into the browser-neutral RawRequest. */
export function toRawRequest(details: WebRequestDetailsLike): RawRequest {
  const raw: RawRequest = {
    time: details.timeStamp,
    tabId: details.tabId,
    url: details.url,
    type: details.type,
    source: 'webRequest',
  };
  if (details.error !== undefined) raw.error = details.error;
  if (details.statusCode !== undefined) raw.statusCode = details.statusCode;
  if (details.ip) raw.ip = details.ip;
  if (details.fromCache !== undefined) raw.fromCache = details.fromCache;
  if (details.responseHeaders) raw.headers = toHeaderRecord(details.responseHeaders);
  // Behind a proxy `ip` is the proxy's address, which must not be judged as the site's.
  if (details.proxyInfo && details.proxyInfo.type !== 'direct') raw.viaProxy = true;
  const documentHost = getDocumentHost(details);
  if (documentHost) raw.documentHost = documentHost;
  return raw;
}

/**
 * Turns a webNavigation error into a RawRequest. It repeats the webRequest error of the same
 * document, so it is marked `webNavigation` for the deduper to drop when both arrive (in either order:
 * Firefox sends them in no fixed order). Null when the browser gave no error string: without one it would
 * read as a successful load, and webRequest.onErrorOccurred reports that failure anyway.
 */
export function navigationErrorToRawRequest(details: NavigationErrorDetailsLike): RawRequest | null {
  if (typeof details.error !== 'string' || details.error === '') return null;
  const isTop = details.frameId === 0;
  const raw: RawRequest = {
    time: details.timeStamp,
    tabId: details.tabId,
    url: details.url,
    type: isTop ? 'main_frame' : 'sub_frame',
    error: details.error,
    source: 'webNavigation',
  };
  const host = getHost(details.url);
  if (isTop && host) raw.documentHost = host;
  return raw;
}

/** Header arrays become a record; a repeated name keeps every value, comma-joined as HTTP allows. */
export function toHeaderRecord(headers: Array<{ name: string; value?: string }>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of headers) {
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    const key = name.toLowerCase();
    record[key] = key in record ? `${record[key]}, ${value}` : value;
  }
  return record;
}

// The top-level document decides what counts as first party, so prefer the outermost frame.
function getDocumentHost(details: WebRequestDetailsLike): string | undefined {
  if (details.type === 'main_frame') return getHost(details.url);
  const outermost = details.frameAncestors?.at(-1)?.url;
  if (outermost) return getHost(outermost);
  if (details.documentUrl) return getHost(details.documentUrl);
  if (details.initiator && details.initiator !== 'null') return getHost(details.initiator);
  return undefined;
}

function getHost(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}
