import { createFailureKindTests } from '../../e2e-shared/cases/failure-kind-tests';
import { createPageTests } from '../../e2e-shared/cases/page-tests';
import { CHROMIUM_TRAITS } from '../harness/chromium-traits';
import type { E2eTest } from '../harness/e2e-test';
import { OUTAGE_TESTS } from './outage-tests';
import { POPUP_TESTS } from './popup-tests';
import { RECOVERY_TESTS } from './recovery-tests';
import { WORKER_RESTART_TESTS } from './worker-restart-tests';

/** Every Chromium e2e test, in the order the runner runs them. */
export const ALL_TESTS: E2eTest[] = [
  ...createFailureKindTests(CHROMIUM_TRAITS),
  ...createPageTests(CHROMIUM_TRAITS),
  ...RECOVERY_TESTS,
  ...POPUP_TESTS,
  ...WORKER_RESTART_TESTS,
  ...OUTAGE_TESTS,
];
