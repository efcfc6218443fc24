import { browser } from 'wxt/browser';
import { getRequestTypes } from '../../utils/browser/request-filter';
import {
  type NavigationErrorDetailsLike,
  navigationErrorToRawRequest,
  toRawRequest,
  type WebRequestDetailsLike,
} from '../../utils/browser/to-raw-request';
import type { RawRequest } from '../../utils/observe/types';

/**
 * Registers the three capture listeners. Must run synchronously in main(): an MV3 worker that
 * wakes for an event only delivers it to listeners registered in its first turn.
 */
export function registerCaptureListeners(onRequest: (raw: RawRequest) => void): void {
  const filter = {
    urls: ['<all_urls>'],
    types: getRequestTypes(import.meta.env.FIREFOX ? 'firefox' : 'chrome'),
  };
  // The typed filter only knows Chrome's names; Firefox's list is checked by getRequestTypes' tests.
  const requestFilter = filter as Parameters<typeof browser.webRequest.onCompleted.addListener>[1];
  browser.webRequest.onCompleted.addListener(
    (details) => onRequest(toRawRequest(details as WebRequestDetailsLike)),
    requestFilter,
    ['responseHeaders'],
  );
  browser.webRequest.onErrorOccurred.addListener(
    (details) => onRequest(toRawRequest(details as WebRequestDetailsLike)),
    requestFilter,
  );
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    const raw = navigationErrorToRawRequest(details as NavigationErrorDetailsLike);
    if (raw) onRequest(raw);
  });
}
