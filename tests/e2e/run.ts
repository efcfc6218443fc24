/**
 * End-to-end suite: the built extension in real (headless) Chromium against local servers that
 * fail for real. Each test gets a new browser profile. Prints one line per test and ends with
 * `N passed, N failed`; exits 1 when any failed. Usage: node --import tsx tests/e2e/run.ts [filter]
 */
import { runSuite } from '../e2e-shared/run-suite';
import { ALL_TESTS } from './cases/all-tests';
import { launchExtension } from './harness/launch-extension';

process.exitCode = await runSuite(
  {
    build: '.output/chrome-mv3',
    buildScript: 'build',
    scratchName: 'e2e-profiles',
    // The outage test loads seven pages and restarts the worker.
    testTimeoutMs: 45_000,
    tests: ALL_TESTS,
    launch: launchExtension,
  },
  process.argv[2],
);
