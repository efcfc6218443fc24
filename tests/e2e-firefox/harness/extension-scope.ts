import type { browser } from 'wxt/browser';

/**
 * Type of the background page's global scope as seen from functions passed to evaluate(). Those
 * functions run inside the add-on; here they are only type-checked. Firefox MV2 has `browserAction`
 * where MV3 has `action`.
 */
export type ExtensionScope = typeof globalThis & {
  browser: typeof browser & { browserAction?: typeof browser.action };
};
