/**
 * Provider id → toolbar badge text (at most 4 characters, upper case); one row per canonical
 * provider id (design.md §5). Display names for sentences come from attribute/provider-names.
 */
const PROVIDER_BADGES: Readonly<Record<string, string>> = {
  aws: 'AWS',
  gcp: 'GCP',
  google: 'GOOG',
  azure: 'AZUR',
  oracle: 'OCI',
  cloudflare: 'CF',
  fastly: 'FSTL',
  akamai: 'AKAM',
  digitalocean: 'DO',
  linode: 'LIN',
  vultr: 'VLTR',
  github: 'GH',
  vercel: 'VRCL',
  netlify: 'NTLF',
  heroku: 'HRKU',
  fly: 'FLY',
  render: 'RNDR',
  railway: 'RLWY',
};

/** Badge text (≤ 4 characters) for a provider id; an unknown id is cut to its first 4 letters. */
export function getProviderBadge(provider: string): string {
  return (
    PROVIDER_BADGES[provider] ??
    provider
      .replace(/[^a-z0-9]/gi, '')
      .slice(0, 4)
      .toUpperCase()
  );
}
