/**
 * End-to-end suite in real (headless) firefox-esr: the built firefox-mv2 add-on against local servers
 * that fail for real. Each test gets a new Firefox profile. Prints one line per test and ends with
 * `N passed, N failed`; exits 1 when any failed. Usage: node --import tsx tests/e2e-firefox/run.ts [filter]
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startFaultServers } from '../e2e/harness/fault-servers';
import { ALL_TESTS } from './cases/all-tests';
import { launchFirefox } from './harness/launch-firefox';

const TEST_TIMEOUT_MS = 30_000;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(repoRoot, '.output/firefox-mv2');
const resultsDir = path.join(repoRoot, 'test-results');
const scratchDir = path.join(resultsDir, 'e2e-firefox-homes');

async function main(): Promise<number> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No build at ${extensionDir}: run \`npm run build:firefox\` first.`);
    return 1;
  }
  const filter = process.argv[2];
  const tests = filter ? ALL_TESTS.filter((t) => t.name.includes(filter)) : ALL_TESTS;
  await mkdir(resultsDir, { recursive: true });
  await rm(scratchDir, { recursive: true, force: true });
  // Puppeteer kills Firefox on these signals; the temp HOMEs are ours to remove.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => rmSync(scratchDir, { recursive: true, force: true }));
  }
  const servers = await startFaultServers();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      servers.setFlakyHealthy(false);
      servers.resetSites();
      servers.hits.clear();
      try {
        // The product's probe list points at the internet; here it is the local probe server.
        const session = await launchFirefox({ extensionDir, scratchDir, probeUrls: [servers.urls.probe] });
        try {
          await withTimeout(test.run({ session, servers, resultsDir }), TEST_TIMEOUT_MS, test.name);
        } finally {
          await session.close();
        }
        passed++;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${test.name}: ${error instanceof Error ? error.message : String(error)}`);
        if (error instanceof Error && error.stack) console.log(`    ${error.stack}`);
      }
    }
  } finally {
    await servers.close();
    await rm(scratchDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

process.exitCode = await main();
