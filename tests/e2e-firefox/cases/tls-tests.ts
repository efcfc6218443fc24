import { assert, assertEqual } from '../../e2e-shared/assert';
import { waitForStoredFailures } from '../../e2e-shared/stored-events';
import { visit, waitForBadge } from '../../e2e-shared/tab-actions';
import type { FirefoxTest } from '../harness/e2e-test';
import { RECORD_TOO_LONG } from '../harness/firefox-errors';

export const TLS_TESTS: FirefoxTest[] = [
  {
    name: 'a page’s own https API on a plain-HTTP port: Firefox’s free-text SSL message is stored as tls',
    async run(ctx) {
      // The same host over plain HTTP serves a healthy page; its script then calls the https URL.
      const tlsUrl = ctx.servers.urls.tls;
      const { page, tabId } = await visit(ctx, tlsUrl.replace(/^https:/, 'http:'));
      const apiUrl = new URL('/api/status', tlsUrl).href;
      const pageError = await page.evaluate(async (url) => {
        try {
          await fetch(url);
          return 'no error';
        } catch (error) {
          return String(error);
        }
      }, apiUrl);
      assert(pageError.includes('NetworkError'), `the page's fetch failed: ${pageError}`);

      const [stored] = await waitForStoredFailures(
        ctx.session.extension,
        (e) => e.host === 'tls.test' && e.type === 'xmlhttprequest',
        'the https API call',
      );
      assert(stored, 'a stored failure');
      assertEqual(stored.error, RECORD_TOO_LONG, 'stored error string');
      assertEqual(stored.outcome, 'tls', 'stored outcome');
      assertEqual(stored.tabId, tabId, 'stored tab id');
      const badge = await waitForBadge(ctx, tabId, (b) => b.text !== '', 'a badge for the failing API');
      assert(badge.title.includes('tls.test'), `badge title names the failing host: ${badge.title}`);
    },
  },
];
