import type { ExtensionEval } from './extension-eval';
import type { FaultServers } from './fault-servers';

/** What the shared harness does with a tab's page; Playwright's and Puppeteer's pages both fit. */
export interface TabPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  close(): Promise<void>;
}

/** A fresh browser profile with the built extension loaded, as each suite's launcher hands it out. */
export interface BrowserSession<P extends TabPage = TabPage> {
  /** Runs code inside the extension (its service worker or background page). */
  extension: ExtensionEval;
  /** Opens a new tab. */
  openPage(): Promise<P>;
  close(): Promise<void>;
}

/** What each e2e test gets: its own session, the shared fault servers, and where screenshots go. */
export interface E2eContext<S extends BrowserSession = BrowserSession> {
  session: S;
  servers: FaultServers;
  /** Where screenshots and reports go (test-results/). */
  resultsDir: string;
}

export interface E2eTest<S extends BrowserSession = BrowserSession> {
  name: string;
  run(ctx: E2eContext<S>): Promise<void>;
}
