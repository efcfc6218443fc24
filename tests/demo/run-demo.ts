/**
 * Demo: the built extension in Chromium against local sites, some healthy, some failing, then a
 * simulated AWS us-east-1 outage: four unrelated sites mapped onto it in the options page, one of them
 * failing alone (SITE), then three failing at once (AWS). Saves screenshots of the failing pages, their
 * toolbar badges and the popups under test-results/demo/, prints a table of the badges and where the
 * files are, and exits (headless). With $DISPLAY the browser window stays open for you to explore until
 * Ctrl-C. Run with `npm run demo` (it builds first).
 *
 * Nothing leaves the machine: Chromium resolves the demo's names to local servers and every other name
 * fails, so the extension's connectivity probe points at the local probe endpoint (as in the e2e suite).
 * Every step waits for the state it shows, so each run prints the same badges.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { E2eContext } from '../e2e/harness/e2e-test';
import { launchExtension } from '../e2e/harness/launch-extension';
import type { TabBadge } from '../e2e-shared/extension-probe';
import { startFaultServers } from '../e2e-shared/fault-servers';
import { type VisitedTab, visit, waitForBadge } from '../e2e-shared/tab-actions';
import { renderBadgeCard } from './badge-card';
import { loadFailing, loadHealthy, MAPPED_SITES, type MappedSite, mapSitesToAws } from './mapped-sites';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(repoRoot, '.output/chrome-mv3');
const demoDir = path.join(repoRoot, 'test-results/demo');
const scratchDir = path.join(repoRoot, 'test-results/demo-profile');

/** The unmapped sites the demo visits first: name for the files, URL, and the badge to wait for. */
function getPlainSites(urls: Awaited<ReturnType<typeof startFaultServers>>['urls']) {
  return [
    { name: 'healthy', url: urls.healthy, badge: '' },
    { name: 'shop-api-down', url: urls.failingApi, badge: '1' },
    { name: 'http-503', url: urls.http503, badge: '!' },
    { name: 'dns-nxdomain', url: urls.nxdomain, badge: '!' },
  ];
}

/** One line of the summary table. */
interface Row {
  step: string;
  site: string;
  badge: TabBadge;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const started = Date.now();
  const headed = Boolean(process.env.DISPLAY);
  await rm(demoDir, { recursive: true, force: true });
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(demoDir, { recursive: true });
  const servers = await startFaultServers();
  const session = await launchExtension({
    extensionDir,
    scratchDir,
    headless: !headed,
    // The product's probe list points at the internet; the demo's internet is local, so is its probe.
    probeUrls: [servers.urls.probe],
  });
  const ctx: E2eContext = { session, servers, resultsDir: demoDir };
  const saved: string[] = [];
  const rows: Row[] = [];
  const save = (file: string) => {
    const full = path.join(demoDir, file);
    saved.push(full);
    return full;
  };

  /** Waits for the badge to read `text`, records it, and screenshots the badge card and the popup. */
  async function capture(
    step: string,
    url: string,
    tab: VisitedTab<Page>,
    text: string,
    popupReady: (popup: Page) => Promise<unknown>,
    { pageShot = false } = {},
  ): Promise<TabBadge> {
    const badge = await waitForBadge(
      ctx,
      tab.tabId,
      (b) => b.text === text && (text !== '' || b.title.includes('no failures')),
      `the ${JSON.stringify(text)} badge for ${step}`,
    );
    if (pageShot) await tab.page.screenshot({ path: save(`${step}-page.png`) });
    const card = await session.context.newPage();
    await card.setViewportSize({ width: 640, height: 160 });
    await card.setContent(renderBadgeCard(new URL(url).host, badge));
    await card.screenshot({ path: save(`${step}-badge.png`) });
    await card.close();
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tab.tabId}`);
    await popupReady(popup);
    await popup.screenshot({ path: save(`${step}-popup.png`), fullPage: true });
    if (!headed) await popup.close();
    rows.push({ step, site: new URL(url).hostname, badge });
    return badge;
  }

  try {
    // 1. Unmapped sites: one healthy, one whose own API fails, one answering 503, one that does not resolve.
    for (const site of getPlainSites(servers.urls)) {
      const tab = await visit(ctx, site.url);
      await capture(
        site.name,
        site.url,
        tab,
        site.badge,
        (popup) => popup.waitForSelector(site.badge ? 'li.failure' : '.empty-state'),
        { pageShot: true },
      );
    }

    // 2. Four unrelated sites mapped onto AWS us-east-1 in the real options page, each loaded fine once.
    await mapSitesToAws(ctx);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const list = options.getByRole('list', { name: 'Your mappings' });
    for (const host of MAPPED_SITES) await list.getByText(host, { exact: true }).waitFor();
    await options
      .getByRole('region', { name: 'Your own mappings' })
      .screenshot({ path: save('aws-mappings-options.png') });
    if (!headed) await options.close();
    const tabs = {} as Record<MappedSite, VisitedTab<Page>>;
    for (const host of MAPPED_SITES) tabs[host] = await loadHealthy(ctx, host);

    // 3. delta.test alone fails while its neighbours on AWS us-east-1 load: that site's own problem.
    await loadFailing(ctx, tabs['delta.test'], 'delta.test', '503');
    await capture('site-down', servers.getSiteUrl('delta.test'), tabs['delta.test'], 'SITE', (popup) =>
      popup.getByRole('heading', { name: /problem with delta\.test itself/ }).waitFor(),
    );

    // 4. Two more fail (refused, reset): three unrelated sites on AWS us-east-1 down at once.
    await loadFailing(ctx, tabs['alpha.test'], 'alpha.test', 'refused');
    await loadFailing(ctx, tabs['bravo.test'], 'bravo.test', 'reset');
    await capture(
      'aws-outage',
      servers.getSiteUrl('bravo.test'),
      tabs['bravo.test'],
      'AWS',
      async (popup) => {
        await popup.getByRole('heading', { name: /outage at AWS us-east-1/ }).waitFor();
        await popup.locator('.verdict__evidence li').first().waitFor();
        await popup.getByText(/3 sites failing/).waitFor();
      },
    );
    // The other tabs on the same region: the earlier failures are re-badged, the healthy one stays clean.
    for (const [host, text] of [
      ['alpha.test', 'AWS'],
      ['delta.test', 'AWS'],
      ['charlie.test', ''],
    ] as const) {
      const badge = await waitForBadge(ctx, tabs[host].tabId, (b) => b.text === text, `${host} badge`);
      rows.push({ step: 'aws-outage', site: host, badge });
    }

    printTable(rows);
    console.log(`\nScreenshots (${saved.length}) in ${path.relative(process.cwd(), demoDir) || demoDir}/:`);
    for (const file of saved) console.log(`  ${path.relative(process.cwd(), file)}`);
    console.log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (headed) {
      console.log(
        '\nThe browser stays open: click the Outage Lens toolbar button on each tab. Ctrl-C to quit.',
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await session.close();
    await servers.close();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

function printTable(rows: readonly Row[]): void {
  const lines = [
    ['step', 'site', 'badge', 'badge title'],
    ...rows.map((r) => [r.step, r.site, r.badge.text || '(none)', r.badge.title]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const line of lines) {
    console.log(line.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  '));
  }
}

await main();
