import type { E2eContext, E2eTest } from '../../e2e-shared/e2e-test';
import type { FirefoxSession } from './launch-firefox';

/** What each Firefox e2e test gets: a fresh Firefox profile with the add-on, and the shared servers. */
export type FirefoxContext = E2eContext<FirefoxSession>;

export type FirefoxTest = E2eTest<FirefoxSession>;
