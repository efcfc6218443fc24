import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, assertEqual } from '../../e2e-shared/assert';
import { waitForStoredFailures } from '../../e2e-shared/stored-events';
import { visit } from '../../e2e-shared/tab-actions';
import { getSeriousViolations, runAxe } from '../harness/axe';
import type { E2eContext, E2eTest } from '../harness/e2e-test';

/** Opens the popup page for one tab, sized like the toolbar popup. */
async function openPopup(ctx: E2eContext, tabId: number): Promise<Page> {
  const page = await ctx.session.context.newPage();
  await page.setViewportSize({ width: 380, height: 480 });
  await page.goto(`chrome-extension://${ctx.session.extensionId}/popup.html?tabId=${tabId}`);
  return page;
}

export const POPUP_TESTS: E2eTest[] = [
  {
    name: 'popup lists the failing tab’s failures (screenshot, keyboard, axe)',
    async run(ctx) {
      const { tabId } = await visit(ctx, ctx.servers.urls.failingApi);
      await waitForStoredFailures(ctx.session.extension, (e) => e.site === 'shop.test', 'shop.test', 3);
      const popup = await openPopup(ctx, tabId);
      await popup.waitForFunction(() => document.querySelectorAll('li.failure').length >= 3);
      const text = (await popup.locator('main').textContent()) ?? '';
      for (const expected of ['api.shop.test', 'img.shop.test', 'shop.test']) {
        assert(text.includes(expected), `popup mentions ${expected}: ${text}`);
      }
      assert(!text.includes('No failures on this tab'), 'no empty state beside failures');
      await popup.screenshot({ path: path.join(ctx.resultsDir, 'popup.png'), fullPage: true });

      // Keyboard: the first item takes focus with Tab and opens with Enter.
      await popup.keyboard.press('Tab');
      const focused = await popup.evaluate(() => document.activeElement?.closest('li.failure') !== null);
      assert(focused, 'Tab focuses a failure item');
      await popup.keyboard.press('Enter');
      const opened = await popup.evaluate(() => document.activeElement?.closest('details')?.open === true);
      assert(opened, 'Enter opens the item’s details');

      const serious = getSeriousViolations(await runAxe(popup));
      assertEqual(serious, [], 'serious or critical axe violations');
    },
  },
  {
    name: 'popup shows a clear empty state for a healthy tab',
    async run(ctx) {
      const { page, tabId } = await visit(ctx, ctx.servers.urls.healthy);
      await page.waitForSelector('body[data-loaded="yes"]');
      const popup = await openPopup(ctx, tabId);
      await popup.getByText('No failures on this tab').waitFor();
      assertEqual(await popup.locator('li.failure').count(), 0, 'failure items');
      assertEqual(getSeriousViolations(await runAxe(popup)), [], 'serious or critical axe violations');
    },
  },
];
