import { getBadgeState, getTabFailures } from '../../utils/badge/badge-state';
import { setTabBadge } from '../../utils/browser/badge';
import type { OutageDb } from '../../utils/store/db';
import { getRecentEvents } from '../../utils/store/events-repo';
import {
  findOutageFor,
  findVerdict,
  getFreshRecord,
  getVerdictRecord,
} from '../../utils/store/verdict-record';
import { BADGE_WINDOW_MS } from './settings';

/**
 * Recomputes one tab's badge from what is stored, never from memory: the worker may have been
 * restarted since the failure, and Chromium blanks the badge whenever the tab commits a document.
 * The cause (provider outage, site, own network) comes from the stored verdict record of the tab's site.
 */
export async function refreshTabBadge(db: OutageDb, tabId: number, now: number): Promise<void> {
  const [events, read] = await Promise.all([
    getRecentEvents(db, { since: now - BADGE_WINDOW_MS, tabId }),
    getVerdictRecord(db),
  ]);
  const record = getFreshRecord(read, now);
  const tabSite = getTabFailures(undefined, events).pageSite;
  const verdict = findVerdict(record, tabSite);
  const outage = findOutageFor(record, verdict);
  await setTabBadge(
    tabId,
    getBadgeState({
      events,
      ...(verdict ? { verdict } : {}),
      ...(outage ? { outage } : {}),
    }),
  );
}
