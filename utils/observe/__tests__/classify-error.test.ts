import { describe, expect, it } from 'vitest';
import { classifyError, ERROR_CLASSES, getReadableError } from '../classify-error';
import type { FailureClass } from '../types';

/**
 * Every string of fingerprints.md §1.3 (Chromium) and §1.4 (Firefox), with the class the doc's
 * meaning gives it: DNS → dns; connect/transport → connect (timeouts → timeout); local network →
 * local; TLS/cert → tls; HTTP/2, QUIC, framing and "site" errors → protocol; HTTP-status-as-error
 * → http5xx; the Ignore rows → ignored.
 */
const CHROME: ReadonlyArray<readonly [string, FailureClass]> = [
  ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
  ['net::ERR_NAME_RESOLUTION_FAILED', 'dns'],
  ['net::ERR_DNS_TIMED_OUT', 'dns'],
  ['net::ERR_DNS_SERVER_FAILED', 'dns'],
  ['net::ERR_DNS_MALFORMED_RESPONSE', 'dns'],
  ['net::ERR_DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED', 'dns'],
  ['net::ERR_CONNECTION_REFUSED', 'connect'],
  ['net::ERR_CONNECTION_RESET', 'connect'],
  ['net::ERR_CONNECTION_CLOSED', 'connect'],
  ['net::ERR_CONNECTION_ABORTED', 'connect'],
  ['net::ERR_CONNECTION_FAILED', 'connect'],
  ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
  ['net::ERR_ADDRESS_UNREACHABLE', 'connect'],
  ['net::ERR_TIMED_OUT', 'timeout'],
  ['net::ERR_EMPTY_RESPONSE', 'connect'],
  ['net::ERR_INTERNET_DISCONNECTED', 'local'],
  ['net::ERR_NETWORK_CHANGED', 'local'],
  ['net::ERR_NETWORK_IO_SUSPENDED', 'local'],
  ['net::ERR_NETWORK_ACCESS_DENIED', 'local'],
  ['net::ERR_PROXY_CONNECTION_FAILED', 'local'],
  ['net::ERR_TUNNEL_CONNECTION_FAILED', 'local'],
  ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
  ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls'],
  ['net::ERR_SSL_UNRECOGNIZED_NAME_ALERT', 'tls'],
  ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls'],
  ['net::ERR_CERT_DATE_INVALID', 'tls'],
  ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
  ['net::ERR_CERT_REVOKED', 'tls'],
  ['net::ERR_CERT_KNOWN_INTERCEPTION_BLOCKED', 'tls'],
  ['net::ERR_HTTP2_PROTOCOL_ERROR', 'protocol'],
  ['net::ERR_HTTP2_SERVER_REFUSED_STREAM', 'protocol'],
  ['net::ERR_HTTP2_PING_FAILED', 'protocol'],
  ['net::ERR_HTTP2_STREAM_CLOSED', 'protocol'],
  ['net::ERR_QUIC_PROTOCOL_ERROR', 'protocol'],
  ['net::ERR_QUIC_HANDSHAKE_FAILED', 'protocol'],
  ['net::ERR_CONTENT_LENGTH_MISMATCH', 'protocol'],
  ['net::ERR_INCOMPLETE_CHUNKED_ENCODING', 'protocol'],
  ['net::ERR_INVALID_HTTP_RESPONSE', 'protocol'],
  ['net::ERR_TOO_MANY_REDIRECTS', 'protocol'],
  ['net::ERR_HTTP_RESPONSE_CODE_FAILURE', 'http5xx'],
  ['net::ERR_ABORTED', 'ignored'],
  ['net::ERR_BLOCKED_BY_CLIENT', 'ignored'],
  ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'ignored'],
  ['net::ERR_BLOCKED_BY_RESPONSE', 'ignored'],
  ['net::ERR_BLOCKED_BY_CSP', 'ignored'],
  ['net::ERR_BLOCKED_BY_ORB', 'ignored'],
  ['net::ERR_CACHE_MISS', 'ignored'],
  ['net::ERR_UNSAFE_PORT', 'ignored'],
  ['net::ERR_UNKNOWN_URL_SCHEME', 'ignored'],
  ['net::ERR_ICANN_NAME_COLLISION', 'ignored'],
];

const FIREFOX: ReadonlyArray<readonly [string, FailureClass]> = [
  ['NS_ERROR_UNKNOWN_HOST', 'dns'],
  ['NS_ERROR_DEFINITIVE_UNKNOWN_HOST', 'dns'],
  ['NS_ERROR_DNS_LOOKUP_QUEUE_FULL', 'dns'],
  ['NS_ERROR_CONNECTION_REFUSED', 'connect'],
  ['NS_ERROR_NET_TIMEOUT', 'timeout'],
  ['NS_ERROR_NET_TIMEOUT_EXTERNAL', 'timeout'],
  ['NS_ERROR_NET_RESET', 'connect'],
  ['NS_ERROR_NET_INTERRUPT', 'connect'],
  // Firefox's name for what Chrome calls ERR_CONTENT_LENGTH_MISMATCH: both browsers get one class.
  ['NS_ERROR_NET_PARTIAL_TRANSFER', 'protocol'],
  ['NS_ERROR_NET_EMPTY_RESPONSE', 'http5xx'],
  ['NS_ERROR_NET_ERROR_RESPONSE', 'http5xx'],
  ['NS_ERROR_NET_HTTP2_SENT_GOAWAY', 'protocol'],
  ['NS_ERROR_NET_INADEQUATE_SECURITY', 'protocol'],
  ['NS_ERROR_NET_HTTP3_PROTOCOL_ERROR', 'protocol'],
  ['NS_ERROR_PARSING_HTTP_STATUS_LINE', 'protocol'],
  ['NS_ERROR_OFFLINE', 'local'],
  ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'local'],
  ['NS_ERROR_UNKNOWN_PROXY_HOST', 'local'],
  ['NS_ERROR_REDIRECT_LOOP', 'protocol'],
  ['NS_ERROR_CORRUPTED_CONTENT', 'protocol'],
  ['NS_ERROR_INVALID_CONTENT_ENCODING', 'protocol'],
  ['NS_BINDING_ABORTED', 'ignored'],
  ['NS_BINDING_REDIRECTED', 'ignored'],
  ['NS_BINDING_RETARGETED', 'ignored'],
  ['NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'ignored'],
  ['NS_ERROR_HTTPS_ONLY', 'ignored'],
  ['NS_ERROR_TRACKING_URI', 'ignored'],
  ['NS_ERROR_FINGERPRINTING_URI', 'ignored'],
  ['NS_ERROR_CRYPTOMINING_URI', 'ignored'],
  ['NS_ERROR_SOCIALTRACKING_URI', 'ignored'],
  ['NS_ERROR_MALWARE_URI', 'ignored'],
  ['NS_ERROR_PHISHING_URI', 'ignored'],
  ['NS_ERROR_BLOCKED_URI', 'ignored'],
  // TLS arrives as NSS message text or an NSS code name, never an NS_ name.
  ['SSL received a record that exceeded the maximum permissible length.', 'tls'],
  ["Peer's Certificate has expired.", 'tls'],
  ["Peer's Certificate issuer is not recognized.", 'tls'],
  ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
  ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls'],
  ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls'],
  // webNavigation's spelling: `Error code <nsresult>` (firefox-esr 153, tests/e2e-firefox).
  ['Error code 2152398878', 'dns'], // NS_ERROR_UNKNOWN_HOST
  ['Error code 2152398861', 'connect'], // NS_ERROR_CONNECTION_REFUSED
  ['Error code 2152398868', 'connect'], // NS_ERROR_NET_RESET
  ['Error code 2152398924', 'protocol'], // NS_ERROR_NET_PARTIAL_TRANSFER
  ['Error code 2152398850', 'ignored'], // NS_BINDING_ABORTED
  ['Error code 2153394151', 'tls'], // SSL_ERROR_RX_RECORD_TOO_LONG (NSS -12263)
];

/** Strings in no table: the pattern fallback decides. */
const UNKNOWN: ReadonlyArray<readonly [string, FailureClass]> = [
  ['net::ERR_CERT_SOMETHING_NEW', 'tls'],
  ['net::ERR_SSL_DECRYPT_ERROR_ALERT', 'tls'],
  ['net::ERR_BLOCKED_BY_SOMETHING_NEW', 'ignored'],
  ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'local'],
  ['net::ERR_DNS_SORT_ERROR', 'dns'],
  ['net::ERR_SOCKET_NOT_CONNECTED', 'connect'],
  ['NS_ERROR_NET_ON_SOMETHING', 'protocol'],
  ['net::ERR_SOMETHING_ELSE', 'protocol'],
  // An nsresult not listed: any NSS error is TLS; anything else is a code we do not know, not free text.
  ['Error code 2153390067', 'tls'], // SEC_ERROR_UNKNOWN_ISSUER (NSS -8179)
  ['Error code 2152399348', 'protocol'], // network module, code 500: no such Gecko error
  [
    'An error occurred during a connection to shop.example. Peer using unsupported version of security protocol.',
    'tls',
  ],
  ['', 'protocol'],
  ['   ', 'protocol'],
];

describe('classifyError', () => {
  it.each([...CHROME, ...FIREFOX])('classifies %j as %s', (error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  it.each(UNKNOWN)('falls back for unknown %j → %s', (error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  it('accepts the Chrome code with or without net::, in any case, with surrounding space', () => {
    for (const form of [
      'ERR_NAME_NOT_RESOLVED',
      ' net::err_name_not_resolved ',
      'NET::ERR_NAME_NOT_RESOLVED',
    ]) {
      expect(classifyError(form)).toBe('dns');
    }
  });

  it('has a table row for every Chrome and Firefox code listed in the doc', () => {
    const codes = [...CHROME, ...FIREFOX]
      .map(([error]) => error.replace(/^net::/, ''))
      .filter((code) => /^(ERR_|NS_)/.test(code));
    const missing = codes.filter((code) => !(code in ERROR_CLASSES));
    expect(missing).toEqual([]);
  });

  it('never throws on non-string input', () => {
    expect(classifyError(undefined as unknown as string)).toBe('protocol');
    expect(classifyError(42 as unknown as string)).toBe('protocol');
  });
});

describe('getReadableError', () => {
  it.each([
    // Firefox's navigation report of a failure webRequest names: the same words either way.
    ['Error code 2152398878', 'NS_ERROR_UNKNOWN_HOST'],
    ['error code 2152398861', 'NS_ERROR_CONNECTION_REFUSED'],
    ['Error code 2152398868', 'NS_ERROR_NET_RESET'],
    // Not one we list, or not a code at all: kept as the browser said it.
    ['Error code 2153390067', 'Error code 2153390067'],
    ['net::ERR_NAME_NOT_RESOLVED', 'net::ERR_NAME_NOT_RESOLVED'],
    [
      'SSL received a record that exceeded the maximum permissible length.',
      'SSL received a record that exceeded the maximum permissible length.',
    ],
  ])('%j → %j', (error, want) => {
    expect(getReadableError(error)).toBe(want);
  });
});
