/**
 * Demo: the built extension in Chromium against local sites, some healthy, some failing.
 * Saves screenshots of each failing page, its toolbar badge and the popup under
 * test-results/demo/, prints where, and exits (headless). With $DISPLAY the browser window stays
 * open for you to explore until Ctrl-C. Run with `npm run demo` (it builds first).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { E2eContext } from '../e2e/harness/e2e-test';
import { startFaultServers } from '../e2e/harness/fault-servers';
import { launchExtension } from '../e2e/harness/launch-extension';
import { visit, waitForBadge } from '../e2e/harness/tab-actions';
import { renderBadgeCard } from './badge-card';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(repoRoot, '.output/chrome-mv3');
const demoDir = path.join(repoRoot, 'test-results/demo');

/** The sites the demo visits: name for the files, URL, and whether a badge is expected. */
function getDemoSites(urls: Awaited<ReturnType<typeof startFaultServers>>['urls']) {
  return [
    { name: 'healthy', url: urls.healthy, failing: false },
    { name: 'shop-api-down', url: urls.failingApi, failing: true },
    { name: 'http-503', url: urls.http503, failing: true },
    { name: 'dns-nxdomain', url: urls.nxdomain, failing: true },
  ];
}

async function main(): Promise<void> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const headed = Boolean(process.env.DISPLAY);
  await rm(demoDir, { recursive: true, force: true });
  await mkdir(demoDir, { recursive: true });
  const servers = await startFaultServers();
  const session = await launchExtension({
    extensionDir,
    scratchDir: path.join(repoRoot, 'test-results/demo-profile'),
    headless: !headed,
  });
  const ctx: E2eContext = { session, servers, resultsDir: demoDir };
  const saved: string[] = [];
  const save = (file: string) => {
    const full = path.join(demoDir, file);
    saved.push(full);
    return full;
  };

  try {
    for (const site of getDemoSites(servers.urls)) {
      const { page, tabId } = await visit(ctx, site.url);
      const badge = await waitForBadge(
        ctx,
        tabId,
        (b) => (site.failing ? b.text !== '' : b.title.includes('no failures')),
        `the badge for ${site.name}`,
      );
      await page.screenshot({ path: save(`${site.name}-page.png`) });
      const card = await session.context.newPage();
      await card.setViewportSize({ width: 640, height: 160 });
      await card.setContent(renderBadgeCard(new URL(site.url).host, badge));
      await card.screenshot({ path: save(`${site.name}-badge.png`) });
      await card.close();
      const popup = await session.context.newPage();
      await popup.setViewportSize({ width: 380, height: 460 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector(site.failing ? 'li.failure' : '.empty-state');
      await popup.screenshot({ path: save(`${site.name}-popup.png`), fullPage: true });
      if (!headed) await popup.close();
      console.log(`${site.name.padEnd(14)} badge ${JSON.stringify(badge.text || '(none)')}  ${badge.title}`);
    }
    console.log(`\nScreenshots (${saved.length}) in ${path.relative(process.cwd(), demoDir) || demoDir}/:`);
    for (const file of saved) console.log(`  ${path.relative(process.cwd(), file)}`);
    if (headed) {
      console.log(
        '\nThe browser stays open: click the Outage Lens toolbar button on each tab. Ctrl-C to quit.',
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await session.close();
    await servers.close();
    await rm(path.join(repoRoot, 'test-results/demo-profile'), { recursive: true, force: true });
  }
}

await main();
