import type { BrowserTraits } from '../../e2e-shared/browser-traits';
import { RECORD_TOO_LONG } from './firefox-errors';

/**
 * Firefox's error strings for the shared cases. webRequest names the error (toolchain-firefox.md),
 * webNavigation says `Error code <nsresult>`; the deduper keeps whichever arrives first, and the order
 * varies from run to run, so each fault lists both. A main document that is reset or answered empty
 * is not run: Firefox tells neither from the other (both NS_ERROR_NET_RESET, as the image below).
 * NXDOMAIN comes from DNS over HTTPS only, through a dead resolver (firefox-prefs.ts).
 */
export const FIREFOX_TRAITS: BrowserTraits = {
  mainDocumentErrors: {
    refused: ['NS_ERROR_CONNECTION_REFUSED', 'Error code 2152398861'],
    nxdomain: ['NS_ERROR_UNKNOWN_HOST', 'Error code 2152398878'],
    // webRequest gives NSS's sentence, webNavigation the nsresult of SSL_ERROR_RX_RECORD_TOO_LONG.
    tls: [RECORD_TOO_LONG, 'Error code 2153394151'],
  },
  resetSubresource: { error: 'NS_ERROR_NET_RESET', outcomes: ['connect'] },
};
