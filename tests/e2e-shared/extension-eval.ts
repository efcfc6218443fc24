import type { browser } from 'wxt/browser';

/**
 * Runs `fn(arg)` inside the extension and resolves with its awaited result. Each suite brings its own
 * transport (Chromium: the service worker through Playwright; Firefox: the background page over RDP);
 * the shared harness only sends functions. `fn` travels as source, so it may use only its argument and
 * the extension's globals, and the result must survive JSON.
 */
export interface ExtensionEval {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
}

type ExtensionApi = typeof browser & { browserAction?: typeof browser.action };

/**
 * Type of the extension's global scope as seen from functions sent through `ExtensionEval`; in Node
 * they are only type-checked, and declaring the globals would hide real misuse elsewhere. Chromium
 * has `chrome` only, Firefox both (prefer `browser`); Firefox MV2 has `browserAction` where MV3 has
 * `action`.
 */
export type ExtensionScope = typeof globalThis & { browser?: ExtensionApi; chrome?: ExtensionApi };
