/**
 * Nameserver → DNS provider (fingerprints.md §3.1), as data: regex over the lower-cased NS name, trailing dot
 * stripped. A site whose nameservers match fails at DNS when that provider's DNS fails, wherever it is hosted.
 */
import { normalizeHostName } from './name-rules';

export interface NsRule {
  id: string;
  pattern: RegExp;
  provider: string;
  service: string;
}

export const NS_RULES: readonly NsRule[] = [
  {
    id: 'route53',
    pattern: /^ns-\d+\.awsdns-\d+\.(?:com|net|org|co\.uk)$/,
    provider: 'aws',
    service: 'route53',
  },
  {
    id: 'cloudflare-dns',
    pattern: /\.ns\.cloudflare\.com$/,
    provider: 'cloudflare',
    service: 'dns',
  },
  {
    id: 'azure-dns',
    pattern: /^ns[1-4]-\d+\.azure-dns\.(?:com|net|org|info)$/,
    provider: 'azure',
    service: 'dns',
  },
  {
    id: 'google-cloud-dns',
    pattern: /^ns-cloud-[a-z]\d+\.googledomains\.com$/,
    provider: 'gcp',
    service: 'cloud-dns',
  },
  { id: 'ns1', pattern: /^dns\d+\.p\d+\.nsone\.net$/, provider: 'ns1', service: 'dns' },
  { id: 'ultradns', pattern: /^[pus]dns\d+\.ultradns\./, provider: 'ultradns', service: 'dns' },
  { id: 'akamai-edge-dns', pattern: /^a\d+-\d+\.akam\.net$/, provider: 'akamai', service: 'edge-dns' },
  { id: 'dyn', pattern: /\.dynect\.net$/, provider: 'dyn', service: 'dns' },
  { id: 'godaddy', pattern: /^ns\d+\.domaincontrol\.com$/, provider: 'godaddy', service: 'dns' },
  { id: 'dnsimple', pattern: /^ns\d\.dnsimple(?:-edge)?\./, provider: 'dnsimple', service: 'dns' },
  { id: 'enom', pattern: /^dns\d\.name-services\.com$/, provider: 'enom', service: 'dns' },
  { id: 'namecheap', pattern: /registrar-servers\.com$/, provider: 'namecheap', service: 'dns' },
  { id: 'digitalocean-dns', pattern: /^ns\d\.digitalocean\.com$/, provider: 'digitalocean', service: 'dns' },
  { id: 'linode-dns', pattern: /^ns\d\.linode\.com$/, provider: 'linode', service: 'dns' },
  { id: 'hetzner-dns', pattern: /\.ns\.hetzner\.com$/, provider: 'hetzner', service: 'dns' },
  { id: 'ovh-dns', pattern: /(?:^|\.)(?:dns|ns)\d+\.ovh\.net$/, provider: 'ovh', service: 'dns' },
  { id: 'he-dns', pattern: /^ns\d\.he\.net$/, provider: 'he', service: 'dns' },
  { id: 'gandi-dns', pattern: /\.dns\.gandi\.net$/, provider: 'gandi', service: 'dns' },
  { id: 'dnsmadeeasy', pattern: /\.dnsmadeeasy\.com$/, provider: 'dnsmadeeasy', service: 'dns' },
  { id: 'cloudns', pattern: /\.cloudns\.net$/, provider: 'cloudns', service: 'dns' },
  { id: 'network-solutions', pattern: /worldnic\.com$/, provider: 'network-solutions', service: 'dns' },
  { id: 'vercel-dns', pattern: /^ns\d\.vercel-dns\.com$/, provider: 'vercel', service: 'dns' },
];

export function matchNameserver(ns: string, rules: readonly NsRule[] = NS_RULES): NsRule | null {
  const name = normalizeHostName(ns);
  return rules.find((r) => r.pattern.test(name)) ?? null;
}
