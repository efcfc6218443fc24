import type { LoadEvent } from '../utils/observe/types';
import { EmptyState } from './empty-state';
import { FailureItem } from './failure-item';

/** This tab's recent failures, newest first, or the empty state. */
export function FailureList({ failures, now }: { failures: LoadEvent[]; now: number }) {
  if (failures.length === 0) {
    return <EmptyState title="No failures on this tab" detail="Everything this page asked for has loaded." />;
  }
  const newestFirst = [...failures].sort((a, b) => b.time - a.time);
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading" class="section-title">
        Recent failures <span class="count">({failures.length})</span>
      </h2>
      <ul class="failure-list">
        {newestFirst.map((event) => (
          <FailureItem
            key={`${event.time}-${event.host}-${event.type}-${event.error ?? event.status}`}
            event={event}
            now={now}
          />
        ))}
      </ul>
    </section>
  );
}
