import path from 'node:path';
import { assert, assertEqual } from '../../e2e-shared/assert';
import { waitForStoredFailures } from '../../e2e-shared/stored-events';
import { visit } from '../../e2e-shared/tab-actions';
import type { FirefoxTest } from '../harness/e2e-test';
import { openPopupTab, savePopupScreenshot, waitForPopup } from '../harness/popup-probe';

export const POPUP_TESTS: FirefoxTest[] = [
  {
    name: 'popup (opened as a tab) lists the failing tab’s failures',
    async run(ctx) {
      const { tabId } = await visit(ctx, ctx.servers.urls.failingApi);
      const { extension: background } = ctx.session;
      await waitForStoredFailures(background, (e) => e.site === 'shop.test', 'shop.test', 3);
      const popup = await openPopupTab(background, tabId);
      const shown = await waitForPopup(
        background,
        popup,
        (p) => p.failures.length >= 3,
        'three failure items',
      );
      assertEqual(shown.failures.length, 3, 'failure items');
      const apiItems = shown.failures.filter((f) => f.includes('api.shop.test'));
      assertEqual(apiItems.length, 2, 'failure items for api.shop.test');
      for (const item of apiItems) assert(item.includes('HTTP 503'), `API item shows the status: ${item}`);
      const image = shown.failures.find((f) => f.includes('img.shop.test')) ?? '';
      assert(image.includes('NS_ERROR_NET_RESET'), `image item shows Firefox's error: ${image}`);
      for (const expected of ['shop.test', 'Recent failures']) {
        assert(shown.text.includes(expected), `popup mentions ${expected}: ${shown.text}`);
      }
      assert(!shown.text.includes('No failures on this tab'), 'no empty state beside failures');
      await savePopupScreenshot(background, popup, path.join(ctx.resultsDir, 'firefox-popup.png'));
    },
  },
  {
    name: 'popup shows a clear empty state for a healthy tab',
    async run(ctx) {
      const { page, tabId } = await visit(ctx, ctx.servers.urls.healthy);
      await page.waitForSelector('body[data-loaded="yes"]');
      const { extension: background } = ctx.session;
      const popup = await openPopupTab(background, tabId);
      const shown = await waitForPopup(
        background,
        popup,
        (p) => p.text.includes('No failures on this tab'),
        'the empty state',
      );
      assertEqual(shown.failures, [], 'failure items');
    },
  },
];
