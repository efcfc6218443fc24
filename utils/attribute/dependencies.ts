/**
 * The dependency graph as data: what a platform runs on, each edge with its public source and a confidence
 * (fingerprints.md §4). An edge's `from.region` is an exact region, `null` (only when the platform's region is
 * unknown: the platform's documented default applies), or absent (any region). A matching region-specific edge
 * shadows the region-unknown default of the same platform.
 */
import type { Role } from './types';

export interface DependencyEdge {
  from: { provider: string; region?: string | null; service?: string };
  to: { provider: string; region: string | null; service: string | null };
  /** How the inherited attribution relates to the site (always `platform` for now; kept for CDN fronting). */
  role: Role;
  /** 0..1: how sure the public record is (Doc ≈ 0.9, default-region assumptions ≈ 0.6, Emp ≈ 0.5). */
  confidence: number;
  /** Public source: URL or fingerprints.md reference. */
  source: string;
  note: string;
}

const VERCEL_REGIONS_SOURCE = 'https://vercel.com/docs/regions';

/** Vercel function region id → AWS region (fingerprints.md §2.1). */
export const VERCEL_AWS_REGIONS: Readonly<Record<string, string>> = {
  arn1: 'eu-north-1',
  bom1: 'ap-south-1',
  cdg1: 'eu-west-3',
  cle1: 'us-east-2',
  cpt1: 'af-south-1',
  dub1: 'eu-west-1',
  fra1: 'eu-central-1',
  gru1: 'sa-east-1',
  hkg1: 'ap-east-1',
  hnd1: 'ap-northeast-1',
  iad1: 'us-east-1',
  icn1: 'ap-northeast-2',
  kix1: 'ap-northeast-3',
  lhr1: 'eu-west-2',
  pdx1: 'us-west-2',
  sfo1: 'us-west-1',
  sin1: 'ap-southeast-1',
  syd1: 'ap-southeast-2',
};

export const DEPENDENCY_EDGES: readonly DependencyEdge[] = [
  ...Object.entries(VERCEL_AWS_REGIONS).map(
    ([vercel, aws]): DependencyEdge => ({
      from: { provider: 'vercel', region: vercel },
      to: { provider: 'aws', region: aws, service: 'lambda' },
      role: 'platform',
      confidence: 0.9,
      source: VERCEL_REGIONS_SOURCE,
      note: `Vercel region ${vercel} runs functions in AWS ${aws}`,
    }),
  ),
  {
    from: { provider: 'vercel', region: null },
    to: { provider: 'aws', region: 'us-east-1', service: 'lambda' },
    role: 'platform',
    confidence: 0.6,
    source: 'https://vercel.com/docs/functions/configuring-functions/region',
    note: 'Vercel functions default to iad1 = AWS us-east-1',
  },
  {
    from: { provider: 'netlify' },
    to: { provider: 'aws', region: 'us-east-2', service: 'lambda' },
    role: 'platform',
    confidence: 0.5,
    source: 'https://docs.netlify.com/build/functions/configuration',
    note: 'Netlify functions default to AWS us-east-2 (sites created after 2023-10-04)',
  },
  {
    from: { provider: 'heroku', region: 'us' },
    to: { provider: 'aws', region: 'us-east-1', service: null },
    role: 'platform',
    confidence: 0.9,
    source: 'Heroku Platform API GET /regions (fingerprints.md §4 [HRK-REG])',
    note: 'Heroku region us runs on AWS us-east-1',
  },
  {
    from: { provider: 'heroku', region: 'eu' },
    to: { provider: 'aws', region: 'eu-west-1', service: null },
    role: 'platform',
    confidence: 0.9,
    source: 'Heroku Platform API GET /regions (fingerprints.md §4 [HRK-REG])',
    note: 'Heroku region eu runs on AWS eu-west-1',
  },
  {
    from: { provider: 'heroku', region: null },
    to: { provider: 'aws', region: 'us-east-1', service: null },
    role: 'platform',
    confidence: 0.6,
    source: 'Heroku Platform API GET /regions (fingerprints.md §4 [HRK-REG])',
    note: 'Heroku apps default to region us = AWS us-east-1',
  },
  {
    from: { provider: 'render' },
    to: { provider: 'cloudflare', region: null, service: 'cdn' },
    role: 'platform',
    confidence: 0.8,
    source: 'https://render.com/docs/uptime-best-practices',
    note: 'all inbound Render traffic passes Cloudflare',
  },
  {
    from: { provider: 'digitalocean', service: 'app-platform' },
    to: { provider: 'cloudflare', region: null, service: 'cdn' },
    role: 'platform',
    confidence: 0.5,
    source: 'public header captures (fingerprints.md §4 [EMP-DO])',
    note: 'DigitalOcean App Platform is fronted by Cloudflare',
  },
  {
    from: { provider: 'shopify' },
    to: { provider: 'cloudflare', region: null, service: 'cdn' },
    role: 'platform',
    confidence: 0.5,
    source: 'public header captures (fingerprints.md §4 [EMP-SH])',
    note: 'Shopify storefronts are served through Cloudflare',
  },
  {
    from: { provider: 'github', service: 'pages' },
    to: { provider: 'fastly', region: null, service: 'cdn' },
    role: 'platform',
    confidence: 0.7,
    source: 'github/docs managing-a-custom-domain-for-your-github-pages-site (fingerprints.md §4)',
    note: 'GitHub Pages is served through Fastly',
  },
  {
    from: { provider: 'pantheon' },
    to: { provider: 'fastly', region: null, service: 'cdn' },
    role: 'platform',
    confidence: 0.5,
    source: 'public header captures (fingerprints.md §2 [WA])',
    note: 'Pantheon sites are served through Fastly',
  },
  {
    from: { provider: 'supabase' },
    to: { provider: 'aws', region: null, service: null },
    role: 'platform',
    confidence: 0.8,
    source: 'https://supabase.com/docs/guides/platform/regions',
    note: 'Supabase projects run in one AWS region',
  },
  {
    from: { provider: 'auth0' },
    to: { provider: 'aws', region: null, service: null },
    role: 'platform',
    confidence: 0.8,
    source: 'https://auth0.com/platform/cloud-deployment/aws',
    note: 'Auth0 public cloud runs on AWS',
  },
  {
    from: { provider: 'cloudflare', service: 'workers-kv' },
    to: { provider: 'gcp', region: null, service: null },
    role: 'platform',
    confidence: 0.8,
    source: 'https://blog.cloudflare.com/cloudflare-service-outage-june-12-2025/',
    note: "Workers KV's central store is backed by Google Cloud",
  },
  {
    from: { provider: 'cloudflare', service: 'workers' },
    to: { provider: 'gcp', region: null, service: null },
    role: 'platform',
    confidence: 0.4,
    source: 'https://blog.cloudflare.com/cloudflare-service-outage-june-12-2025/',
    note: 'Workers that use KV depend on Google Cloud',
  },
  {
    from: { provider: 'cloudflare', service: 'pages' },
    to: { provider: 'gcp', region: null, service: null },
    role: 'platform',
    confidence: 0.4,
    source: 'https://blog.cloudflare.com/cloudflare-service-outage-june-12-2025/',
    note: 'Pages builds and KV-backed features depend on Google Cloud',
  },
];

/** Edges that apply to a platform seen at (provider, region, service), region-specific ones shadowing defaults. */
export function getDependencies(
  provider: string,
  region: string | null,
  service: string | null,
  edges: readonly DependencyEdge[] = DEPENDENCY_EDGES,
): DependencyEdge[] {
  const matches = edges.filter(
    (e) =>
      e.from.provider === provider &&
      (e.from.service === undefined || e.from.service === service) &&
      (e.from.region === undefined || e.from.region === region),
  );
  const hasExact = region !== null && matches.some((e) => e.from.region === region);
  return hasExact ? matches.filter((e) => e.from.region !== null) : matches;
}
