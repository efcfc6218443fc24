import { BADGE_COLORS } from '../../../utils/badge/badge-state';
import { CLEAR_TITLE, DEFAULT_TITLE } from '../../../utils/browser/badge-titles';
import type { FailureClass } from '../../../utils/observe/types';
import { assert, assertEqual, hexToRgba } from '../assert';
import type { BrowserTraits, NetworkFault } from '../browser-traits';
import type { BrowserSession, E2eTest } from '../e2e-test';
import type { FaultServers } from '../fault-servers';
import { getStoredEvents, isFailure, waitForStoredFailures } from '../stored-events';
import { flushPipeline, visit, waitForBadge } from '../tab-actions';

/**
 * One row per way a main document can fail for real. Each test loads the page in a fresh profile
 * and checks what the extension stored and the badge it set on that tab. `fault` keys the browser's
 * error strings (BrowserTraits); a status failure has none and stores no error string.
 */
interface FailureKind {
  name: string;
  url: (servers: FaultServers) => string;
  host: string;
  fault?: NetworkFault;
  status?: number;
  outcomes: FailureClass[];
}

const FAILURE_KINDS: FailureKind[] = [
  { name: 'HTTP 503', url: (s) => s.urls.http503, host: 'down.test', status: 503, outcomes: ['http5xx'] },
  {
    name: 'connection refused',
    url: (s) => s.urls.refused,
    host: 'refused.test',
    fault: 'refused',
    outcomes: ['connect'],
  },
  {
    name: 'DNS NXDOMAIN',
    url: (s) => s.urls.nxdomain,
    host: 'nx.test',
    fault: 'nxdomain',
    outcomes: ['dns'],
  },
  {
    name: 'connection reset',
    url: (s) => s.urls.reset,
    host: 'reset.test',
    fault: 'reset',
    outcomes: ['connect', 'protocol'],
  },
  {
    name: 'empty response',
    url: (s) => s.urls.empty,
    host: 'empty.test',
    fault: 'empty',
    outcomes: ['connect', 'protocol'],
  },
  {
    name: 'TLS error (https to a plain-HTTP port)',
    url: (s) => s.urls.tls,
    host: 'tls.test',
    fault: 'tls',
    outcomes: ['tls'],
  },
];

function createFailureKindTest<S extends BrowserSession>(
  kind: FailureKind,
  errors: readonly string[] | undefined,
): E2eTest<S> {
  return {
    name: `main document fails: ${kind.name}`,
    async run(ctx) {
      const { tabId } = await visit(ctx, kind.url(ctx.servers));
      const { extension } = ctx.session;
      const [stored] = await waitForStoredFailures(extension, (e) => e.host === kind.host, kind.host);
      assert(stored, 'a stored failure');
      assertEqual(stored.tabId, tabId, 'stored tab id');
      assertEqual(stored.type, 'main_frame', 'stored resource type');
      assert(
        kind.outcomes.includes(stored.outcome as FailureClass),
        `outcome ${stored.outcome} in ${kind.outcomes} (${JSON.stringify(stored)})`,
      );
      assert(
        errors === undefined ? stored.error === undefined : errors.includes(stored.error ?? ''),
        `stored error string ${JSON.stringify(stored.error)} is one of ${JSON.stringify(errors)}`,
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

      // webRequest and webNavigation both report a failed document: it must be stored once.
      await flushPipeline(ctx);
      const mainFrameFailures = (await getStoredEvents(extension)).filter(
        (e) => isFailure(e) && e.host === kind.host && e.type === 'main_frame',
      );
      assertEqual(mainFrameFailures.length, 1, 'stored main-document failures');
    },
  };
}

/** The failure-kind tests one browser runs: every status failure, and the network faults its traits name. */
export function createFailureKindTests<S extends BrowserSession>(traits: BrowserTraits): E2eTest<S>[] {
  return FAILURE_KINDS.flatMap((kind) => {
    if (kind.fault === undefined) return [createFailureKindTest<S>(kind, undefined)];
    const errors = traits.mainDocumentErrors[kind.fault];
    return errors ? [createFailureKindTest<S>(kind, errors)] : [];
  });
}
