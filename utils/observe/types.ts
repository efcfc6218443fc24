/**
 * The normalized record of one finished browser request (design.md §1, step 1).
 * Chrome and Firefox event shapes both map into this; everything downstream reads only this.
 */

/** Why a load failed; `ok` when it did not. */
export type FailureClass =
  | 'dns'
  | 'connect'
  | 'timeout'
  | 'tls'
  | 'protocol'
  | 'http5xx'
  | 'local'
  | 'ignored';
export type Outcome = 'ok' | FailureClass;

/** webRequest resource types we listen to (Chrome names; Firefox's map onto them). */
export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'xmlhttprequest'
  | 'script'
  | 'stylesheet'
  | 'image'
  | 'font'
  | 'media'
  | 'other';

/**
 * What the browser told us about one finished request, browser-neutral.
 * Built by the thin adapter in utils/browser from webRequest / webNavigation details.
 */
export interface RawRequest {
  /** ms since epoch, as reported by the browser event (details.timeStamp). */
  time: number;
  tabId: number;
  url: string;
  /** webRequest `type` as given by the browser (Chrome or Firefox spelling). */
  type: string;
  /** Chrome `net::ERR_*`, Firefox `NS_ERROR_*` or free text; absent on completion. */
  error?: string;
  statusCode?: number;
  ip?: string;
  fromCache?: boolean;
  /** Response headers, names in any case. */
  headers?: Record<string, string>;
  /** Which listener produced it: webNavigation errors duplicate webRequest main-frame errors. */
  source?: 'webRequest' | 'webNavigation';
  /** Host of the top-level document of the tab, when the adapter knows it (for first-party checks). */
  documentHost?: string;
  /**
   * True when the browser says a proxy carried the request (Firefox `proxyInfo`): `ip` is then the
   * proxy's address and must not be judged by the captive-portal rule.
   */
  viaProxy?: boolean;
}

/** One normalized load (design.md §1). Stored in IndexedDB `events`. */
export interface LoadEvent {
  time: number;
  tabId: number;
  host: string;
  /** eTLD+1 of `host` (tldts); the host itself for ip literals and single-label names. */
  site: string;
  type: ResourceType;
  outcome: Outcome;
  /** The browser's own error string, kept for the evidence shown to the user. */
  error?: string;
  status?: number;
  ip?: string;
  /** Provider-relevant response headers only, lower-case names. */
  headers?: Record<string, string>;
  /** Registrable domain of the page this request was made for, when known. */
  pageSite?: string;
  fromCache?: boolean;
}
