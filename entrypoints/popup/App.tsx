import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '../../components/popup-view';
import { VerdictSection } from '../../components/verdict-section';
import { type AffectedServices, getAffectedServices } from '../../utils/badge/affected-services';
import { getBadgeState, getTabFailures } from '../../utils/badge/badge-state';
import { getBundledCatalog } from '../../utils/browser/bundled-catalog';
import type { Outage, Verdict } from '../../utils/infer/types';
import { isFailureOutcome } from '../../utils/observe/outcome';
import type { LoadEvent } from '../../utils/observe/types';
import { openOutageDb } from '../../utils/store/db';
import { getRecentEvents } from '../../utils/store/events-repo';
import { getRecentHosts } from '../../utils/store/hosts-repo';
import {
  findOutageFor,
  findVerdict,
  getFreshRecord,
  getVerdictRecord,
} from '../../utils/store/verdict-record';
import { getTargetTabId } from './get-target-tab';

/** How far back "recent" reaches in the popup. */
const RECENT_MS = 60 * 60_000;
/** The list and its "3 minutes ago" stay current while the popup is open. */
const REFRESH_MS = 5_000;
const MAX_ROWS = 50;
/** A busy page makes hundreds of requests; the popup reads only the latest ones. */
const MAX_EVENTS = 2_000;
/** Host profiles scanned for "sites you use on this provider". */
const MAX_HOSTS = 5_000;

/** What the popup shows for one tab: its page's site, its recent failures (oldest first), a summary line, the cause. */
interface TabReport {
  site?: string;
  failures: LoadEvent[];
  summary?: { text: string; failing: boolean };
  verdict?: Verdict;
  outages: Outage[];
  affected?: AffectedServices;
}

const RECOVERED = 'This page is loading fine now. Earlier failures on this tab are listed below.';

// The popup shares the extension origin, so it reads the background's IndexedDB directly: it never needs the
// worker to be running.
async function loadTabReport(tabId: number | undefined, now: number): Promise<TabReport> {
  const db = await openOutageDb();
  const [events, read] = await Promise.all([
    tabId === undefined ? [] : getRecentEvents(db, { since: now - RECENT_MS, tabId, limit: MAX_EVENTS }),
    getVerdictRecord(db),
  ]);
  const record = getFreshRecord(read, now);
  const site = getTabFailures(undefined, events).pageSite;
  const failures = events.filter((e) => isFailureOutcome(e.outcome)).slice(-MAX_ROWS);
  const found = findVerdict(record, site);
  const outage = findOutageFor(record, found);
  // The same rule as the toolbar badge, so the popup never disagrees with it.
  const badge = getBadgeState({
    events,
    ...(found ? { verdict: found } : {}),
    ...(outage ? { outage } : {}),
  });
  const summary = badge
    ? { text: badge.title, failing: true }
    : failures.length > 0
      ? { text: RECOVERED, failing: false }
      : undefined;
  // A verdict is shown while this page is failing; a stale one about an earlier failure is not.
  const verdict = badge ? found : undefined;
  let affected: AffectedServices | undefined;
  if (verdict?.kind === 'provider-outage' && verdict.provider) {
    affected = getAffectedServices({
      provider: verdict.provider,
      region: verdict.region ?? null,
      hosts: await getRecentHosts(db, MAX_HOSTS),
      catalog: getBundledCatalog().index,
      ...(site ? { exceptSite: site } : {}),
    });
  }
  return {
    ...(site ? { site } : {}),
    failures,
    ...(summary ? { summary } : {}),
    ...(verdict ? { verdict } : {}),
    ...(affected ? { affected } : {}),
    outages: record?.outages ?? [],
  };
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
        const next = await loadTabReport(await getTargetTabId(location.search), at);
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

  const hasCause = report !== null && (report.verdict !== undefined || report.outages.length > 0);
  return (
    <PopupView
      site={report?.site}
      failures={report?.failures ?? null}
      summary={report?.summary}
      now={now}
      error={error}
      verdict={
        hasCause ? (
          <VerdictSection
            {...(report.verdict ? { verdict: report.verdict } : {})}
            outages={report.outages}
            {...(report.affected ? { affected: report.affected } : {})}
            now={now}
          />
        ) : undefined
      }
    />
  );
}
