/**
 * Fixed addresses that platforms tell customers to point an apex record at (fingerprints.md §3), as data: a site
 * whose A record is one of these is hosted on that platform even though the address sits in nobody's range feed
 * (Vercel, Shopify) or only in the range of the network underneath (Netlify's sits in AWS Global Accelerator).
 *
 * AddressRule layout: `addresses` lists the exact IPv4 addresses in dotted form; `source` is quoted in evidence.
 * The lookup index maps the parsed 32-bit address to its rule.
 */
import { parseIpv4 } from './ip-address';
import type { Role } from './types';

export interface AddressRule {
  id: string;
  addresses: readonly string[];
  provider: string;
  service: string | null;
  role: Role;
  /** Where the address is published: URL or fingerprints.md reference. */
  source: string;
}

export const ADDRESS_RULES: readonly AddressRule[] = [
  {
    id: 'vercel-apex',
    addresses: ['76.76.21.21', '216.198.79.1'],
    provider: 'vercel',
    service: null,
    role: 'hosting',
    source: 'https://vercel.com/docs/domains/set-up-custom-domain',
  },
  {
    id: 'netlify-apex',
    addresses: ['75.2.60.5'],
    provider: 'netlify',
    service: null,
    role: 'hosting',
    source: 'Netlify external DNS docs, apex-loadbalancer.netlify.com (fingerprints.md §3)',
  },
  {
    id: 'shopify-apex',
    addresses: ['23.227.38.65'],
    provider: 'shopify',
    service: null,
    role: 'hosting',
    source: 'public DNS captures, legacy Shopify apex (fingerprints.md §3 [EMP-SH])',
  },
  {
    id: 'github-pages-apex',
    addresses: ['185.199.108.153', '185.199.109.153', '185.199.110.153', '185.199.111.153'],
    provider: 'github',
    service: 'pages',
    role: 'hosting',
    source: 'github/docs managing-a-custom-domain-for-your-github-pages-site (fingerprints.md §3)',
  },
];

/** Strips the IPv4-mapped IPv6 prefix (`::ffff:76.76.21.21`) some stacks report. */
function getIpv4Text(ip: string): string {
  const text = ip.trim().toLowerCase();
  return text.startsWith('::ffff:') ? text.slice(7) : text;
}

export interface AddressMatcher {
  match(ip: string): AddressRule | null;
}

/** Throws when a rule lists something that is not a dotted IPv4 address or an address twice: rules are code. */
export function createAddressMatcher(rules: readonly AddressRule[] = ADDRESS_RULES): AddressMatcher {
  const byAddress = new Map<number, AddressRule>();
  for (const rule of rules) {
    for (const address of rule.addresses) {
      const key = parseIpv4(address);
      if (key < 0) throw new Error(`address rule ${rule.id}: ${address} is not an IPv4 address`);
      const seen = byAddress.get(key);
      if (seen) throw new Error(`address rule ${rule.id}: ${address} is already listed by ${seen.id}`);
      byAddress.set(key, rule);
    }
  }
  return {
    match(ip: string): AddressRule | null {
      const key = parseIpv4(getIpv4Text(ip));
      return key < 0 ? null : (byAddress.get(key) ?? null);
    },
  };
}
