import { getVerdictHeadline } from '../utils/badge/verdict-words';
import type { Verdict } from '../utils/infer/types';
import { formatRelativeTime } from './format-relative-time';

const KIND_CLASS: Record<Verdict['kind'], string> = {
  'provider-outage': 'verdict--outage',
  site: 'verdict--site',
  'local-network': 'verdict--local',
  ok: 'verdict--ok',
  unknown: 'verdict--unknown',
};

/** The cause of this tab's trouble in plain words, how sure, since when, and the evidence sentences. */
export function VerdictPanel({ verdict, now }: { verdict: Verdict; now: number }) {
  return (
    <section class={`verdict ${KIND_CLASS[verdict.kind]}`} aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" class="verdict__headline">
        {getVerdictHeadline(verdict)}
      </h2>
      <p class="verdict__since">Started {formatRelativeTime(verdict.since, now)}</p>
      {verdict.evidence.length > 0 ? (
        <>
          <h3 class="section-title">Why we think so</h3>
          <ul class="verdict__evidence">
            {verdict.evidence.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
