import type { ComponentChildren } from 'preact';
import type { LoadEvent } from '../utils/observe/types';
import { EmptyState } from './empty-state';
import { FailureList } from './failure-list';
import { StatusSummary } from './status-summary';

/** What the popup shows for one tab; `failures: null` while still loading. */
export interface PopupViewProps {
  /** Registrable domain of the page in the tab, when known. */
  site?: string;
  failures: LoadEvent[] | null;
  now: number;
  /** Set when the stored history could not be read. */
  error?: string;
  /** What is wrong with the page right now, in one sentence; absent when nothing is known. */
  summary?: { text: string; failing: boolean };
  /** Slot above the list for the verdict, evidence and outages. */
  verdict?: ComponentChildren;
}

export function PopupView({ site, failures, now, error, summary, verdict }: PopupViewProps) {
  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Outage Lens</h1>
        {site ? <p class="popup__site">{site}</p> : null}
      </header>
      {summary ? <StatusSummary text={summary.text} failing={summary.failing} /> : null}
      {verdict ? <section class="popup__verdict">{verdict}</section> : null}
      {error ? (
        <EmptyState title="Could not read this tab's history" detail={error} />
      ) : failures === null ? (
        <p class="popup__loading" aria-busy="true">
          Loading…
        </p>
      ) : (
        <FailureList failures={failures} now={now} />
      )}
    </main>
  );
}
