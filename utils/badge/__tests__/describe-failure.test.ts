import { describe, expect, it } from 'vitest';
import type { LoadEvent } from '../../observe/types';
import { describeFailure } from '../describe-failure';

function load(overrides: Partial<LoadEvent>): LoadEvent {
  return {
    time: 0,
    tabId: 1,
    host: 'www.shop.test',
    site: 'shop.test',
    type: 'main_frame',
    outcome: 'ok',
    ...overrides,
  };
}

describe('describeFailure', () => {
  it.each([
    [{ outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }, 'could not find the server (DNS)'],
    [{ outcome: 'dns', error: 'NS_ERROR_UNKNOWN_HOST' }, 'could not find the server (DNS)'],
    [{ outcome: 'connect', error: 'net::ERR_CONNECTION_REFUSED' }, 'connection refused'],
    [{ outcome: 'connect', error: 'NS_ERROR_CONNECTION_REFUSED' }, 'connection refused'],
    [{ outcome: 'connect', error: 'net::ERR_CONNECTION_RESET' }, 'the connection was reset'],
    [{ outcome: 'connect', error: 'NS_ERROR_NET_RESET' }, 'the connection was reset'],
    [
      { outcome: 'connect', error: 'net::ERR_EMPTY_RESPONSE' },
      'the server closed the connection without answering',
    ],
    [{ outcome: 'connect', error: 'net::ERR_ADDRESS_UNREACHABLE' }, 'could not connect to the server'],
    [{ outcome: 'timeout', error: 'net::ERR_CONNECTION_TIMED_OUT' }, 'timed out'],
    [{ outcome: 'tls', error: 'net::ERR_SSL_PROTOCOL_ERROR' }, 'secure connection failed (TLS)'],
    [
      { outcome: 'tls', error: 'net::ERR_CERT_DATE_INVALID' },
      "the site's security certificate was not accepted (TLS)",
    ],
    [
      { outcome: 'tls', error: "Peer's Certificate has expired." },
      "the site's security certificate was not accepted (TLS)",
    ],
    [{ outcome: 'protocol', error: 'net::ERR_HTTP2_PROTOCOL_ERROR' }, 'the server sent a broken response'],
    [{ outcome: 'protocol', error: 'net::ERR_TOO_MANY_REDIRECTS' }, 'the site redirects in a loop'],
    [{ outcome: 'http5xx', status: 503 }, 'the server answered 503'],
    [{ outcome: 'http5xx', error: 'NS_ERROR_NET_ERROR_RESPONSE' }, 'the server answered with an error'],
    [{ outcome: 'local', error: 'net::ERR_INTERNET_DISCONNECTED' }, 'you are offline'],
    [{ outcome: 'local', error: 'NS_ERROR_OFFLINE' }, 'you are offline'],
    [{ outcome: 'local', error: 'net::ERR_PROXY_CONNECTION_FAILED' }, 'your proxy did not answer'],
    [{ outcome: 'local', error: 'net::ERR_NETWORK_CHANGED' }, 'your network changed while loading'],
    [
      { outcome: 'local', status: 200, ip: '192.168.1.1' },
      'your network answered instead of the site (a Wi-Fi sign-in page?)',
    ],
    [{ outcome: 'local' }, 'a problem with your network'],
    [{ outcome: 'ignored', error: 'net::ERR_ABORTED' }, 'was blocked or cancelled'],
    [{ outcome: 'ok', status: 200 }, 'loaded fine'],
  ] as const)('%j → %j', (overrides, expected) => {
    expect(describeFailure(load(overrides))).toBe(expected);
  });
});
