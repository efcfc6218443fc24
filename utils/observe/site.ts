import { getDomain } from 'tldts';

/**
 * Host name as we key it: lower case, no trailing dot, no port, IPv6 without brackets
 * (`[::1]:8080` → `::1`, `Shop.Example.:443` → `shop.example`).
 */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(name);
  if (bracketed) name = bracketed[1] ?? '';
  else if (/^[^:]*:\d*$/.test(name)) name = name.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Registrable domain (eTLD+1) of a host, with the Public Suffix List's private section on so that
 * `a.vercel.app` and `b.vercel.app` are two sites, as they are two customers. Ip literals,
 * single-label names and names without a registrable part are their own site.
 */
export function getSite(host: string): string {
  const name = normalizeHost(host);
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}
