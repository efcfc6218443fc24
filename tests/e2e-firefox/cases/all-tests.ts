import type { FirefoxTest } from '../harness/e2e-test';
import { FAILURE_KIND_TESTS } from './failure-kind-tests';
import { PAGE_TESTS } from './page-tests';
import { POPUP_TESTS } from './popup-tests';
import { TLS_TESTS } from './tls-tests';

/**
 * Every Firefox e2e test, in the order the runner runs them. The Chromium suite's service-worker
 * restart tests have no counterpart: the firefox-mv2 build runs a persistent background page.
 */
export const ALL_TESTS: FirefoxTest[] = [...FAILURE_KIND_TESTS, ...TLS_TESTS, ...PAGE_TESTS, ...POPUP_TESTS];
