import type { E2eContext as SharedContext, E2eTest as SharedTest } from '../../e2e-shared/e2e-test';
import type { ExtensionSession } from './launch-extension';

/** What each Chromium e2e test gets: a fresh profile with the extension, and the shared servers. */
export type E2eContext = SharedContext<ExtensionSession>;

export type E2eTest = SharedTest<ExtensionSession>;
