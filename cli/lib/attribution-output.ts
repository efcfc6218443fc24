/**
 * The one printed shape of `npm run -s attribute` (design.md §4): `{"target", "attributions": [...]}` where each
 * attribution has exactly the keys provider, region, service, role, confidence, evidence, in that order. The
 * internal `edge` (the CDN POP that answered) has no key there, so it is told in the evidence instead.
 */
import type { Attribution } from '../../utils/attribute/types';

export interface PrintedAttribution {
  provider: string;
  region: string | null;
  service: string | null;
  role: Attribution['role'];
  confidence: number;
  evidence: string[];
}

export function toPrintedAttribution(a: Attribution): PrintedAttribution {
  const evidence = [...a.evidence];
  // Header evidence already reads "... (edge IAD)"; only an edge no evidence line names is added.
  if (a.edge !== undefined && !evidence.some((e) => e.includes(`edge ${a.edge}`)))
    evidence.push(`edge ${a.edge}`);
  return {
    provider: a.provider,
    region: a.region,
    service: a.service,
    role: a.role,
    confidence: a.confidence,
    evidence,
  };
}

/** One output line, without the newline. */
export function formatAttributionLine(target: string, attributions: readonly Attribution[]): string {
  return JSON.stringify({ target, attributions: attributions.map(toPrintedAttribution) });
}
