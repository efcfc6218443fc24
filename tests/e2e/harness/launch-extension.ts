import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { BrowserSession } from '../../e2e-shared/e2e-test';
import type { ExtensionEval, ExtensionScope } from '../../e2e-shared/extension-eval';
import { HOST_NAMES } from '../../e2e-shared/fault-servers';
import { NAME_SHIM } from '../../e2e-shared/name-shim';
import type { LaunchOptions as SuiteLaunchOptions } from '../../e2e-shared/run-suite';
import { setStoredSetting } from '../../e2e-shared/stored-setting';

/** A Chromium profile with the built extension loaded and its service worker ready. */
export interface ExtensionSession extends BrowserSession<Page> {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** The suite's options (scratchDir: profile, HOME and XDG go there), and a window for the demo. */
export interface LaunchOptions extends SuiteLaunchOptions {
  headless?: boolean;
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
    const extension = createWorkerEval(worker);
    if (options.probeUrls) await setStoredSetting(extension, 'probeUrls', options.probeUrls);
    return {
      context,
      worker,
      extensionId,
      extension,
      openPage: () => context.newPage(),
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Sends functions to the service worker. Playwright keeps one Worker handle across a worker restart,
 * so this keeps working after one (once the name shim is back: see waitForFreshWorker).
 */
function createWorkerEval(worker: Worker): ExtensionEval {
  return {
    // Playwright types the argument through its own Unboxed<>; for JSON arguments it is the same type.
    evaluate: (fn, arg) => worker.evaluate(fn as (arg: unknown) => never, arg),
  };
}

export async function installNameShim(target: Worker): Promise<void> {
  await target.evaluate(NAME_SHIM);
}

// The worker can appear before background.js has registered its listeners (toolchain pitfall 2).
export async function waitForListeners(worker: Worker): Promise<void> {
  await worker.evaluate(async () => {
    const deadline = Date.now() + 10_000;
    const { chrome } = globalThis as ExtensionScope;
    const ready = () =>
      chrome!.webRequest.onErrorOccurred.hasListeners() &&
      chrome!.webRequest.onCompleted.hasListeners() &&
      chrome!.webNavigation.onErrorOccurred.hasListeners();
    while (!ready()) {
      if (Date.now() > deadline) throw new Error('background listeners never registered');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
}
