/**
 * Which (provider, region) windows one load counts toward, and through which dependency path.
 *
 * A window key is the string `provider|region` (`provider|` for provider-wide / region-less).
 * Each counted key carries a `group`: `direct` when the host itself sits on that provider (hosting, cdn or
 * dns role), otherwise the provider of the platform that brought the key in (a Vercel host counting toward
 * `aws|us-east-1` has group `vercel`, and so does a Heroku app whose address is in AWS's ranges). Outages need evidence from more than one path before they name the
 * root of a dependency chain.
 */
import type { Attribution, Role } from '../attribute/types';
import type { Outcome } from '../observe/types';

export interface CountedKey {
  key: string;
  provider: string;
  region: string | null;
  role: Role;
  group: string;
}

/** The platform that brought a `platform` attribution: the host's own hosting/CDN provider other than it. */
function getPlatformVia(platform: Attribution, attributions: readonly Attribution[]): string {
  if (platform.via !== undefined) return platform.via;
  // A catalog entry: the well-known service is its own path.
  if (platform.service !== null) return platform.service;
  const via = attributions.find(
    (a) => a.role !== 'platform' && a.role !== 'dns' && a.provider !== platform.provider,
  );
  return via?.provider ?? 'platform';
}

export function getWindowKey(provider: string, region: string | null): string {
  return `${provider}|${region ?? ''}`;
}

export function parseWindowKey(key: string): { provider: string; region: string | null } {
  const bar = key.indexOf('|');
  const region = key.slice(bar + 1);
  return { provider: key.slice(0, bar), region: region === '' ? null : region };
}

/**
 * The keys an outcome counts toward. A DNS failure implicates the site's DNS provider when one is known
 * (the host never got as far as its hosting); other failures implicate hosting, CDN and platform, not DNS;
 * a success vouches for all of them. `local` and `ignored` outcomes say nothing about providers.
 */
export function getCountedKeys(outcome: Outcome, attributions: readonly Attribution[]): CountedKey[] {
  if (outcome === 'ignored' || outcome === 'local' || attributions.length === 0) return [];
  let chosen: readonly Attribution[] = attributions;
  if (outcome === 'dns') {
    const dns = attributions.filter((a) => a.role === 'dns');
    chosen = dns.length > 0 ? dns : attributions.filter((a) => a.role !== 'dns');
  } else if (outcome !== 'ok') {
    chosen = attributions.filter((a) => a.role !== 'dns');
  }
  const out: CountedKey[] = [];
  for (const a of chosen) {
    const key = getWindowKey(a.provider, a.region);
    const existing = out.find((c) => c.key === key);
    if (existing) continue;
    const platform = attributions.find(
      (p) => p.role === 'platform' && getWindowKey(p.provider, p.region) === key,
    );
    // A key a platform runs on is reached through that platform even when the address matches it directly:
    // a Heroku app's address is in AWS's ranges because Heroku's machines are AWS machines.
    if (platform)
      out.push({
        key,
        provider: a.provider,
        region: a.region,
        role: 'platform',
        group: getPlatformVia(platform, attributions),
      });
    else out.push({ key, provider: a.provider, region: a.region, role: a.role, group: 'direct' });
  }
  return out;
}
