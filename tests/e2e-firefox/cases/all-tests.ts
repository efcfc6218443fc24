import { createFailureKindTests } from '../../e2e-shared/cases/failure-kind-tests';
import { createPageTests } from '../../e2e-shared/cases/page-tests';
import type { FirefoxTest } from '../harness/e2e-test';
import { FIREFOX_TRAITS } from '../harness/firefox-traits';
import { POPUP_TESTS } from './popup-tests';
import { TLS_TESTS } from './tls-tests';

/**
 * Every Firefox e2e test, in the order the runner runs them. The Chromium suite's service-worker
 * restart tests have no counterpart: the firefox-mv2 build runs a persistent background page.
 */
export const ALL_TESTS: FirefoxTest[] = [
  ...createFailureKindTests(FIREFOX_TRAITS),
  ...TLS_TESTS,
  ...createPageTests(FIREFOX_TRAITS),
  ...POPUP_TESTS,
];
