import type { E2eTest } from '../harness/e2e-test';
import { FAILURE_KIND_TESTS } from './failure-kind-tests';
import { OUTAGE_TESTS } from './outage-tests';
import { PAGE_TESTS } from './page-tests';
import { POPUP_TESTS } from './popup-tests';
import { WORKER_RESTART_TESTS } from './worker-restart-tests';

/** Every e2e test, in the order the runner runs them. */
export const ALL_TESTS: E2eTest[] = [
  ...FAILURE_KIND_TESTS,
  ...PAGE_TESTS,
  ...POPUP_TESTS,
  ...WORKER_RESTART_TESTS,
  ...OUTAGE_TESTS,
];
