import type { BrowserTraits } from '../../e2e-shared/browser-traits';

/** Chromium's `net::` error strings for the shared cases: one per fault. */
export const CHROMIUM_TRAITS: BrowserTraits = {
  mainDocumentErrors: {
    refused: ['net::ERR_CONNECTION_REFUSED'],
    nxdomain: ['net::ERR_NAME_NOT_RESOLVED'],
    reset: ['net::ERR_CONNECTION_RESET'],
    empty: ['net::ERR_EMPTY_RESPONSE'],
    tls: ['net::ERR_SSL_PROTOCOL_ERROR'],
  },
  resetSubresource: { error: 'net::ERR_CONNECTION_RESET', outcomes: ['connect', 'protocol'] },
};
