import type { FailureClass } from './types';

/**
 * Browser error string → failure class.
 *
 * Layout: `ERROR_CLASSES` is a flat table, one row per known string, keyed by the canonical code
 * (Chrome's `net::` prefix removed, upper case) or, for Firefox's TLS failures, by the exact NSS
 * sentence Firefox reports instead of a code. Strings not in the table fall through to
 * `FALLBACK_PATTERNS`, an ordered list of [pattern, class]; the first match wins.
 * Sources: fingerprints.md §1.3 (Chromium net_error_list.h) and §1.4 (Gecko ErrorList.py).
 */
export const ERROR_CLASSES: Readonly<Record<string, FailureClass>> = {
  // Chromium: name resolution (800s and the -105/-137 host-resolver errors).
  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_DNS_TIMED_OUT: 'dns',
  ERR_DNS_SERVER_FAILED: 'dns',
  ERR_DNS_MALFORMED_RESPONSE: 'dns',
  ERR_DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED: 'dns',
  ERR_HOST_RESOLVER_QUEUE_TOO_LARGE: 'dns',
  // Chromium: connection / transport.
  ERR_CONNECTION_REFUSED: 'connect',
  ERR_CONNECTION_RESET: 'connect',
  ERR_CONNECTION_CLOSED: 'connect',
  ERR_CONNECTION_ABORTED: 'connect',
  ERR_CONNECTION_FAILED: 'connect',
  ERR_ADDRESS_UNREACHABLE: 'connect',
  ERR_ADDRESS_INVALID: 'connect',
  ERR_SOCKET_NOT_CONNECTED: 'connect',
  ERR_EMPTY_RESPONSE: 'connect',
  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_TIMED_OUT: 'timeout',
  // Chromium: the user's own network; never evidence against a provider.
  ERR_INTERNET_DISCONNECTED: 'local',
  ERR_NETWORK_CHANGED: 'local',
  ERR_NETWORK_IO_SUSPENDED: 'local',
  ERR_NETWORK_ACCESS_DENIED: 'local',
  ERR_PROXY_CONNECTION_FAILED: 'local',
  ERR_TUNNEL_CONNECTION_FAILED: 'local',
  ERR_PROXY_CERTIFICATE_INVALID: 'local',
  ERR_SOCKS_CONNECTION_FAILED: 'local',
  // Chromium: TLS and certificates (-107..-159 SSL, -200..-218 CERT).
  ERR_SSL_PROTOCOL_ERROR: 'tls',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: 'tls',
  ERR_SSL_UNRECOGNIZED_NAME_ALERT: 'tls',
  ERR_BAD_SSL_CLIENT_AUTH_CERT: 'tls',
  ERR_SSL_CLIENT_AUTH_CERT_NEEDED: 'tls',
  ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN: 'tls',
  ERR_CERT_COMMON_NAME_INVALID: 'tls',
  ERR_CERT_DATE_INVALID: 'tls',
  ERR_CERT_AUTHORITY_INVALID: 'tls',
  ERR_CERT_CONTAINS_ERRORS: 'tls',
  ERR_CERT_NO_REVOCATION_MECHANISM: 'tls',
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: 'tls',
  ERR_CERT_REVOKED: 'tls',
  ERR_CERT_INVALID: 'tls',
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: 'tls',
  ERR_CERT_NON_UNIQUE_NAME: 'tls',
  ERR_CERT_WEAK_KEY: 'tls',
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: 'tls',
  ERR_CERT_VALIDITY_TOO_LONG: 'tls',
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: 'tls',
  ERR_CERT_SYMANTEC_LEGACY: 'tls',
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: 'tls',
  ERR_CERT_SELF_SIGNED_LOCAL_NETWORK: 'tls',
  // Chromium: HTTP/2, QUIC and framing.
  ERR_HTTP2_PROTOCOL_ERROR: 'protocol',
  ERR_HTTP2_SERVER_REFUSED_STREAM: 'protocol',
  ERR_HTTP2_PING_FAILED: 'protocol',
  ERR_HTTP2_STREAM_CLOSED: 'protocol',
  ERR_QUIC_PROTOCOL_ERROR: 'protocol',
  ERR_QUIC_HANDSHAKE_FAILED: 'protocol',
  ERR_CONTENT_LENGTH_MISMATCH: 'protocol',
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'protocol',
  ERR_INVALID_HTTP_RESPONSE: 'protocol',
  ERR_TOO_MANY_REDIRECTS: 'protocol',
  ERR_CONTENT_DECODING_FAILED: 'protocol',
  // "only used by certain APIs that interpret the HTTP response": the response itself was an error.
  ERR_HTTP_RESPONSE_CODE_FAILURE: 'http5xx',
  // Chromium: the user, an extension or a policy stopped it; says nothing about the site.
  ERR_ABORTED: 'ignored',
  ERR_BLOCKED_BY_CLIENT: 'ignored',
  ERR_BLOCKED_BY_ADMINISTRATOR: 'ignored',
  ERR_BLOCKED_BY_RESPONSE: 'ignored',
  ERR_BLOCKED_BY_CSP: 'ignored',
  ERR_BLOCKED_BY_ORB: 'ignored',
  ERR_BLOCKED_BY_CORB: 'ignored',
  ERR_CACHE_MISS: 'ignored',
  ERR_UNSAFE_PORT: 'ignored',
  ERR_UNKNOWN_URL_SCHEME: 'ignored',
  ERR_ICANN_NAME_COLLISION: 'ignored',
  // Generic: CORS rejections and service-worker failures surface as this; no outage signal.
  ERR_FAILED: 'ignored',

  // Firefox (NS_ERROR_* names from Gecko's NETWORK module).
  NS_ERROR_UNKNOWN_HOST: 'dns',
  NS_ERROR_DEFINITIVE_UNKNOWN_HOST: 'dns',
  NS_ERROR_DNS_LOOKUP_QUEUE_FULL: 'dns',
  NS_ERROR_CONNECTION_REFUSED: 'connect',
  NS_ERROR_NET_TIMEOUT: 'timeout',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',
  NS_ERROR_NET_RESET: 'connect',
  NS_ERROR_NET_INTERRUPT: 'connect',
  // Same event as Chrome's ERR_CONTENT_LENGTH_MISMATCH (body cut short): keep both browsers in one class.
  NS_ERROR_NET_PARTIAL_TRANSFER: 'protocol',
  NS_ERROR_NET_EMPTY_RESPONSE: 'http5xx',
  NS_ERROR_NET_ERROR_RESPONSE: 'http5xx',
  NS_ERROR_NET_HTTP2_SENT_GOAWAY: 'protocol',
  NS_ERROR_NET_INADEQUATE_SECURITY: 'protocol',
  NS_ERROR_NET_HTTP3_PROTOCOL_ERROR: 'protocol',
  NS_ERROR_PARSING_HTTP_STATUS_LINE: 'protocol',
  NS_ERROR_OFFLINE: 'local',
  NS_ERROR_PROXY_CONNECTION_REFUSED: 'local',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'local',
  NS_ERROR_REDIRECT_LOOP: 'protocol',
  NS_ERROR_CORRUPTED_CONTENT: 'protocol',
  NS_ERROR_INVALID_CONTENT_ENCODING: 'protocol',
  NS_BINDING_ABORTED: 'ignored',
  NS_BINDING_REDIRECTED: 'ignored',
  NS_BINDING_RETARGETED: 'ignored',
  NS_ERROR_PORT_ACCESS_NOT_ALLOWED: 'ignored',
  NS_ERROR_HTTPS_ONLY: 'ignored',
  NS_ERROR_TRACKING_URI: 'ignored',
  NS_ERROR_FINGERPRINTING_URI: 'ignored',
  NS_ERROR_CRYPTOMINING_URI: 'ignored',
  NS_ERROR_SOCIALTRACKING_URI: 'ignored',
  NS_ERROR_EMAILTRACKING_URI: 'ignored',
  NS_ERROR_MALWARE_URI: 'ignored',
  NS_ERROR_PHISHING_URI: 'ignored',
  NS_ERROR_UNWANTED_URI: 'ignored',
  NS_ERROR_HARMFUL_URI: 'ignored',
  NS_ERROR_BLOCKED_URI: 'ignored',
  NS_ERROR_CONTENT_BLOCKED: 'ignored',
  NS_ERROR_ABORT: 'ignored',

  // Firefox TLS: NSS message text, not a code (fingerprints.md §1.4, toolchain-firefox.md).
  'SSL RECEIVED A RECORD THAT EXCEEDED THE MAXIMUM PERMISSIBLE LENGTH.': 'tls',
  "PEER'S CERTIFICATE HAS EXPIRED.": 'tls',
  "PEER'S CERTIFICATE ISSUER IS NOT RECOGNIZED.": 'tls',
  'THE CERTIFICATE IS NOT TRUSTED BECAUSE IT IS SELF-SIGNED.': 'tls',
};

/** Ordered fallbacks for strings the table does not know; matched against the canonical upper-case form. */
const FALLBACK_PATTERNS: ReadonlyArray<readonly [RegExp, FailureClass]> = [
  [/SSL|TLS|CERT|SEC_ERROR|SECURE CONNECTION|SECURITY|CIPHER/, 'tls'],
  [/BLOCKED|ABORT|_URI$/, 'ignored'],
  [/PROXY|SOCKS|OFFLINE|INTERNET_DISCONNECTED|NETWORK_CHANGED/, 'local'],
  [/DNS|NAME_NOT_RESOLVED|UNKNOWN_HOST|RESOLV/, 'dns'],
  [/TIMED_OUT|TIMEOUT/, 'timeout'],
  [/CONNECTION|REFUSED|RESET|UNREACHABLE|SOCKET/, 'connect'],
];

/**
 * Firefox's webNavigation.onErrorOccurred names no code: it says `Error code <nsresult>` (unsigned decimal),
 * e.g. `Error code 2152398878` for NS_ERROR_UNKNOWN_HOST, and can reach the deduper before webRequest's
 * name for the same failure does (seen in firefox-esr 153, tests/e2e-firefox).
 * Layout: nsresult value → the NS_ name `ERROR_CLASSES` knows it by. Network-module failures are
 * 0x804B0000 + code (Gecko's ErrorList.py); only the codes seen in Firefox runs are listed.
 */
const NETWORK_FAILURE = 0x804b0000;
const NSRESULT_NAMES: ReadonlyMap<number, string> = new Map([
  [NETWORK_FAILURE + 2, 'NS_BINDING_ABORTED'],
  [NETWORK_FAILURE + 13, 'NS_ERROR_CONNECTION_REFUSED'],
  [NETWORK_FAILURE + 20, 'NS_ERROR_NET_RESET'],
  [NETWORK_FAILURE + 30, 'NS_ERROR_UNKNOWN_HOST'],
  [NETWORK_FAILURE + 76, 'NS_ERROR_NET_PARTIAL_TRANSFER'],
]);
/** NSS errors travel as nsresults of module 21 (NS_ERROR_MODULE_SECURITY), offset by 0x45 in bits 16-28. */
const SECURITY_MODULE_BITS = 21 + 0x45;

/**
 * The NS_ name behind Firefox's `Error code N` navigation error when it is one we list, else the text as given:
 * what the user reads ("Browser said …") should not depend on which of the two reports arrived first.
 */
export function getReadableError(error: string): string {
  const value = getNsresult(toCanonical(error));
  return (value !== null && NSRESULT_NAMES.get(value)) || error;
}

/** The nsresult in a canonical `ERROR CODE N`, or null when the text is something else. */
function getNsresult(canonical: string): number | null {
  const match = /^ERROR CODE (\d{1,10})$/.exec(canonical);
  return match ? Number(match[1]) : null;
}

/** Class of an `Error code N` string: by its NS_ name when listed, TLS for any NSS error, else unknown. */
function classifyNsresult(value: number): FailureClass {
  const known = ERROR_CLASSES[NSRESULT_NAMES.get(value) ?? ''];
  if (known) return known;
  return ((value >>> 16) & 0x1fff) === SECURITY_MODULE_BITS ? 'tls' : 'protocol';
}

/** `net::ERR_X` and `ERR_X` are the same code; case and surrounding space carry no meaning. */
function toCanonical(error: string): string {
  return error
    .trim()
    .replace(/^net::/i, '')
    .toUpperCase();
}

/**
 * Failure class of a browser error string (Chrome `net::ERR_*`, Firefox `NS_*`, `Error code N` or NSS free text).
 * Never throws. Unknown codes fall back by pattern; Firefox reports TLS failures as a sentence
 * instead of a code, so an unknown string that is not a code is taken as TLS; anything else is `protocol`.
 */
export function classifyError(error: string): FailureClass {
  const canonical = toCanonical(typeof error === 'string' ? error : '');
  const known = ERROR_CLASSES[canonical];
  if (known) return known;
  // A number, not NSS free text: without this it would fall through to the TLS guess below.
  const nsresult = getNsresult(canonical);
  if (nsresult !== null) return classifyNsresult(nsresult);
  for (const [pattern, failureClass] of FALLBACK_PATTERNS) {
    if (pattern.test(canonical)) return failureClass;
  }
  const isCode = /^(ERR_|NS_)/.test(canonical) || /^[A-Z0-9_]+$/.test(canonical);
  return isCode || canonical === '' ? 'protocol' : 'tls';
}
