/**
 * Response-header fingerprints as data (fingerprints.md §2). Each rule tests one lower-case header's value with a
 * regex; named groups `edge` (IATA-style POP code, upper-cased on output) and `region` (the provider's own region
 * code) carry location. `weak` rules (via: 1.1 google, ...) need corroboration and get lower confidence.
 * Every matching rule yields a hit, so stacked setups (Cloudflare in front of Render) show both providers.
 */
import type { Role } from './types';

export interface HeaderRule {
  id: string;
  header: string;
  pattern: RegExp;
  provider: string;
  service: string | null;
  role: Role;
  weak?: boolean;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  {
    id: 'cf-ray',
    header: 'cf-ray',
    pattern: /^[0-9a-f]+-(?<edge>[A-Z]{3})$/,
    provider: 'cloudflare',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'server-cloudflare',
    header: 'server',
    pattern: /^cloudflare$/i,
    provider: 'cloudflare',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'x-amz-cf-pop',
    header: 'x-amz-cf-pop',
    pattern: /^(?<edge>[A-Z]{3})\d+-[A-Z0-9]+$/,
    provider: 'aws',
    service: 'cloudfront',
    role: 'cdn',
  },
  {
    id: 'via-cloudfront',
    header: 'via',
    pattern: /cloudfront/i,
    provider: 'aws',
    service: 'cloudfront',
    role: 'cdn',
  },
  {
    id: 'server-amazons3',
    header: 'server',
    pattern: /^AmazonS3$/,
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'x-amz-bucket-region',
    header: 'x-amz-bucket-region',
    pattern: /^(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\d)$/,
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'server-awselb',
    header: 'server',
    pattern: /^awselb\//,
    provider: 'aws',
    service: 'elb',
    role: 'hosting',
  },
  {
    id: 'x-amz-apigw-id',
    header: 'x-amz-apigw-id',
    pattern: /./,
    provider: 'aws',
    service: 'api-gateway',
    role: 'hosting',
  },
  {
    id: 'x-served-by-fastly',
    header: 'x-served-by',
    pattern: /cache-[a-z0-9-]+-(?<edge>[A-Z]{3})$/,
    provider: 'fastly',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'x-fastly-request-id',
    header: 'x-fastly-request-id',
    pattern: /./,
    provider: 'fastly',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'via-varnish',
    header: 'via',
    pattern: /varnish/i,
    provider: 'fastly',
    service: 'cdn',
    role: 'cdn',
    weak: true,
  },
  {
    id: 'server-akamai',
    header: 'server',
    pattern: /^AkamaiGHost/,
    provider: 'akamai',
    service: 'cdn',
    role: 'cdn',
  },
  { id: 'akamai-grn', header: 'akamai-grn', pattern: /./, provider: 'akamai', service: 'cdn', role: 'cdn' },
  {
    id: 'x-azure-ref',
    header: 'x-azure-ref',
    pattern: /./,
    provider: 'azure',
    service: 'front-door',
    role: 'cdn',
  },
  {
    id: 'x-msedge-ref',
    header: 'x-msedge-ref',
    pattern: /./,
    provider: 'azure',
    service: 'front-door',
    role: 'cdn',
  },
  {
    id: 'server-azure-blob',
    header: 'server',
    pattern: /^Windows-Azure-(?:Blob|Web)/,
    provider: 'azure',
    service: 'storage',
    role: 'hosting',
  },
  {
    id: 'server-gws',
    header: 'server',
    pattern: /^gws$/,
    provider: 'google',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-google-frontend',
    header: 'server',
    pattern: /^Google Frontend$/,
    provider: 'gcp',
    service: null,
    role: 'hosting',
  },
  {
    id: 'via-google',
    header: 'via',
    pattern: /\bgoogle\b/i,
    provider: 'gcp',
    service: 'load-balancing',
    role: 'cdn',
    weak: true,
  },
  {
    id: 'x-goog-storage',
    header: 'x-goog-generation',
    pattern: /./,
    provider: 'gcp',
    service: 'cloud-storage',
    role: 'hosting',
  },
  {
    id: 'x-guploader-uploadid',
    header: 'x-guploader-uploadid',
    pattern: /./,
    provider: 'gcp',
    service: 'cloud-storage',
    role: 'hosting',
    weak: true,
  },
  {
    id: 'x-vercel-id-function',
    header: 'x-vercel-id',
    pattern: /^(?<edge>[a-z]{3})\d::(?:[a-z]{3}\d::)*(?<region>[a-z]{3}\d)::[^:]+$/,
    provider: 'vercel',
    service: 'functions',
    role: 'hosting',
  },
  {
    id: 'x-vercel-id-edge',
    header: 'x-vercel-id',
    pattern: /^(?<edge>[a-z]{3})\d::[^:]+$/,
    provider: 'vercel',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-vercel',
    header: 'server',
    pattern: /^Vercel$/i,
    provider: 'vercel',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-netlify',
    header: 'server',
    pattern: /^Netlify$/i,
    provider: 'netlify',
    service: null,
    role: 'hosting',
  },
  {
    id: 'x-nf-request-id',
    header: 'x-nf-request-id',
    pattern: /./,
    provider: 'netlify',
    service: null,
    role: 'hosting',
  },
  {
    id: 'fly-request-id',
    header: 'fly-request-id',
    pattern: /-(?<region>[a-z]{3})$/,
    provider: 'fly',
    service: null,
    role: 'hosting',
  },
  { id: 'server-fly', header: 'server', pattern: /^Fly\//, provider: 'fly', service: null, role: 'hosting' },
  {
    id: 'server-github',
    header: 'server',
    pattern: /^GitHub\.com$/,
    provider: 'github',
    service: 'pages',
    role: 'hosting',
  },
  {
    id: 'via-heroku',
    header: 'via',
    pattern: /heroku-router|vegur/i,
    provider: 'heroku',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-heroku',
    header: 'server',
    pattern: /^Heroku$/i,
    provider: 'heroku',
    service: null,
    role: 'hosting',
  },
  {
    id: 'x-render-origin-server',
    header: 'x-render-origin-server',
    pattern: /./,
    provider: 'render',
    service: null,
    role: 'hosting',
  },
  {
    id: 'x-railway-edge',
    header: 'x-railway-edge',
    pattern: /^railway\/(?<region>[a-z]+-[a-z]+\d)/,
    provider: 'railway',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-railway',
    header: 'server',
    pattern: /^railway/,
    provider: 'railway',
    service: null,
    role: 'hosting',
  },
  {
    id: 'server-bunny',
    header: 'server',
    pattern: /^BunnyCDN-/,
    provider: 'bunny',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'opc-request-id',
    header: 'opc-request-id',
    pattern: /./,
    provider: 'oracle',
    service: null,
    role: 'hosting',
  },
  {
    id: 'x-do-app-origin',
    header: 'x-do-app-origin',
    pattern: /./,
    provider: 'digitalocean',
    service: 'app-platform',
    role: 'hosting',
  },
];

export interface HeaderMatch {
  rule: HeaderRule;
  provider: string;
  region: string | null;
  service: string | null;
  role: Role;
  edge: string | null;
  value: string;
}

/** All rule hits for a header map (names in any case). */
export function matchHeaders(
  headers: Readonly<Record<string, string>>,
  rules: readonly HeaderRule[] = HEADER_RULES,
): HeaderMatch[] {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') lower.set(name.toLowerCase(), value.trim());
  }
  const hits: HeaderMatch[] = [];
  for (const rule of rules) {
    const value = lower.get(rule.header);
    if (value === undefined) continue;
    const m = rule.pattern.exec(value);
    if (!m) continue;
    hits.push({
      rule,
      provider: rule.provider,
      region: m.groups?.region ?? null,
      service: rule.service,
      role: rule.role,
      edge: m.groups?.edge?.toUpperCase() ?? null,
      value,
    });
  }
  return hits;
}
