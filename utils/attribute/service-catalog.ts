/**
 * The catalog of well-known services (../shared/data/service-catalog.json, passed in as parsed JSON): valibot
 * schema, and an index host → service → the providers it is known to depend on, normalized to canonical ids.
 *
 * CatalogIndex layout: `byDomain` maps each catalog domain (lower-case) to its service; a host matches a domain
 * when it equals it or ends with "." + domain, longest domain first (so "api.github.com" prefers a more specific
 * entry when one exists). Each service keeps only dependencies whose provider text maps to a canonical id other
 * than the service's own (a provider listed as running on itself is no dependency).
 */
import * as v from 'valibot';
import { getProviderId } from './provider-names';
import type { Role } from './types';

const DependencySchema = v.looseObject({
  provider: v.string(),
  role: v.string(),
  regions: v.nullable(v.array(v.string())),
  basis: v.string(),
  evidence: v.optional(v.string()),
  sources: v.optional(v.array(v.string()), []),
  incidents: v.optional(v.array(v.string()), []),
});

const ServiceSchema = v.looseObject({
  name: v.pipe(v.string(), v.minLength(1)),
  domains: v.array(v.string()),
  dependencies: v.array(DependencySchema),
  confidence: v.optional(v.string()),
});

export const ServiceCatalogSchema = v.looseObject({
  schema_version: v.string(),
  services: v.array(ServiceSchema),
});

export type ServiceCatalog = v.InferOutput<typeof ServiceCatalogSchema>;

export interface CatalogDependency {
  provider: string;
  region: string | null;
  /** What the provider is to the service. Attribution adds the edge with role `platform` and tells this in evidence. */
  role: Exclude<Role, 'platform'>;
  confidence: number;
  basis: string;
  /** First public source URL; without one, "service catalog: <basis in words>[, see <first incident id>]". */
  source: string;
}

export interface CatalogService {
  id: string;
  name: string;
  domains: string[];
  dependencies: CatalogDependency[];
}

export interface CatalogIndex {
  services: CatalogService[];
  getServiceForHost(host: string): CatalogService | null;
}

/** Throws an Error listing the first schema issues when the JSON does not fit. */
export function parseServiceCatalog(json: unknown): ServiceCatalog {
  const result = v.safeParse(ServiceCatalogSchema, json);
  if (!result.success) {
    const issues = result.issues
      .slice(0, 3)
      .map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`service catalog: ${issues}`);
  }
  return result.output;
}

/** How much a catalog claim counts, by its basis (field_notes of the catalog). */
const BASIS_CONFIDENCE: Readonly<Record<string, number>> = {
  public_source: 0.6,
  stated_by_service_during_incident: 0.6,
  stated_by_provider: 0.6,
  github_issue: 0.5,
  inferred_from_incident: 0.35,
};

const REGION_CODE = /\b([a-z]{2}-[a-z]+-\d|[a-z]+-[a-z]+\d+)\b/;

function getRole(roleText: string): Exclude<Role, 'platform'> {
  if (/\bdns\b/i.test(roleText)) return 'dns';
  if (/\bcdn\b|ddos|edge|reverse proxy/i.test(roleText)) return 'cdn';
  return 'hosting';
}

function getSource(sources: readonly string[], basis: string, incidents: readonly string[]): string {
  if (sources[0] !== undefined) return sources[0];
  const incident = incidents[0] !== undefined ? `, see ${incidents[0]}` : '';
  return `service catalog: ${basis.replace(/_/g, ' ')}${incident}`;
}

function getServiceId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function createCatalogIndex(catalog: ServiceCatalog): CatalogIndex {
  const services: CatalogService[] = catalog.services.map((s) => ({
    id: getServiceId(s.name),
    name: s.name,
    domains: s.domains.map((d) => d.toLowerCase()),
    dependencies: s.dependencies.flatMap((d): CatalogDependency[] => {
      const provider = getProviderId(d.provider);
      // Unknown provider text, or a provider's own platform ("Heroku" on "Heroku own platform"): no edge.
      if (provider === null || provider === getServiceId(s.name)) return [];
      const regionText = (d.regions ?? []).find((r) => REGION_CODE.test(r));
      return [
        {
          provider,
          region: regionText ? REGION_CODE.exec(regionText)![1]! : null,
          role: getRole(d.role),
          confidence: BASIS_CONFIDENCE[d.basis] ?? 0.3,
          basis: d.basis,
          source: getSource(d.sources, d.basis, d.incidents),
        },
      ];
    }),
  }));
  const byDomain = new Map<string, CatalogService>();
  for (const s of services) for (const d of s.domains) if (!byDomain.has(d)) byDomain.set(d, s);
  return {
    services,
    getServiceForHost(host: string): CatalogService | null {
      let name = host.trim().toLowerCase().replace(/\.$/, '');
      // Walk up the labels: the first (longest) catalog domain that the host is or sits under wins.
      for (;;) {
        const hit = byDomain.get(name);
        if (hit) return hit;
        const dot = name.indexOf('.');
        if (dot < 0) return null;
        name = name.slice(dot + 1);
      }
    },
  };
}
