/**
 * Host → where it lives: every source of evidence combined into a ranked list of Attributions.
 *
 * Sources, strongest first (confidence in parentheses): user mappings (1.0), server ip in the range table
 * (0.95 with a region, 0.9 without), server ip equal to a platform's published apex address (0.9), CNAME names
 * (0.85 / 0.8), nameservers (role dns, 0.9), response headers (0.75, weak ones 0.45), the host name itself
 * (0.8 / 0.75), a name matched only by a generic rule (any AWS service endpoint) 0.1 below the specific rules'
 * figure. Then what the site inherits, always role `platform` (what the dependency is — hosting, cdn or dns — is
 * told in the evidence): catalog membership (0.35–0.6 by basis; a catalog provider the site is already seen on
 * directly, same region, only adds its evidence there) and the dependency graph (each hosting/cdn
 * attribution's platform edges, confidence = its own × the edge's). Duplicates (same provider + region + role)
 * merge, keeping the strongest confidence and all evidence, strongest first. Order: confidence desc, then role,
 * provider, region. Works with `table: null` (before the first range download): names, headers, addresses,
 * nameservers and the catalog still answer.
 */

import { createAddressMatcher } from './address-rules';
import { getDependencies } from './dependencies';
import { matchHeaders } from './header-rules';
import { parseIpv4, parseIpv6 } from './ip-address';
import { matchHostName, type NameMatch, normalizeHostName } from './name-rules';
import { matchNameserver } from './ns-rules';
import { getProviderDisplayName } from './provider-names';
import { compileRangeTable, type RangeEntry, type RangeTable } from './range-table';
import type { CatalogIndex } from './service-catalog';
import type { Attribution, Observation, Role } from './types';
import { isCidrMapping, type UserMapping } from './user-mapping';

export interface AttributorOptions {
  table?: RangeTable | null;
  catalog?: CatalogIndex | null;
  userMappings?: readonly UserMapping[];
}

export interface Attributor {
  attribute(obs: Observation): Attribution[];
}

/** Range-feed services (compared lower-case) whose addresses are edges in front of the site, not its servers. */
const CDN_SERVICES = new Set(['cloudfront', 'globalaccelerator', 'azurefrontdoor']);
const CDN_PROVIDERS = new Set(['cloudflare', 'fastly', 'akamai']);
/** How much less a generic name rule is trusted than a specific one with the same region knowledge. */
const GENERIC_NAME_PENALTY = 0.1;
const ROLE_ORDER: Readonly<Record<Role, number>> = { hosting: 0, cdn: 1, dns: 2, platform: 3 };
/** How evidence names what an inherited provider is to the site. */
const DEPENDENCY_KINDS: Readonly<Record<Exclude<Role, 'platform'>, string>> = {
  hosting: 'hosting',
  cdn: 'CDN',
  dns: 'DNS',
};

function getNameConfidence(match: NameMatch, withRegion: number, withoutRegion: number): number {
  const base = match.region ? withRegion : withoutRegion;
  return match.rule.generic ? Math.round((base - GENERIC_NAME_PENALTY) * 100) / 100 : base;
}

function getRangeRole(entry: RangeEntry): Role {
  return CDN_PROVIDERS.has(entry.provider) ||
    (entry.service !== null && CDN_SERVICES.has(entry.service.toLowerCase()))
    ? 'cdn'
    : 'hosting';
}

/** "AWS EC2 us-east-1", "Cloudflare", "Azure front-door". */
function describe(provider: string, service: string | null, region: string | null): string {
  // AWS names its services in upper case in its own feed (EC2, S3, CLOUDFRONT): echo that spelling.
  const shown = service !== null && provider === 'aws' ? service.toUpperCase() : service;
  return [getProviderDisplayName(provider), shown, region].filter((x) => x !== null).join(' ');
}

const scratch6 = new Uint32Array(4);
function isIpLiteral(host: string): boolean {
  return parseIpv4(host) >= 0 || (host.includes(':') && parseIpv6(host, scratch6));
}

const ADDRESSES = createAddressMatcher();

export function createAttributor(options: AttributorOptions = {}): Attributor {
  const table = options.table ?? null;
  const catalog = options.catalog ?? null;
  const mappings = options.userMappings ?? [];
  const cidrMappings = mappings.filter(isCidrMapping);
  const suffixMappings = mappings
    .filter((m) => !isCidrMapping(m))
    .map((m) => ({ mapping: m, suffix: normalizeHostName(m.match).replace(/^\*?\./, '') }));
  // User CIDRs get their own small table: the same lookup and most-specific rule as the provider feeds.
  const userTable =
    cidrMappings.length > 0
      ? compileRangeTable(
          cidrMappings.map((m, i) => ({
            cidr: m.match,
            provider: m.provider,
            region: m.region,
            service: m.service ?? null,
            feed: String(i),
          })),
        )
      : null;

  return {
    attribute(obs: Observation): Attribution[] {
      const host = normalizeHostName(obs.host);
      const found: Attribution[] = [];
      const add = (a: Omit<Attribution, 'evidence'>, evidence: string, edge?: string | null): void => {
        found.push({ ...a, evidence: [evidence], ...(edge ? { edge } : {}) });
      };

      const ips = [...(obs.ips ?? [])];
      if (isIpLiteral(host) && !ips.includes(host)) ips.unshift(host);

      for (const { mapping, suffix } of suffixMappings) {
        if (host === suffix || host.endsWith(`.${suffix}`)) {
          add(
            {
              provider: mapping.provider,
              region: mapping.region,
              service: mapping.service ?? null,
              role: mapping.role,
              confidence: 1,
            },
            `user mapping ${mapping.match} → ${describe(mapping.provider, null, mapping.region)}`,
          );
        }
      }
      for (const ip of ips) {
        const user = userTable?.lookup(ip);
        if (user) {
          const m = cidrMappings[Number(user.feed)]!;
          add(
            {
              provider: m.provider,
              region: m.region,
              service: m.service ?? null,
              role: m.role,
              confidence: 1,
            },
            `user mapping ${m.match} holds ip ${ip}`,
          );
        }
        const entry = table?.lookup(ip);
        if (entry) {
          add(
            {
              provider: entry.provider,
              region: entry.region,
              service: entry.service,
              role: getRangeRole(entry),
              confidence: entry.region !== null ? 0.95 : 0.9,
            },
            `ip ${ip} is in ${describe(entry.provider, entry.service, entry.region)} (${entry.cidr}${entry.feed ? `, ${entry.feed}` : ''})`,
          );
        }
        const fixed = ADDRESSES.match(ip);
        if (fixed) {
          add(
            {
              provider: fixed.provider,
              region: null,
              service: fixed.service,
              role: fixed.role,
              confidence: 0.9,
            },
            `ip ${ip} is ${getProviderDisplayName(fixed.provider)}'s published apex address (${fixed.id}; ${fixed.source})`,
          );
        }
      }
      for (const cname of obs.cnames ?? []) {
        const m = matchHostName(cname);
        if (m) {
          add(
            {
              provider: m.provider,
              region: m.region,
              service: m.service,
              role: m.role,
              confidence: getNameConfidence(m, 0.85, 0.8),
            },
            `cname ${normalizeHostName(cname)} matches ${m.rule.id}${m.region ? ` (region ${m.region})` : ''}`,
          );
        }
      }
      for (const ns of obs.ns ?? []) {
        const r = matchNameserver(ns);
        if (r) {
          add(
            { provider: r.provider, region: null, service: r.service, role: 'dns', confidence: 0.9 },
            `nameserver ${normalizeHostName(ns)} is ${describe(r.provider, r.service, null)}`,
          );
        }
      }
      for (const h of matchHeaders(obs.headers ?? {})) {
        const where = [h.region ? `region ${h.region}` : '', h.edge ? `edge ${h.edge}` : '']
          .filter(Boolean)
          .join(', ');
        add(
          {
            provider: h.provider,
            region: h.region,
            service: h.service,
            role: h.role,
            confidence: h.rule.weak ? 0.45 : 0.75,
          },
          `header ${h.rule.header}: ${h.value.slice(0, 60)} → ${getProviderDisplayName(h.provider)}${where ? ` (${where})` : ''}`,
          h.edge,
        );
      }
      // The host name itself, unless the same name also came in as a CNAME (the stronger reading).
      const own = (obs.cnames ?? []).some((c) => normalizeHostName(c) === host) ? null : matchHostName(host);
      if (own) {
        add(
          {
            provider: own.provider,
            region: own.region,
            service: own.service,
            role: own.role,
            confidence: getNameConfidence(own, 0.8, 0.75),
          },
          `host name ${host} matches ${own.rule.id}${own.region ? ` (region ${own.region})` : ''}`,
        );
      }
      const direct = [...found];
      const service = catalog?.getServiceForHost(host) ?? null;
      if (service) {
        for (const d of service.dependencies) {
          const evidence = `catalog: ${service.name} depends on ${describe(d.provider, null, d.region)} for ${DEPENDENCY_KINDS[d.role]} (${d.source})`;
          // Seen there directly already: the catalog only confirms it. As a platform entry it would make the site
          // count toward that provider through the service itself, as if the service were a platform in between.
          const seen = direct.find(
            (a) =>
              a.provider === d.provider && a.region === d.region && (a.role === 'dns') === (d.role === 'dns'),
          );
          if (seen) {
            seen.evidence.push(evidence);
            continue;
          }
          add(
            {
              provider: d.provider,
              region: d.region,
              service: service.id,
              role: 'platform',
              confidence: d.confidence,
            },
            evidence,
          );
        }
      }
      // Inherit what each platform runs on (one level; edges never chain back into themselves).
      for (const a of direct) {
        if (a.role !== 'hosting' && a.role !== 'cdn') continue;
        for (const e of getDependencies(a.provider, a.region, a.service)) {
          add(
            {
              provider: e.to.provider,
              region: e.to.region,
              service: e.to.service,
              role: 'platform',
              confidence: Math.round(a.confidence * e.confidence * 100) / 100,
              via: a.provider,
            },
            `${e.note} (via ${describe(a.provider, a.service, a.region)}; ${e.source})`,
          );
        }
      }
      return mergeAttributions(found);
    },
  };
}

/** Merges same provider + region + role, keeping the strongest confidence/service/edge/via and all evidence. */
export function mergeAttributions(list: readonly Attribution[]): Attribution[] {
  const sorted = [...list].sort((a, b) => b.confidence - a.confidence);
  const merged = new Map<string, Attribution>();
  for (const a of sorted) {
    const key = `${a.provider}|${a.region ?? ''}|${a.role}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...a, evidence: [...a.evidence] });
      continue;
    }
    for (const e of a.evidence) if (!seen.evidence.includes(e)) seen.evidence.push(e);
    if (seen.service === null && a.service !== null) seen.service = a.service;
    if (seen.edge === undefined && a.edge !== undefined) seen.edge = a.edge;
    if (seen.via === undefined && a.via !== undefined) seen.via = a.via;
  }
  return [...merged.values()].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      a.provider.localeCompare(b.provider) ||
      (a.region ?? '').localeCompare(b.region ?? ''),
  );
}
