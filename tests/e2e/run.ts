/**
 * End-to-end suite: the built extension in real (headless) Chromium against local servers that
 * fail for real. Each test gets a new browser profile. Prints one line per test and ends with
 * `N passed, N failed`; exits 1 when any failed. Usage: node --import tsx tests/e2e/run.ts [filter]
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ALL_TESTS } from './cases/all-tests';
import { startFaultServers } from './harness/fault-servers';
import { launchExtension } from './harness/launch-extension';

const TEST_TIMEOUT_MS = 45_000;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(repoRoot, '.output/chrome-mv3');
const resultsDir = path.join(repoRoot, 'test-results');
const scratchDir = path.join(resultsDir, 'e2e-profiles');

async function main(): Promise<number> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No build at ${extensionDir}: run \`npm run build\` first.`);
    return 1;
  }
  const filter = process.argv[2];
  const tests = filter ? ALL_TESTS.filter((t) => t.name.includes(filter)) : ALL_TESTS;
  await mkdir(resultsDir, { recursive: true });
  await rm(scratchDir, { recursive: true, force: true });
  const servers = await startFaultServers();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      const started = Date.now();
      servers.setFlakyHealthy(false);
      servers.resetSites();
      try {
        // The product's probe list points at the internet; here it is the local probe server.
        const session = await launchExtension({ extensionDir, scratchDir, probeUrls: [servers.urls.probe] });
        try {
          await withTimeout(test.run({ session, servers, resultsDir }), TEST_TIMEOUT_MS, test.name);
        } finally {
          await session.close();
        }
        passed++;
        console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${test.name} (${Date.now() - started} ms)`);
        console.log(`    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
