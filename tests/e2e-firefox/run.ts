/**
 * End-to-end suite in real (headless) firefox-esr: the built firefox-mv2 add-on against local servers
 * that fail for real. Each test gets a new Firefox profile. Prints one line per test and ends with
 * `N passed, N failed`; exits 1 when any failed. Usage: node --import tsx tests/e2e-firefox/run.ts [filter]
 */
import { runSuite } from '../e2e-shared/run-suite';
import { ALL_TESTS } from './cases/all-tests';
import { launchFirefox } from './harness/launch-firefox';

process.exitCode = await runSuite(
  {
    build: '.output/firefox-mv2',
    buildScript: 'build:firefox',
    scratchName: 'e2e-firefox-homes',
    testTimeoutMs: 30_000,
    tests: ALL_TESTS,
    launch: launchFirefox,
  },
  process.argv[2],
);
