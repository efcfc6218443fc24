import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { HOST_NAMES } from './fault-servers';
import type { WorkerScope } from './worker-chrome';

/** A Chromium profile with the built extension loaded and its service worker ready. */
export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Built chrome-mv3 folder. */
  extensionDir: string;
  /** Temp folders (profile, HOME, XDG) go here; kept inside test-results/. */
  scratchDir: string;
  headless?: boolean;
  /** Written into the extension's settings (`probeUrls`) before the test starts. */
  probeUrls?: string[];
}

/** Every fake name goes to 127.0.0.1, every other name is NXDOMAIN: no real DNS, no internet. */
export function getHostResolverRules(): string {
  const maps = HOST_NAMES.map((name) => `MAP ${name} 127.0.0.1`);
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(',');
}

export async function launchExtension(options: LaunchOptions): Promise<ExtensionSession> {
  await mkdir(options.scratchDir, { recursive: true });
  const root = await mkdtemp(path.join(options.scratchDir, 'run-'));
  const home = path.join(root, 'home');
  await mkdir(home, { recursive: true });
  const context = await chromium.launchPersistentContext(path.join(root, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 900, height: 640 },
    // Chromium writes its crash database under XDG_CONFIG_HOME even with a temp profile.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(root, 'xdg') },
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      `--host-resolver-rules=${getHostResolverRules()}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-auto-reload',
    ],
  });
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    await installNameShim(worker);
    await context.addInitScript(NAME_SHIM);
    await waitForListeners(worker);
    if (options.probeUrls) await setStoredSetting(worker, 'probeUrls', options.probeUrls);
    return { context, worker, extensionId, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Merges one field into the extension's `settings` kv row, the same row its options page writes, once the
 * background has created the database (it opens it at start-up).
 */
export async function setStoredSetting(worker: Worker, field: string, value: unknown): Promise<void> {
  await worker.evaluate(
    async ({ field, value }) => {
      const open = () =>
        new Promise<IDBDatabase | null>((resolve) => {
          const req = indexedDB.open('outage-lens');
          // Never create the database ourselves (toolchain pitfall 4): wait for the extension's.
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onerror = () => resolve(null);
          req.onsuccess = () => {
            if (req.result.objectStoreNames.contains('kv')) resolve(req.result);
            else {
              req.result.close();
              resolve(null);
            }
          };
        });
      const deadline = Date.now() + 10_000;
      let db = await open();
      while (!db) {
        if (Date.now() > deadline) throw new Error('the extension never created its database');
        await new Promise((resolve) => setTimeout(resolve, 25));
        db = await open();
      }
      const store = db.transaction('kv', 'readwrite').objectStore('kv');
      await new Promise<void>((resolve, reject) => {
        const get = store.get('settings');
        get.onsuccess = () => {
          const current = (get.result?.value ?? {}) as Record<string, unknown>;
          const put = store.put({ key: 'settings', version: 1, value: { ...current, [field]: value } });
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
        get.onerror = () => reject(get.error);
      });
      db.close();
    },
    { field, value },
  );
}

/**
 * tsx compiles this harness with esbuild's keepNames, which wraps named functions in `__name(...)`;
 * functions passed to evaluate() are sent as source, so the page or worker needs that helper too.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export async function installNameShim(target: Worker): Promise<void> {
  await target.evaluate(NAME_SHIM);
}

// The worker can appear before background.js has registered its listeners (toolchain pitfall 2).
export async function waitForListeners(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const deadline = Date.now() + 10_000;
    const ready = () =>
      (globalThis as WorkerScope).chrome.webRequest.onErrorOccurred.hasListeners() &&
      (globalThis as WorkerScope).chrome.webRequest.onCompleted.hasListeners() &&
      (globalThis as WorkerScope).chrome.webNavigation.onErrorOccurred.hasListeners();
    while (!ready()) {
      if (Date.now() > deadline) throw new Error('background listeners never registered');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
}
