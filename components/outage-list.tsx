import { getConfidenceWords, getPlaceWords } from '../utils/badge/verdict-words';
import type { Outage } from '../utils/infer/types';
import { formatRelativeTime } from './format-relative-time';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Suspected outages right now: where, since when, how many sites fail and how many still load. */
export function OutageList({ outages, now }: { outages: Outage[]; now: number }) {
  if (outages.length === 0) return null;
  return (
    <section aria-labelledby="outages-heading">
      <h2 id="outages-heading" class="section-title">
        Suspected outages <span class="count">({outages.length})</span>
      </h2>
      <ul class="outage-list">
        {outages.map((o) => (
          <li key={`${o.provider}|${o.region ?? ''}`} class="outage">
            <span class="outage__place">{getPlaceWords(o.provider, o.region)}</span>
            <span class="outage__detail">
              {getConfidenceWords(o.confidence)}, started {formatRelativeTime(o.since, now)}:{' '}
              {plural(o.failingSites.length, 'site')} failing, {plural(o.healthySites.length, 'site')} still
              loading
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
