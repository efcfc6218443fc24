/**
 * How a scenario expectation is compared with engine output (design.md §5). A field left out is not
 * checked; `region: null` means provider-wide.
 */
import type { Outage, Verdict } from '../infer/types';
import type { OutagesExpectationT, SiteExpectationT } from './schema';

interface VerdictPattern {
  verdict: Verdict['kind'];
  site?: string | undefined;
  provider?: string | undefined;
  region?: string | null | undefined;
}

interface OutagePattern {
  provider?: string | undefined;
  region?: string | null | undefined;
}

export function isVerdictMatch(v: Verdict, p: VerdictPattern): boolean {
  return (
    v.kind === p.verdict &&
    (p.site === undefined || v.site === p.site) &&
    (p.provider === undefined || v.provider === p.provider) &&
    (p.region === undefined || (v.region ?? null) === p.region)
  );
}

export function isOutageMatch(o: Outage, p: OutagePattern): boolean {
  return (
    (p.provider === undefined || o.provider === p.provider) &&
    (p.region === undefined || o.region === p.region)
  );
}

/** The outages an `outages` expectation names, or null when one is missing (or extra ones with `only`). */
export function matchOutages(outages: readonly Outage[], e: OutagesExpectationT): Outage[] | null {
  const matched: Outage[] = [];
  for (const p of e.outages) {
    const hit = outages.find((o) => isOutageMatch(o, p));
    if (!hit) return null;
    matched.push(hit);
  }
  if (e.only && outages.some((o) => !e.outages.some((p) => isOutageMatch(o, p)))) return null;
  return matched;
}

export function describeVerdict(v: Pick<Verdict, 'kind' | 'provider' | 'region'>): string {
  if (v.kind !== 'provider-outage') return v.kind;
  return `provider-outage ${v.provider ?? '?'} ${v.region ?? '(provider-wide)'}`;
}

export function describeExpectedVerdict(e: SiteExpectationT): string {
  const region = e.region === undefined ? '' : ` ${e.region ?? '(provider-wide)'}`;
  return `${e.verdict}${e.provider ? ` ${e.provider}` : ''}${region}`;
}

export function describeOutage(o: Pick<Outage, 'provider' | 'region'>): string {
  return `${o.provider} ${o.region ?? '(provider-wide)'}`;
}
