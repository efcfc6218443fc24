import type { Worker } from 'playwright-core';
import { assert, assertEqual } from '../harness/assert';
import type { E2eContext, E2eTest } from '../harness/e2e-test';
import { installNameShim, waitForListeners } from '../harness/launch-extension';
import { waitForStoredFailures } from '../harness/stored-events';
import { visit, waitForBadge } from '../harness/tab-actions';
import { waitFor } from '../harness/wait-for';

/**
 * Stops the extension's service worker the way Chromium does after 30 s idle (while DevTools is
 * attached it never idles out, so the internals page's Stop button stands in for the timer).
 */
async function stopServiceWorker(ctx: E2eContext): Promise<void> {
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

/**
 * Waits until the worker runs again as a new instance: Playwright keeps the same Worker handle
 * across the restart, so a global set before the stop tells old from new.
 */
async function waitForFreshWorker(worker: Worker): Promise<void> {
  await waitFor('the worker to restart', async () => ((await worker.evaluate(IS_FRESH)) ? true : undefined));
  await installNameShim(worker);
  await waitForListeners(worker);
}

export const WORKER_RESTART_TESTS: E2eTest[] = [
  {
    name: 'a stopped service worker wakes for the next failure; nothing stored is lost',
    async run(ctx) {
      const first = await visit(ctx, ctx.servers.urls.http503);
      await waitForStoredFailures(ctx.session.worker, (e) => e.host === 'down.test', 'down.test');
      await waitForBadge(ctx, first.tabId, (b) => b.text !== '', 'the first badge');

      const { worker } = ctx.session;
      await worker.evaluate(MARK);
      await stopServiceWorker(ctx);
      const second = await ctx.session.context.newPage();
      await second.goto(ctx.servers.urls.refused).catch(() => undefined);
      await waitForFreshWorker(worker);

      const [refused] = await waitForStoredFailures(worker, (e) => e.host === 'refused.test', 'refused');
      assertEqual(refused?.outcome, 'connect', 'outcome after restart');
      const [earlier] = await waitForStoredFailures(worker, (e) => e.host === 'down.test', 'down.test');
      assert(earlier, 'the failure stored before the restart is still there');
      const secondTab = refused!.tabId;
      await waitForBadge(ctx, secondTab, (b) => b.text !== '', 'a badge set by the restarted worker');
    },
  },
];
