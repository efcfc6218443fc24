import type { FaultServers } from '../../e2e/harness/fault-servers';
import type { FirefoxSession } from './launch-firefox';

/** What each Firefox e2e test gets: a fresh Firefox profile with the add-on, and the shared servers. */
export interface FirefoxContext {
  session: FirefoxSession;
  servers: FaultServers;
  /** Where screenshots go (test-results/). */
  resultsDir: string;
}

export interface FirefoxTest {
  name: string;
  run(ctx: FirefoxContext): Promise<void>;
}
