import { describeFailure } from '../utils/badge/describe-failure';
import type { LoadEvent } from '../utils/observe/types';
import { formatRelativeTime } from './format-relative-time';
import { RESOURCE_WORDS } from './resource-words';

/**
 * One failure: host, what failed in words, when. A native <details> keeps it keyboard-operable
 * (Tab to reach, Enter/Space to open) and hides the technical detail until asked for.
 */
export function FailureItem({ event, now }: { event: LoadEvent; now: number }) {
  const technical = event.error ?? (event.status ? `HTTP ${event.status}` : event.outcome);
  return (
    <li class="failure">
      <details>
        <summary>
          <span class="failure__host">{event.host}</span>
          <time class="failure__when" dateTime={new Date(event.time).toISOString()}>
            {formatRelativeTime(event.time, now)}
          </time>
          <span class="failure__what">
            {RESOURCE_WORDS[event.type]}: {describeFailure(event)}
          </span>
        </summary>
        <dl class="failure__detail">
          <dt>Browser said</dt>
          <dd>
            <code>{technical}</code>
          </dd>
          {event.ip ? (
            <>
              <dt>Server address</dt>
              <dd>{event.ip}</dd>
            </>
          ) : null}
          <dt>At</dt>
          <dd>{new Date(event.time).toLocaleTimeString()}</dd>
        </dl>
      </details>
    </li>
  );
}
