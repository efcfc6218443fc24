import { describe, expect, it } from 'vitest';
import { matchNameserver, NS_RULES } from '../ns-rules';

const CASES: Array<[string, string, string]> = [
  ['ns-12.awsdns-01.org', 'route53', 'aws'],
  ['ns-1536.awsdns-00.co.uk.', 'route53', 'aws'],
  ['ada.ns.cloudflare.com', 'cloudflare-dns', 'cloudflare'],
  ['ns1-01.azure-dns.com', 'azure-dns', 'azure'],
  ['ns-cloud-a1.googledomains.com', 'google-cloud-dns', 'gcp'],
  ['dns1.p01.nsone.net', 'ns1', 'ns1'],
  ['pdns1.ultradns.net', 'ultradns', 'ultradns'],
  ['a1-64.akam.net', 'akamai-edge-dns', 'akamai'],
  ['ns1.p16.dynect.net', 'dyn', 'dyn'],
  ['ns51.domaincontrol.com', 'godaddy', 'godaddy'],
  ['ns1.dnsimple.com', 'dnsimple', 'dnsimple'],
  ['dns1.name-services.com', 'enom', 'enom'],
  ['dns1.registrar-servers.com', 'namecheap', 'namecheap'],
  ['ns1.digitalocean.com', 'digitalocean-dns', 'digitalocean'],
  ['ns1.linode.com', 'linode-dns', 'linode'],
  ['hydrogen.ns.hetzner.com', 'hetzner-dns', 'hetzner'],
  ['dns10.ovh.net', 'ovh-dns', 'ovh'],
  ['ns1.he.net', 'he-dns', 'he'],
  ['ns-1.dns.gandi.net', 'gandi-dns', 'gandi'],
  ['ns0.dnsmadeeasy.com', 'dnsmadeeasy', 'dnsmadeeasy'],
  ['pns41.cloudns.net', 'cloudns', 'cloudns'],
  ['ns1.worldnic.com', 'network-solutions', 'network-solutions'],
  ['ns1.vercel-dns.com', 'vercel-dns', 'vercel'],
];

describe('NS_RULES', () => {
  it.each(CASES)('%s → %s (%s)', (ns, id, provider) => {
    expect(matchNameserver(ns)).toMatchObject({ id, provider });
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c[1]));
    expect(NS_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(['ns1.example.com', 'awsdns.example.org', ''])('%j matches nothing', (ns) => {
    expect(matchNameserver(ns)).toBeNull();
  });
});
