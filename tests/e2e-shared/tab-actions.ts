import type { BrowserSession, TabPage } from './e2e-test';
import { findTabId, getTabBadge, isTabComplete, type TabBadge } from './extension-probe';
import { waitForStoredFailures } from './stored-events';
import { waitFor, waitForAccepted } from './wait-for';

/** A page opened in its own tab, with the extension's id for that tab (not the driver's own id). */
export interface VisitedTab<P extends TabPage = TabPage> {
  page: P;
  tabId: number;
}

/** The part of a test context the tab actions use. */
interface WithSession<P extends TabPage> {
  session: BrowserSession<P>;
}

/**
 * Opens `url` in a new tab and waits until the tab has finished loading (error pages included).
 * Navigation errors are the point of most tests, so they are not thrown.
 */
export async function visit<P extends TabPage>(ctx: WithSession<P>, url: string): Promise<VisitedTab<P>> {
  const page = await ctx.session.openPage();
  await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
  const tabId = await waitFor(`a tab showing ${url}`, () => findTabId(ctx.session.extension, url));
  await waitForTabComplete(ctx, tabId);
  return { page, tabId };
}

export async function waitForTabComplete(ctx: WithSession<TabPage>, tabId: number): Promise<void> {
  await waitFor(`tab ${tabId} to finish loading`, async () =>
    (await isTabComplete(ctx.session.extension, tabId)) ? true : undefined,
  );
}

/**
 * Waits for a badge on one tab that `accept` takes; a timeout reports the last badge seen. Read after
 * the tab is complete: Chromium resets per-tab badges on commit, so only a later badge is the one the
 * user sees.
 */
export function waitForBadge(
  ctx: WithSession<TabPage>,
  tabId: number,
  accept: (badge: TabBadge) => boolean,
  what: string,
): Promise<TabBadge> {
  return waitForAccepted(what, 'badge', () => getTabBadge(ctx.session.extension, tabId), accept);
}

let barrierCount = 0;

/**
 * The background handles events in arrival order, so once a failure provoked now is stored, every
 * event before it has been handled too. Used instead of sleeping before "nothing else happened"
 * checks. The barrier is an unknown name (NXDOMAIN in both browsers), on its own host and tab.
 */
export async function flushPipeline(ctx: WithSession<TabPage>): Promise<void> {
  barrierCount++;
  const host = `barrier-${barrierCount}.test`;
  const { page } = await visit(ctx, `http://${host}/`);
  await waitForStoredFailures(ctx.session.extension, (e) => e.host === host, host);
  await page.close();
}
