import type { FaultServers } from './fault-servers';
import type { ExtensionSession } from './launch-extension';

/** What each e2e test gets: a fresh browser profile with the extension, and the shared servers. */
export interface E2eContext {
  session: ExtensionSession;
  servers: FaultServers;
  /** Where screenshots and reports go (test-results/). */
  resultsDir: string;
}

export interface E2eTest {
  name: string;
  run(ctx: E2eContext): Promise<void>;
}
