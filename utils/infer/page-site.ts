/**
 * Which site's health a load speaks for.
 *
 * observe's isCriticalRequest decides for the main document and first-party subresources. One case it
 * leaves out: a page's own backend on a cloud platform's shared domain (an S3 bucket, an API Gateway or
 * Cloud Run URL, a herokuapp.com or vercel.app app). Those hosts sit under a private-section public suffix,
 * so their registrable domain is never the page's, yet an API call, script or stylesheet the page loads from
 * them is the page's own; when they fail, the page is broken. Trackers and ad networks live on ordinary
 * domains and stay third-party. Layout of the cache: host -> isPrivate, capped, oldest first out.
 */
import { parse } from 'tldts';
import { isCriticalRequest } from '../observe/critical';
import type { LoadEvent } from '../observe/types';

const MAX_CACHED = 2_048;
const platformHostCache = new Map<string, boolean>();

/** True when the host is a tenant of a platform's shared domain (PSL private section). */
export function isPlatformTenantHost(host: string): boolean {
  const cached = platformHostCache.get(host);
  if (cached !== undefined) return cached;
  const result = parse(host, { allowPrivateDomains: true }).isPrivate === true;
  if (platformHostCache.size >= MAX_CACHED) {
    const oldest = platformHostCache.keys().next().value;
    if (oldest !== undefined) platformHostCache.delete(oldest);
  }
  platformHostCache.set(host, result);
  return result;
}

/** The site whose health this load counts toward, or null when it says nothing about any page. */
export function getCountedSite(ev: LoadEvent): string | null {
  if (isCriticalRequest(ev)) return ev.site;
  const page = ev.pageSite;
  // isCriticalRequest(ev, ev.site) asks only "is this a critical kind of subresource?".
  if (page && page !== ev.site && isPlatformTenantHost(ev.host) && isCriticalRequest(ev, ev.site))
    return page;
  return null;
}
