/**
 * The demo's outage story, built from the e2e harness: four unrelated local sites (distinct registrable
 * domains the fault servers serve) mapped onto AWS us-east-1 through the real options page, loaded
 * healthy once, then made to fail the way real sites fail.
 */

import type { Page } from 'playwright-core';
import type { HostRecord } from '../../utils/store/records';
import type { E2eContext } from '../e2e/harness/e2e-test';
import { addUserMappings } from '../e2e/harness/options-actions';
import { readStore } from '../e2e-shared/extension-probe';
import type { SiteFault } from '../e2e-shared/fault-servers';
import { type VisitedTab, visit, waitForTabComplete } from '../e2e-shared/tab-actions';
import { waitFor } from '../e2e-shared/wait-for';

export const PROVIDER = 'aws';
export const REGION = 'us-east-1';
export const MAPPED_SITES = ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test'] as const;
export type MappedSite = (typeof MAPPED_SITES)[number];

/** Types the four mappings into the options page, the way a person does. */
export async function mapSitesToAws(ctx: E2eContext): Promise<void> {
  await addUserMappings(
    ctx,
    MAPPED_SITES.map((match) => ({ match, provider: PROVIDER, region: REGION })),
  );
}

async function isPlacedOnAws(ctx: E2eContext, host: string): Promise<boolean> {
  const hosts = await readStore<HostRecord>(ctx.session.extension, 'outage-lens', 'hosts');
  const record = hosts.find((h) => h.host === host);
  return record?.attributions.some((a) => a.provider === PROVIDER && a.region === REGION) ?? false;
}

/**
 * Opens a mapped site while it is healthy and waits until its page's own API call answered and the
 * extension placed the host on AWS us-east-1 (the options page tells the background by message, which
 * can land just after the first load started: then the page is reloaded).
 */
export async function loadHealthy(ctx: E2eContext, host: MappedSite): Promise<VisitedTab<Page>> {
  const tab = await visit(ctx, ctx.servers.getSiteUrl(host));
  await tab.page.waitForSelector('body[data-loaded="yes"]');
  await waitFor(`${host} placed on AWS us-east-1`, async () => {
    if (await isPlacedOnAws(ctx, host)) return true;
    await tab.page.reload().catch(() => undefined);
    await waitForTabComplete(ctx, tab.tabId);
    return undefined;
  });
  return tab;
}

/** Makes a mapped site fail the given way and loads it again in its own tab. */
export async function loadFailing(
  ctx: E2eContext,
  tab: VisitedTab<Page>,
  host: MappedSite,
  fault: SiteFault,
): Promise<void> {
  ctx.servers.setSiteFault(host, fault);
  await tab.page.goto(ctx.servers.getSiteUrl(host)).catch(() => undefined);
  await waitForTabComplete(ctx, tab.tabId);
}
