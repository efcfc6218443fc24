import { getBadgeState } from '../../utils/badge/badge-state';
import { setTabBadge } from '../../utils/browser/badge';
import type { OutageDb } from '../../utils/store/db';
import { getRecentEvents } from '../../utils/store/events-repo';
import { BADGE_WINDOW_MS } from './settings';

/**
 * Recomputes one tab's badge from what is stored, never from memory: the worker may have been
 * restarted since the failure, and Chromium blanks the badge whenever the tab commits a document.
 */
export async function refreshTabBadge(db: OutageDb, tabId: number, now: number): Promise<void> {
  const events = await getRecentEvents(db, { since: now - BADGE_WINDOW_MS, tabId });
  await setTabBadge(tabId, getBadgeState({ events }));
}
