import { BADGE_COLORS } from '../../../utils/badge/badge-state';
import { CLEAR_TITLE, DEFAULT_TITLE } from '../../../utils/browser/badge-titles';
import type { FailureClass } from '../../../utils/observe/types';
import { assert, assertEqual, hexToRgba } from '../harness/assert';
import type { E2eTest } from '../harness/e2e-test';
import type { FaultServers } from '../harness/fault-servers';
import { getStoredEvents, isFailure, waitForStoredFailures } from '../harness/stored-events';
import { flushPipeline, visit, waitForBadge } from '../harness/tab-actions';

/**
 * One row per way a main document can fail for real. Each test loads the page in a fresh
 * profile and checks what the extension stored and the badge it set on that tab.
 */
interface FailureKind {
  name: string;
  url: (servers: FaultServers) => string;
  host: string;
  /** Chromium's error string; undefined for HTTP status failures. */
  error?: string;
  status?: number;
  outcomes: FailureClass[];
}

const FAILURE_KINDS: FailureKind[] = [
  { name: 'HTTP 503', url: (s) => s.urls.http503, host: 'down.test', status: 503, outcomes: ['http5xx'] },
  {
    name: 'connection refused',
    url: (s) => s.urls.refused,
    host: 'refused.test',
    error: 'net::ERR_CONNECTION_REFUSED',
    outcomes: ['connect'],
  },
  {
    name: 'DNS NXDOMAIN',
    url: (s) => s.urls.nxdomain,
    host: 'nx.test',
    error: 'net::ERR_NAME_NOT_RESOLVED',
    outcomes: ['dns'],
  },
  {
    name: 'connection reset',
    url: (s) => s.urls.reset,
    host: 'reset.test',
    error: 'net::ERR_CONNECTION_RESET',
    outcomes: ['connect', 'protocol'],
  },
  {
    name: 'empty response',
    url: (s) => s.urls.empty,
    host: 'empty.test',
    error: 'net::ERR_EMPTY_RESPONSE',
    outcomes: ['connect', 'protocol'],
  },
  {
    name: 'TLS error (https to a plain-HTTP port)',
    url: (s) => s.urls.tls,
    host: 'tls.test',
    error: 'net::ERR_SSL_PROTOCOL_ERROR',
    outcomes: ['tls'],
  },
];

function createFailureKindTest(kind: FailureKind): E2eTest {
  return {
    name: `main document fails: ${kind.name}`,
    async run(ctx) {
      const { tabId } = await visit(ctx, kind.url(ctx.servers));
      const { worker } = ctx.session;
      const [stored] = await waitForStoredFailures(worker, (e) => e.host === kind.host, kind.host);
      assert(stored, 'a stored failure');
      assertEqual(stored.tabId, tabId, 'stored tab id');
      assertEqual(stored.type, 'main_frame', 'stored resource type');
      assert(
        kind.outcomes.includes(stored.outcome as FailureClass),
        `outcome ${stored.outcome} in ${kind.outcomes}`,
      );
      if (kind.error) assertEqual(stored.error, kind.error, 'stored error string');
      if (kind.status) assertEqual(stored.status, kind.status, 'stored status');

      const badge = await waitForBadge(ctx, tabId, (b) => b.text !== '', `a badge on tab ${tabId}`);
      // The page itself failed: '!' in the failure colour, and a tooltip naming host and cause.
      assertEqual(badge.text, '!', 'badge text');
      assertEqual(badge.color, hexToRgba(BADGE_COLORS.failure), 'badge colour');
      assert(
        badge.title !== DEFAULT_TITLE && badge.title !== CLEAR_TITLE,
        `badge title says what failed: ${badge.title}`,
      );
      assert(badge.title.includes(kind.host), `badge title names the host: ${badge.title}`);

      // webRequest and webNavigation both report a failed document: it must be stored once.
      await flushPipeline(ctx);
      const mainFrameFailures = (await getStoredEvents(worker)).filter(
        (e) => isFailure(e) && e.host === kind.host && e.type === 'main_frame',
      );
      assertEqual(mainFrameFailures.length, 1, 'stored main-document failures');
    },
  };
}

export const FAILURE_KIND_TESTS = FAILURE_KINDS.map(createFailureKindTest);
