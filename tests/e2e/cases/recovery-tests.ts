import { CLEAR_TITLE } from '../../../utils/browser/badge-titles';
import { assertEqual } from '../../e2e-shared/assert';
import { getStoredEvents, waitForStoredFailures } from '../../e2e-shared/stored-events';
import { visit, waitForBadge, waitForTabComplete } from '../../e2e-shared/tab-actions';
import { waitFor } from '../../e2e-shared/wait-for';
import type { E2eTest } from '../harness/e2e-test';

/** A failing page that recovers: the extension takes its badge back. */
export const RECOVERY_TESTS: E2eTest[] = [
  {
    name: 'badge clears when the tab loads fine again',
    async run(ctx) {
      const { page, tabId } = await visit(ctx, ctx.servers.urls.flaky);
      await waitForStoredFailures(ctx.session.extension, (e) => e.host === 'flaky.test', 'flaky.test');
      await waitForBadge(ctx, tabId, (b) => b.text !== '', 'the failure badge');
      ctx.servers.setFlakyHealthy(true);
      await page.reload({ waitUntil: 'load' });
      await waitForTabComplete(ctx, tabId);
      // Chromium blanks the badge on commit by itself; the all-clear title shows the extension decided.
      const badge = await waitForBadge(ctx, tabId, (b) => b.title === CLEAR_TITLE, 'the all-clear title');
      assertEqual(badge.text, '', 'badge text after recovery');
      await waitFor('a stored ok load of flaky.test', async () =>
        (await getStoredEvents(ctx.session.extension)).some(
          (e) => e.host === 'flaky.test' && e.outcome === 'ok',
        )
          ? true
          : undefined,
      );
    },
  },
];
