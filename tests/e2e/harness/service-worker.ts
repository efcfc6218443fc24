import type { Worker } from 'playwright-core';
import { waitFor } from '../../e2e-shared/wait-for';
import type { E2eContext } from './e2e-test';
import { installNameShim, waitForListeners } from './launch-extension';

/**
 * Stops the extension's service worker the way Chromium does after 30 s idle (while DevTools is
 * attached it never idles out, so the internals page's Stop button stands in for the timer).
 */
export async function stopServiceWorker(ctx: E2eContext): Promise<void> {
  const internals = await ctx.session.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const scope = `chrome-extension://${ctx.session.extensionId}/`;
  const entry = internals.locator('.serviceworker-registration', { hasText: scope });
  await entry.getByRole('button', { name: 'Stop', exact: true }).click();
  await waitFor('the worker to stop', async () =>
    (await entry.textContent())?.includes('STOPPED') ? true : undefined,
  );
  await internals.close();
}

const MARK = 'globalThis.__outageLensBeforeStop = true';
const IS_FRESH = 'globalThis.__outageLensBeforeStop === undefined';

/** Marks the running worker instance, so `waitForFreshWorker` can tell a restarted one from it. */
export async function markWorker(worker: Worker): Promise<void> {
  await worker.evaluate(MARK);
}

/**
 * Waits until the worker runs again as a new instance: Playwright keeps the same Worker handle
 * across the restart, so a global set before the stop tells old from new.
 */
export async function waitForFreshWorker(worker: Worker): Promise<void> {
  await waitFor('the worker to restart', async () => ((await worker.evaluate(IS_FRESH)) ? true : undefined));
  await installNameShim(worker);
  await waitForListeners(worker);
}
