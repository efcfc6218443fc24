/**
 * Tenants of a cloud platform's shared domain: an S3 bucket, an API Gateway or Cloud Run URL, a
 * herokuapp.com or vercel.app app. Those hosts sit under a private-section public suffix, so their
 * registrable domain is never the page's, yet a page's API calls, scripts and styles there are its own.
 * Layout of the cache: host -> isTenant, capped, oldest first out (a Map keeps insertion order).
 */
import { parse } from 'tldts';

const MAX_CACHED = 2_048;
const tenantCache = new Map<string, boolean>();

/** True when the host is a tenant of a platform's shared domain (Public Suffix List private section). */
export function isPlatformTenantHost(host: string): boolean {
  const cached = tenantCache.get(host);
  if (cached !== undefined) return cached;
  const result = parse(host, { allowPrivateDomains: true }).isPrivate === true;
  if (tenantCache.size >= MAX_CACHED) {
    const oldest = tenantCache.keys().next().value;
    if (oldest !== undefined) tenantCache.delete(oldest);
  }
  tenantCache.set(host, result);
  return result;
}
