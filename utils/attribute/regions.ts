/**
 * Where provider regions and CDN edges are, so that "same place" questions are answerable across providers:
 * edge IAD, AWS us-east-1, GCP us-east4 and Azure eastus all answer `virginia`.
 *
 * The data lives beside this file: METROS (regions-metros.ts, metro id → display name), REGIONS and REGION_ALIASES
 * (regions-table.ts, provider → region id → metro id) and EDGE_METROS (regions-edges.ts, airport code → metro id).
 */
import { EDGE_METROS } from './regions-edges';
import { METROS } from './regions-metros';
import { REGION_ALIASES, REGIONS } from './regions-table';

export { EDGE_METROS, METROS, REGION_ALIASES, REGIONS };

export interface RegionInfo {
  provider: string;
  /** The canonical region id (an alias such as Azure's `germanywc` comes back as `germanywestcentral`). */
  region: string;
  metro: string;
  location: string;
}

/** The provider's canonical id for a region spelling; unknown ids come back unchanged. */
export function getCanonicalRegion(provider: string, region: string): string {
  const aliases = REGION_ALIASES[provider];
  return (aliases !== undefined && Object.hasOwn(aliases, region) ? aliases[region] : undefined) ?? region;
}

export function getRegion(provider: string, region: string): RegionInfo | null {
  const canonical = getCanonicalRegion(provider, region);
  const regions = REGIONS[provider];
  const metro = regions !== undefined && Object.hasOwn(regions, canonical) ? regions[canonical] : undefined;
  if (metro === undefined) return null;
  return { provider, region: canonical, metro, location: METROS[metro] ?? metro };
}

/**
 * Metro id for an edge / POP code. Takes the leading three letters, so `FRA56-P5` (CloudFront) and `iad1` (Vercel)
 * work as well; a code that does not start with three letters (Bunny's `DE1`) has no metro.
 */
export function getMetroForEdgeCode(code: string): string | null {
  const iata = code.slice(0, 3).toUpperCase();
  if (!/^[A-Z]{3}$/.test(iata) || !Object.hasOwn(EDGE_METROS, iata)) return null;
  return EDGE_METROS[iata] ?? null;
}

/** Whether two provider regions sit in the same metro area (false when either is unknown). */
export function isSameMetro(providerA: string, regionA: string, providerB: string, regionB: string): boolean {
  const a = getRegion(providerA, regionA);
  const b = getRegion(providerB, regionB);
  return a !== null && b !== null && a.metro === b.metro;
}

/** The regions of a provider in a metro (e.g. the AWS regions near edge IAD → ['us-east-1']). */
export function getRegionsInMetro(provider: string, metro: string): string[] {
  return Object.entries(REGIONS[provider] ?? {})
    .filter(([, m]) => m === metro)
    .map(([r]) => r);
}

/** Every provider region in the metro of an edge code: what an outage at that edge's site could share a roof with. */
export function getRegionsNearEdge(code: string): Array<{ provider: string; region: string }> {
  const metro = getMetroForEdgeCode(code);
  if (metro === null) return [];
  return Object.keys(REGIONS).flatMap((provider) =>
    getRegionsInMetro(provider, metro).map((region) => ({ provider, region })),
  );
}
