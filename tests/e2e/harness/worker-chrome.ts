import type { browser } from 'wxt/browser';

/**
 * Type of the service worker's global scope as seen from functions passed to worker.evaluate().
 * Those functions run inside the extension; in this Node file they are only type-checked, and
 * declaring `chrome` globally would hide real misuse elsewhere in the project.
 */
export type WorkerScope = typeof globalThis & { chrome: typeof browser };
