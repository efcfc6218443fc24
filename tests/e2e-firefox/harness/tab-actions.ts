import type { Page } from 'puppeteer-core';
import type { TabBadge } from '../../e2e/harness/extension-probe';
import { waitFor } from '../../e2e/harness/wait-for';
import type { FirefoxContext } from './e2e-test';
import { findTabId, getTabBadge, isTabComplete } from './extension-probe';
import { waitForStoredFailures } from './stored-events';

/** A page opened in its own tab, with the extension's id for that tab (not the BiDi context id). */
export interface VisitedTab {
  page: Page;
  tabId: number;
}

/**
 * Opens `url` in a new tab and waits until the tab has finished loading (error pages included).
 * Navigation errors are the point of most tests, so they are not thrown.
 */
export async function visit(ctx: FirefoxContext, url: string): Promise<VisitedTab> {
  const page = await ctx.session.browser.newPage();
  await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
  const { background } = ctx.session;
  const tabId = await waitFor(`a tab showing ${url}`, () => findTabId(background, url));
  await waitForTabComplete(ctx, tabId);
  return { page, tabId };
}

export async function waitForTabComplete(ctx: FirefoxContext, tabId: number): Promise<void> {
  await waitFor(`tab ${tabId} to finish loading`, async () =>
    (await isTabComplete(ctx.session.background, tabId)) ? true : undefined,
  );
}

/** Waits for a badge on one tab that `accept` takes; a timeout reports the last badge seen. */
export async function waitForBadge(
  ctx: FirefoxContext,
  tabId: number,
  accept: (badge: TabBadge) => boolean,
  what: string,
): Promise<TabBadge> {
  let last: TabBadge | undefined;
  try {
    return await waitFor(what, async () => {
      last = await getTabBadge(ctx.session.background, tabId);
      return accept(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last badge ${JSON.stringify(last)}`);
  }
}

let barrierCount = 0;

/**
 * The background handles events in arrival order, so once a failure provoked now is stored, every
 * event before it has been handled too. Used instead of sleeping before "nothing else happened"
 * checks. The barrier is an unknown name (NXDOMAIN through the dead resolver), on its own tab.
 */
export async function flushPipeline(ctx: FirefoxContext): Promise<void> {
  barrierCount++;
  const host = `barrier-${barrierCount}.test`;
  const { page } = await visit(ctx, `http://${host}/`);
  await waitForStoredFailures(ctx.session.background, (e) => e.host === host, host);
  await page.close();
}
