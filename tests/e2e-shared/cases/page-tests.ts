import { BADGE_COLORS } from '../../../utils/badge/badge-state';
import { CLEAR_TITLE } from '../../../utils/browser/badge-titles';
import type { FailureClass } from '../../../utils/observe/types';
import { assert, assertEqual, hexToRgba } from '../assert';
import type { BrowserTraits } from '../browser-traits';
import type { BrowserSession, E2eTest, TabPage } from '../e2e-test';
import { getStoredEvents, isFailure, waitForStoredFailures } from '../stored-events';
import { flushPipeline, visit, waitForBadge } from '../tab-actions';

/** The page calls both drivers offer for waiting on the fault pages' own progress marks. */
export interface WaitingPage extends TabPage {
  waitForSelector(selector: string): Promise<unknown>;
  waitForFunction(condition: () => boolean): Promise<unknown>;
}

/** Pages whose health is decided by more than the main document, checked alike in both browsers. */
export function createPageTests<S extends BrowserSession<WaitingPage>>(traits: BrowserTraits): E2eTest<S>[] {
  return [
    {
      name: 'healthy site: nothing stored as a failure, no badge',
      async run(ctx) {
        const { page, tabId } = await visit(ctx, ctx.servers.urls.healthy);
        await page.waitForSelector('body[data-loaded="yes"]');
        // Document, stylesheet, script, image and fetch all reached the server.
        assert((ctx.servers.hits.get('ok.test') ?? 0) >= 5, 'the healthy page loaded its sub-resources');
        const badge = await waitForBadge(ctx, tabId, (b) => b.title === CLEAR_TITLE, 'the all-clear title');
        assertEqual(badge.text, '', 'badge text');
        await flushPipeline(ctx);
        const events = await getStoredEvents(ctx.session.extension);
        assert(
          events.some((e) => e.host === 'ok.test' && e.type === 'main_frame' && e.outcome === 'ok'),
          'the healthy load itself is stored as ok',
        );
        const failures = events.filter((e) => isFailure(e) && e.site === 'ok.test');
        assertEqual(failures, [], 'failures stored for ok.test');
        assertEqual((await waitForBadge(ctx, tabId, () => true, 'badge')).text, '', 'badge text after flush');
      },
    },
    {
      name: 'document loads but its first-party API and images fail: badge on the tab',
      async run(ctx) {
        const { page, tabId } = await visit(ctx, ctx.servers.urls.failingApi);
        await page.waitForFunction(() => document.getElementById('state')?.textContent === 'api calls done');
        const { extension } = ctx.session;
        const apiFailures = await waitForStoredFailures(
          extension,
          (e) => e.host === 'api.shop.test',
          'api.shop.test',
          2,
        );
        for (const failure of apiFailures) {
          assertEqual(failure.outcome, 'http5xx', 'api outcome');
          assertEqual(failure.type, 'xmlhttprequest', 'api resource type');
          assertEqual(failure.status, 503, 'api status');
          assertEqual(failure.tabId, tabId, 'api tab id');
          assertEqual(failure.site, 'shop.test', 'api registrable domain');
        }
        const [image] = await waitForStoredFailures(
          extension,
          (e) => e.host === 'img.shop.test',
          'img.shop.test',
        );
        assertEqual(image?.type, 'image', 'image resource type');
        assertEqual(image?.error, traits.resetSubresource.error, 'image error');
        assert(
          traits.resetSubresource.outcomes.includes(image?.outcome as FailureClass),
          `image outcome ${image?.outcome} in ${traits.resetSubresource.outcomes}`,
        );
        const documentEvents = (await getStoredEvents(extension)).filter(
          (e) => e.host === 'www.shop.test' && e.type === 'main_frame',
        );
        assert(documentEvents.length > 0, 'the document load is stored');
        assert(
          documentEvents.every((e) => !isFailure(e)),
          'the document itself is not a failure',
        );
        const badge = await waitForBadge(ctx, tabId, (b) => b.text !== '', 'a badge for the failing API');
        // One critical first-party host fails (the image is not critical): a count of 1.
        assertEqual(badge.text, '1', 'badge text');
        assertEqual(badge.color, hexToRgba(BADGE_COLORS.failure), 'badge colour');
        assert(badge.title.includes('api.shop.test'), `title names the failing API host: ${badge.title}`);
      },
    },
  ];
}
