/**
 * Verdicts and outages in plain words for the popup: what kind of problem, where (provider display name,
 * region and its metro area when known), how sure. Pure: no clock, no browser.
 */
import { getProviderDisplayName } from '../attribute/provider-names';
import { getRegion } from '../attribute/regions';
import type { Verdict } from '../infer/types';

/** "AWS us-east-1 (Northern Virginia, US)", "Cloudflare" for a provider-wide place. */
export function getPlaceWords(provider: string, region: string | null | undefined): string {
  const name = getProviderDisplayName(provider);
  if (!region) return name;
  const location = getRegion(provider, region)?.location;
  return location ? `${name} ${region} (${location})` : `${name} ${region}`;
}

/** Confidence as a word a person reads: below 0.5 "possibly", below 0.8 "likely", else "very likely". */
export function getConfidenceWords(confidence: number): string {
  if (confidence >= 0.8) return 'very likely';
  if (confidence >= 0.5) return 'likely';
  return 'possibly';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The verdict's headline: "Very likely an outage at AWS us-east-1 (Northern Virginia, US)". */
export function getVerdictHeadline(verdict: Verdict): string {
  const sure = capitalize(getConfidenceWords(verdict.confidence));
  switch (verdict.kind) {
    case 'provider-outage':
      return `${sure} an outage at ${getPlaceWords(verdict.provider ?? 'unknown', verdict.region)}`;
    case 'site':
      return `${sure} a problem with ${verdict.site} itself; other sites on its provider work`;
    case 'local-network':
      return `${sure} your own connection, not the site`;
    case 'ok':
      return `${verdict.site} is loading fine`;
    default:
      return 'The cause is not clear yet';
  }
}
