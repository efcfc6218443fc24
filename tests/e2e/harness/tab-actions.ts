import type { Page } from 'playwright-core';
import type { E2eContext } from './e2e-test';
import { findTabId, getTabBadge, type TabBadge } from './extension-probe';
import { waitForStoredFailures } from './stored-events';
import { waitFor } from './wait-for';
import type { WorkerScope } from './worker-chrome';

/** A page opened in its own tab, with the extension's id for that tab. */
export interface VisitedTab {
  page: Page;
  tabId: number;
}

/**
 * Opens `url` in a new tab and waits until the tab has finished loading (error pages included).
 * Navigation errors are the point of most tests, so they are not thrown.
 */
export async function visit(ctx: E2eContext, url: string): Promise<VisitedTab> {
  const page = await ctx.session.context.newPage();
  await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
  const tabId = await waitFor(`a tab showing ${url}`, () => findTabId(ctx.session.worker, url));
  await waitForTabComplete(ctx, tabId);
  return { page, tabId };
}

export async function waitForTabComplete(ctx: E2eContext, tabId: number): Promise<void> {
  await waitFor(`tab ${tabId} to finish loading`, () =>
    ctx.session.worker.evaluate(
      async (id) =>
        (await (globalThis as WorkerScope).chrome.tabs.get(id)).status === 'complete' ? true : undefined,
      tabId,
    ),
  );
}

/**
 * Waits for the badge the extension sets after the tab committed its document (Chromium resets
 * per-tab badges on commit, so only a badge read after `complete` is the one the user sees).
 */
export async function waitForBadge(
  ctx: E2eContext,
  tabId: number,
  accept: (badge: TabBadge) => boolean,
  what: string,
): Promise<TabBadge> {
  let last: TabBadge | undefined;
  try {
    return await waitFor(what, async () => {
      last = await getTabBadge(ctx.session.worker, tabId);
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
 * checks. The barrier's own failure is on its own host and tab.
 */
export async function flushPipeline(ctx: E2eContext): Promise<void> {
  barrierCount++;
  const host = `barrier-${barrierCount}.test`;
  const { page } = await visit(ctx, `http://${host}/`);
  await waitForStoredFailures(ctx.session.worker, (e) => e.host === host, host);
  await page.close();
}
