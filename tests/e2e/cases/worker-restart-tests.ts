import { assert, assertEqual } from '../../e2e-shared/assert';
import { waitForStoredFailures } from '../../e2e-shared/stored-events';
import { visit, waitForBadge } from '../../e2e-shared/tab-actions';
import type { E2eTest } from '../harness/e2e-test';
import { markWorker, stopServiceWorker, waitForFreshWorker } from '../harness/service-worker';

export const WORKER_RESTART_TESTS: E2eTest[] = [
  {
    name: 'a stopped service worker wakes for the next failure; nothing stored is lost',
    async run(ctx) {
      const first = await visit(ctx, ctx.servers.urls.http503);
      await waitForStoredFailures(ctx.session.extension, (e) => e.host === 'down.test', 'down.test');
      await waitForBadge(ctx, first.tabId, (b) => b.text !== '', 'the first badge');

      const { worker, extension } = ctx.session;
      await markWorker(worker);
      await stopServiceWorker(ctx);
      const second = await ctx.session.context.newPage();
      await second.goto(ctx.servers.urls.refused).catch(() => undefined);
      await waitForFreshWorker(worker);

      const [refused] = await waitForStoredFailures(extension, (e) => e.host === 'refused.test', 'refused');
      assertEqual(refused?.outcome, 'connect', 'outcome after restart');
      const [earlier] = await waitForStoredFailures(extension, (e) => e.host === 'down.test', 'down.test');
      assert(earlier, 'the failure stored before the restart is still there');
      const secondTab = refused!.tabId;
      await waitForBadge(ctx, secondTab, (b) => b.text !== '', 'a badge set by the restarted worker');
    },
  },
];
