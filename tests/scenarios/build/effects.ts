/**
 * What happens to one request: an Effect draws a Response (a status with the front end's own
 * error page, or a browser error string with no address) from the scenario's random stream.
 * Error strings are written in Chrome's form and translated to Firefox's for Firefox scenarios.
 */

import type { Rng } from './prng';

export type Browser = 'chrome' | 'firefox';

export interface Response {
  status?: number;
  /** Chrome form; see FIREFOX_ERRORS. */
  error?: string;
  /** Whether webRequest reports the server address (it does once a response arrived). */
  withIp: boolean;
  /** Use the front end's error-page headers instead of the normal ones. */
  errorHeaders?: boolean;
  /** The address that answered instead of the host's own (a captive portal's gateway). */
  ipOverride?: string;
  headers?: Record<string, string>;
  /** The request went out as plain http (a typed-in address that a portal intercepts). */
  plainHttp?: boolean;
}

export type Effect = (rng: Rng) => Response;

/** Chrome `net::ERR_*` → the Firefox `NS_*` string for the same failure (fingerprints.md §1.4). */
const FIREFOX_ERRORS: Record<string, string> = {
  'net::ERR_NAME_NOT_RESOLVED': 'NS_ERROR_UNKNOWN_HOST',
  'net::ERR_CONNECTION_TIMED_OUT': 'NS_ERROR_NET_TIMEOUT',
  'net::ERR_TIMED_OUT': 'NS_ERROR_NET_TIMEOUT',
  'net::ERR_CONNECTION_REFUSED': 'NS_ERROR_CONNECTION_REFUSED',
  'net::ERR_CONNECTION_RESET': 'NS_ERROR_NET_RESET',
  'net::ERR_CONNECTION_CLOSED': 'NS_ERROR_NET_INTERRUPT',
  'net::ERR_EMPTY_RESPONSE': 'NS_ERROR_NET_RESET',
  'net::ERR_INTERNET_DISCONNECTED': 'NS_ERROR_OFFLINE',
  'net::ERR_ABORTED': 'NS_BINDING_ABORTED',
  'net::ERR_BLOCKED_BY_CLIENT': 'NS_ERROR_TRACKING_URI',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'SSL_ERROR_BAD_CERT_DOMAIN',
  'net::ERR_SSL_PROTOCOL_ERROR': 'SSL_ERROR_RX_RECORD_TOO_LONG',
  'net::ERR_HTTP2_PROTOCOL_ERROR': 'NS_ERROR_NET_HTTP2_SENT_GOAWAY',
};

export function getErrorString(chromeError: string, browser: Browser): string {
  if (browser === 'chrome') return chromeError;
  const firefox = FIREFOX_ERRORS[chromeError];
  if (!firefox) throw new Error(`no Firefox form for ${chromeError}`);
  return firefox;
}

export const ok: Effect = () => ({ status: 200, withIp: true });

/** The front end answered with one of these statuses and its own error page. */
export function http(...statuses: number[]): Effect {
  return (rng) => ({ status: rng.pick(statuses), withIp: true, errorHeaders: true });
}

/** The browser gave up with one of these errors before any response arrived. */
export function fail(...errors: string[]): Effect {
  return (rng) => ({ error: rng.pick(errors), withIp: false });
}

/** One effect or another, by weight. */
export function mix(...choices: Array<[number, Effect]>): Effect {
  const total = choices.reduce((sum, [weight]) => sum + weight, 0);
  return (rng) => {
    let roll = rng.next() * total;
    for (const [weight, effect] of choices) {
      roll -= weight;
      if (roll < 0) return effect(rng);
    }
    return choices[choices.length - 1]![1](rng);
  };
}

/** A captive portal's gateway answers for the public name (login page or a redirect to it). */
export function portal(gatewayIp: string, ...statuses: number[]): Effect {
  return (rng) => {
    const status = rng.pick(statuses);
    const headers: Record<string, string> = { server: 'lighttpd/1.4.59' };
    if (status >= 300 && status < 400) headers.location = `http://${gatewayIp}/login?redirect=1`;
    return { status, withIp: true, ipOverride: gatewayIp, headers, plainHttp: true };
  };
}

export const TIMEOUT = 'net::ERR_CONNECTION_TIMED_OUT';
export const NXDOMAIN = 'net::ERR_NAME_NOT_RESOLVED';
export const REFUSED = 'net::ERR_CONNECTION_REFUSED';
export const RESET = 'net::ERR_CONNECTION_RESET';
export const EMPTY = 'net::ERR_EMPTY_RESPONSE';
export const OFFLINE = 'net::ERR_INTERNET_DISCONNECTED';
export const ABORTED = 'net::ERR_ABORTED';
export const BLOCKED = 'net::ERR_BLOCKED_BY_CLIENT';
export const CERT_NAME = 'net::ERR_CERT_COMMON_NAME_INVALID';
