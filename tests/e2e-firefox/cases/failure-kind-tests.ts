import { BADGE_COLORS } from '../../../utils/badge/badge-state';
import { CLEAR_TITLE, DEFAULT_TITLE } from '../../../utils/browser/badge-titles';
import type { FailureClass } from '../../../utils/observe/types';
import { assert, assertEqual, hexToRgba } from '../../e2e/harness/assert';
import type { FaultServers } from '../../e2e/harness/fault-servers';
import { isFailure } from '../../e2e/harness/stored-events';
import type { FirefoxTest } from '../harness/e2e-test';
import { RECORD_TOO_LONG } from '../harness/firefox-errors';
import { getStoredEvents, waitForStoredFailures } from '../harness/stored-events';
import { flushPipeline, visit, waitForBadge } from '../harness/tab-actions';

/**
 * One row per way a main document can fail for real in Firefox. Each test loads the page in a fresh
 * profile and checks what the extension stored and the badge it set on that tab.
 */
interface FailureKind {
  name: string;
  url: (servers: FaultServers) => string;
  host: string;
  /**
   * The error strings Firefox gives for it; undefined for HTTP status failures. webRequest names it
   * (toolchain-firefox.md), webNavigation says `Error code <nsresult>`; the deduper keeps whichever
   * arrives first, and the order varies from run to run.
   */
  errors?: string[];
  status?: number;
  outcome: FailureClass;
}

const FAILURE_KINDS: FailureKind[] = [
  { name: 'HTTP 503', url: (s) => s.urls.http503, host: 'down.test', status: 503, outcome: 'http5xx' },
  {
    name: 'connection refused',
    url: (s) => s.urls.refused,
    host: 'refused.test',
    errors: ['NS_ERROR_CONNECTION_REFUSED', 'Error code 2152398861'],
    outcome: 'connect',
  },
  {
    name: 'DNS NXDOMAIN (DNS over HTTPS only, dead resolver)',
    url: (s) => s.urls.nxdomain,
    host: 'nx.test',
    errors: ['NS_ERROR_UNKNOWN_HOST', 'Error code 2152398878'],
    outcome: 'dns',
  },
  {
    // webRequest gives NSS's sentence, webNavigation the nsresult of SSL_ERROR_RX_RECORD_TOO_LONG.
    name: 'TLS error (https to a plain-HTTP port)',
    url: (s) => s.urls.tls,
    host: 'tls.test',
    errors: [RECORD_TOO_LONG, 'Error code 2153394151'],
    outcome: 'tls',
  },
];

function createFailureKindTest(kind: FailureKind): FirefoxTest {
  return {
    name: `main document fails: ${kind.name}`,
    async run(ctx) {
      const { tabId } = await visit(ctx, kind.url(ctx.servers));
      const { background } = ctx.session;
      const [stored] = await waitForStoredFailures(background, (e) => e.host === kind.host, kind.host);
      assert(stored, 'a stored failure');
      assertEqual(stored.tabId, tabId, 'stored tab id');
      assertEqual(stored.type, 'main_frame', 'stored resource type');
      assertEqual(stored.outcome, kind.outcome, `outcome of ${JSON.stringify(stored)}`);
      assert(
        kind.errors === undefined ? stored.error === undefined : kind.errors.includes(stored.error ?? ''),
        `stored error string ${JSON.stringify(stored.error)} is one of ${JSON.stringify(kind.errors)}`,
      );
      assertEqual(stored.status, kind.status, 'stored status');

      const badge = await waitForBadge(ctx, tabId, (b) => b.text !== '', `a badge on tab ${tabId}`);
      // The page itself failed: '!' in the failure colour, and a tooltip naming host and cause.
      assertEqual(badge.text, '!', 'badge text');
      assertEqual(badge.color, hexToRgba(BADGE_COLORS.failure), 'badge colour');
      assert(
        badge.title !== DEFAULT_TITLE && badge.title !== CLEAR_TITLE,
        `badge title says what failed: ${badge.title}`,
      );
      assert(badge.title.includes(kind.host), `badge title names the host: ${badge.title}`);

      // webRequest and webNavigation both see a failed document: it must be stored once.
      await flushPipeline(ctx);
      const mainFrameFailures = (await getStoredEvents(background)).filter(
        (e) => isFailure(e) && e.host === kind.host && e.type === 'main_frame',
      );
      assertEqual(mainFrameFailures.length, 1, 'stored main-document failures');
    },
  };
}

export const FAILURE_KIND_TESTS = FAILURE_KINDS.map(createFailureKindTest);
