import { existsSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserSession, E2eTest } from './e2e-test';
import { startFaultServers } from './fault-servers';
import { withTimeout } from './with-timeout';

/** What a suite's launcher is told: the build, a scratch folder for temp profiles, the probe URLs. */
export interface LaunchOptions {
  extensionDir: string;
  scratchDir: string;
  /** Written into the extension's settings (`probeUrls`) before the test starts. */
  probeUrls?: string[];
}

/** One browser's suite: its build, its launcher and tests, and how long one test may take. */
export interface SuiteOptions<S extends BrowserSession> {
  /** Built extension folder below the repo root, e.g. `.output/chrome-mv3`. */
  build: string;
  /** The npm script that makes that build, named when it is missing. */
  buildScript: string;
  /** Folder below test-results/ for the temp profiles; removed before and after the run. */
  scratchName: string;
  testTimeoutMs: number;
  tests: E2eTest<S>[];
  launch(options: LaunchOptions): Promise<S>;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const resultsDir = path.join(repoRoot, 'test-results');

/**
 * Runs the tests whose name contains `filter` (all without one), each in its own session against
 * the shared fault servers. Prints one line per test and ends with `N passed, N failed`; returns the
 * exit code: 1 when any failed or none ran.
 */
export async function runSuite<S extends BrowserSession>(
  suite: SuiteOptions<S>,
  filter: string | undefined,
): Promise<number> {
  const extensionDir = path.join(repoRoot, suite.build);
  const scratchDir = path.join(resultsDir, suite.scratchName);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No build at ${extensionDir}: run \`npm run ${suite.buildScript}\` first.`);
    return 1;
  }
  const tests = filter ? suite.tests.filter((t) => t.name.includes(filter)) : suite.tests;
  await mkdir(resultsDir, { recursive: true });
  await rm(scratchDir, { recursive: true, force: true });
  // The drivers kill their browser on these signals; the temp profiles are ours to remove.
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
        const session = await suite.launch({ extensionDir, scratchDir, probeUrls: [servers.urls.probe] });
        try {
          await withTimeout(
            test.run({ session, servers, resultsDir }),
            suite.testTimeoutMs,
            `${test.name} did not finish within ${suite.testTimeoutMs} ms`,
          );
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
