/**
 * Who else an outage reaches: the user's own sites known to live on that provider/region (from the stored host
 * profiles) and well-known services the catalog places there. Pure: inputs in, lists out.
 *
 * Layout of the result: `yours` = registrable domains, most recently seen first; `wellKnown` = catalog services,
 * those documented in the outage's region first, then those on the provider with no known region.
 */
import type { CatalogIndex } from '../attribute/service-catalog';
import type { HostRecord } from '../store/records';

export interface AffectedServices {
  yours: string[];
  wellKnown: Array<{ name: string; region: string | null }>;
}

export interface AffectedQuery {
  provider: string;
  region: string | null;
  hosts: readonly HostRecord[];
  catalog: CatalogIndex | null;
  /** The site the user is looking at, left out of `yours` (it is the one already known to fail). */
  exceptSite?: string;
  /** At most this many per list. */
  max?: number;
}

const isSamePlace = (provider: string, region: string | null, p: string, r: string | null) =>
  p === provider && (region === null || r === region);

export function getAffectedServices({
  provider,
  region,
  hosts,
  catalog,
  exceptSite,
  max = 8,
}: AffectedQuery): AffectedServices {
  const yours: string[] = [];
  const newestFirst = [...hosts].sort((a, b) => b.updatedAt - a.updatedAt);
  for (const host of newestFirst) {
    if (yours.length >= max) break;
    const onIt = host.attributions.some(
      (a) => a.role !== 'dns' && isSamePlace(provider, region, a.provider, a.region),
    );
    if (onIt && host.site !== exceptSite && !yours.includes(host.site)) yours.push(host.site);
  }
  const inRegion: AffectedServices['wellKnown'] = [];
  const regionUnknown: AffectedServices['wellKnown'] = [];
  for (const service of catalog?.services ?? []) {
    const deps = service.dependencies.filter((d) => d.provider === provider);
    if (deps.some((d) => region !== null && d.region === region))
      inRegion.push({ name: service.name, region });
    else if (deps.some((d) => d.region === null || region === null)) {
      regionUnknown.push({ name: service.name, region: null });
    }
  }
  return { yours, wellKnown: [...inRegion, ...regionUnknown].slice(0, max) };
}
