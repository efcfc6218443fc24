import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '../../components/popup-view';
import { getBadgeState, getTabFailures } from '../../utils/badge/badge-state';
import { isFailureOutcome } from '../../utils/observe/outcome';
import type { LoadEvent } from '../../utils/observe/types';
import { openOutageDb } from '../../utils/store/db';
import { getRecentEvents } from '../../utils/store/events-repo';
import { getTargetTabId } from './get-target-tab';

/** How far back "recent" reaches in the popup. */
const RECENT_MS = 60 * 60_000;
/** The list and its "3 minutes ago" stay current while the popup is open. */
const REFRESH_MS = 5_000;
const MAX_ROWS = 50;
/** A busy page makes hundreds of requests; the popup reads only the latest ones. */
const MAX_EVENTS = 2_000;

/** What the popup shows for one tab: its page's site, its recent failures (oldest first), a summary line. */
interface TabReport {
  site?: string;
  failures: LoadEvent[];
  summary?: { text: string; failing: boolean };
}

const RECOVERED = 'This page is loading fine now. Earlier failures on this tab are listed below.';

// The popup shares the extension origin, so it reads the background's IndexedDB directly.
async function loadTabReport(tabId: number, now: number): Promise<TabReport> {
  const db = await openOutageDb();
  const events = await getRecentEvents(db, { since: now - RECENT_MS, tabId, limit: MAX_EVENTS });
  const failures = events.filter((e) => isFailureOutcome(e.outcome)).slice(-MAX_ROWS);
  // The same rule as the toolbar badge, so the popup never disagrees with it.
  const badge = getBadgeState({ events });
  const summary = badge
    ? { text: badge.title, failing: true }
    : failures.length > 0
      ? { text: RECOVERED, failing: false }
      : undefined;
  return { site: getTabFailures(undefined, events).pageSite, failures, summary };
}

export function App() {
  const [now, setNow] = useState(() => Date.now());
  const [report, setReport] = useState<TabReport | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const at = Date.now();
      try {
        const tabId = await getTargetTabId(location.search);
        const next = tabId === undefined ? { failures: [] } : await loadTabReport(tabId, at);
        if (cancelled) return;
        setReport(next);
        setError(undefined);
      } catch (cause) {
        if (!cancelled) setError(cause instanceof Error ? cause.message : String(cause));
      }
      if (!cancelled) setNow(at);
    };
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <PopupView
      site={report?.site}
      failures={report?.failures ?? null}
      summary={report?.summary}
      now={now}
      error={error}
    />
  );
}
