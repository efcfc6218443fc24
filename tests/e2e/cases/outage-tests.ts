import path from 'node:path';
import type { Page } from 'playwright-core';
import { BADGE_COLORS } from '../../../utils/badge/badge-state';
import type { HostRecord } from '../../../utils/store/records';
import { assert, assertEqual, hexToRgba } from '../../e2e-shared/assert';
import { readStore } from '../../e2e-shared/extension-probe';
import type { SiteFault } from '../../e2e-shared/fault-servers';
import { setStoredSetting } from '../../e2e-shared/stored-setting';
import {
  type VisitedTab as AnyVisitedTab,
  visit,
  waitForBadge,
  waitForTabComplete,
} from '../../e2e-shared/tab-actions';
import { waitFor } from '../../e2e-shared/wait-for';
import { getSeriousViolations, runAxe } from '../harness/axe';
import type { E2eContext, E2eTest } from '../harness/e2e-test';
import { addUserMappings } from '../harness/options-actions';
import { markWorker, stopServiceWorker, waitForFreshWorker } from '../harness/service-worker';

type VisitedTab = AnyVisitedTab<Page>;

/** Four unrelated sites (distinct registrable domains) the user maps onto AWS us-east-1. */
const SITES = ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test'];

async function mapSitesToAws(ctx: E2eContext): Promise<void> {
  await addUserMappings(
    ctx,
    SITES.map((match) => ({ match, provider: 'aws', region: 'us-east-1' })),
  );
}

async function isPlacedOnAws(ctx: E2eContext, host: string): Promise<boolean> {
  const hosts = await readStore<HostRecord>(ctx.session.extension, 'outage-lens', 'hosts');
  const record = hosts.find((h) => h.host === host);
  return record?.attributions.some((a) => a.provider === 'aws' && a.region === 'us-east-1') ?? false;
}

/**
 * Loads a mapped site while it is healthy, until its host profile says AWS us-east-1. The options page tells
 * the background about new mappings by message, which can land just after the first load started.
 */
async function loadHealthy(ctx: E2eContext, host: string): Promise<VisitedTab> {
  const tab = await loadHealthySite(ctx, host);
  await waitFor(`${host} placed on AWS us-east-1`, async () => {
    if (await isPlacedOnAws(ctx, host)) return true;
    await tab.page.reload().catch(() => undefined);
    await waitForTabComplete(ctx, tab.tabId);
    return undefined;
  });
  return tab;
}

/**
 * Loads an unmapped site while it is healthy, until its page's own API call answered too: a success
 * landing after the failures that follow would rightly make the engine doubt the user is offline.
 */
async function loadHealthySite(ctx: E2eContext, host: string): Promise<VisitedTab> {
  const tab = await visit(ctx, ctx.servers.getSiteUrl(host));
  await tab.page.waitForSelector('body[data-loaded="yes"]');
  return tab;
}

/** Makes a site fail the given way and loads it in its existing tab. */
async function loadFailing(ctx: E2eContext, tab: VisitedTab, host: string, fault: SiteFault): Promise<void> {
  ctx.servers.setSiteFault(host, fault);
  await tab.page.goto(ctx.servers.getSiteUrl(host)).catch(() => undefined);
  await waitForTabComplete(ctx, tab.tabId);
}

async function openPopup(ctx: E2eContext, tabId: number): Promise<Page> {
  const page = await ctx.session.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`chrome-extension://${ctx.session.extensionId}/popup.html?tabId=${tabId}`);
  return page;
}

const isAwsBadge = (b: { text: string }) => b.text === 'AWS';

/** Three mapped sites fail while the probe answers: the failing tabs' badges blame AWS us-east-1. */
async function raiseAwsOutage(ctx: E2eContext): Promise<VisitedTab[]> {
  await mapSitesToAws(ctx);
  const tabs: VisitedTab[] = [];
  for (const host of SITES) tabs.push(await loadHealthy(ctx, host));
  const faults: SiteFault[] = ['503', 'refused', 'reset'];
  for (const [i, fault] of faults.entries()) await loadFailing(ctx, tabs[i]!, SITES[i]!, fault);
  return tabs;
}

export const OUTAGE_TESTS: E2eTest[] = [
  {
    name: 'three mapped sites failing at once: the badge and the popup name an AWS us-east-1 outage, also after a worker restart',
    async run(ctx) {
      const tabs = await raiseAwsOutage(ctx);
      const failing = tabs[2]!;
      const badge = await waitForBadge(ctx, failing.tabId, isAwsBadge, 'an AWS badge on the failing tab');
      assertEqual(badge.color, hexToRgba(BADGE_COLORS.failure), 'badge colour');
      assert(badge.title.includes('AWS us-east-1 outage'), `title names the outage: ${badge.title}`);
      assert(badge.title.includes('3 sites on it are failing'), `title counts the sites: ${badge.title}`);
      // The first failing tab was badged before the outage was known; it is re-badged once it is.
      await waitForBadge(ctx, tabs[0]!.tabId, isAwsBadge, 'an AWS badge on the first failing tab');
      await waitForBadge(ctx, tabs[3]!.tabId, (b) => b.text === '', 'no badge on the healthy tab');

      const popup = await openPopup(ctx, failing.tabId);
      await popup.getByRole('heading', { name: /outage at AWS us-east-1/ }).waitFor();
      const text = (await popup.locator('main').textContent()) ?? '';
      for (const expected of ['Northern Virginia', 'Why we think so', 'Suspected outages', 'alpha.test']) {
        assert(text.includes(expected), `popup mentions ${expected}: ${text}`);
      }
      await popup.screenshot({ path: path.join(ctx.resultsDir, 'popup-outage.png'), fullPage: true });
      assertEqual(getSeriousViolations(await runAxe(popup)), [], 'serious or critical axe violations');
      await popup.close();

      // (b) The worker is stopped; the reloaded tab wakes it, and the restored engine still knows the outage.
      const { worker } = ctx.session;
      await markWorker(worker);
      await stopServiceWorker(ctx);
      await failing.page.reload().catch(() => undefined);
      await waitForFreshWorker(worker);
      await waitForTabComplete(ctx, failing.tabId);
      await waitForBadge(ctx, failing.tabId, isAwsBadge, 'the AWS badge from the restarted worker');
      const after = await openPopup(ctx, failing.tabId);
      await after.getByRole('heading', { name: /outage at AWS us-east-1/ }).waitFor();
      // The other failing sites come from the restored engine: this worker saw only charlie.test fail.
      await after.getByText(/3 sites failing/).waitFor();
    },
  },
  {
    name: 'one mapped site failing among healthy neighbours: SITE badge',
    async run(ctx) {
      await mapSitesToAws(ctx);
      const tabs: VisitedTab[] = [];
      for (const host of SITES) tabs.push(await loadHealthy(ctx, host));
      await loadFailing(ctx, tabs[3]!, 'delta.test', '503');
      const badge = await waitForBadge(ctx, tabs[3]!.tabId, (b) => b.text === 'SITE', 'a SITE badge');
      assertEqual(badge.color, hexToRgba(BADGE_COLORS.site), 'badge colour');
      assert(badge.title.includes('delta.test itself'), `title blames the site: ${badge.title}`);
      const popup = await openPopup(ctx, tabs[3]!.tabId);
      await popup.getByRole('heading', { name: /problem with delta\.test itself/ }).waitFor();
    },
  },
  {
    name: 'the own connection down (every probe endpoint unreachable, unrelated sites failing): NET badge',
    async run(ctx) {
      // The probe list points at a port nobody listens on: the connection check fails like it does offline.
      await setStoredSetting(ctx.session.extension, 'probeUrls', [ctx.servers.urls.refused]);
      const tabs: VisitedTab[] = [];
      for (const host of ['alpha.test', 'bravo.test', 'charlie.test'])
        tabs.push(await loadHealthySite(ctx, host));
      for (const [i, host] of ['alpha.test', 'bravo.test', 'charlie.test'].entries()) {
        await loadFailing(ctx, tabs[i]!, host, 'refused');
      }
      for (const tab of tabs) {
        const badge = await waitForBadge(ctx, tab.tabId, (b) => b.text === 'NET', 'a NET badge');
        assertEqual(badge.color, hexToRgba(BADGE_COLORS.local), 'badge colour');
        assert(badge.title.includes('Your own connection'), `title blames the connection: ${badge.title}`);
      }
      const popup = await openPopup(ctx, tabs[2]!.tabId);
      await popup.getByRole('heading', { name: /your own connection/ }).waitFor();
    },
  },
];
