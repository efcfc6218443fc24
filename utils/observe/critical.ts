import { isPlatformTenantHost } from './platform-tenant';
import type { LoadEvent, ResourceType } from './types';

/** Subresource types a page needs to work when they come from its own site. */
const FIRST_PARTY_CRITICAL: ReadonlySet<ResourceType> = new Set([
  'sub_frame',
  'xmlhttprequest',
  'script',
  'stylesheet',
  'font',
]);

/**
 * Whether a failure of this request breaks the page for the person looking at it:
 * - the main document always;
 * - a first-party frame, api call (xhr/fetch), script, stylesheet or font: first-party means its
 *   registrable domain equals the page's (`api.shop.example` on `www.shop.example`), or it is the page's
 *   own backend on a platform's shared domain (`acme.s3.amazonaws.com`, `x.execute-api...`, `*.herokuapp.com`:
 *   see platform-tenant.ts), which trackers and ad networks never are;
 * - nothing third-party (ads, trackers, embeds) and no image, media or other: those fail all day
 *   without the page being down.
 * `pageSite` defaults to the event's own; callers that know the tab's site may pass it, and with
 * no page site known a subresource is not critical.
 */
export function isCriticalRequest(ev: LoadEvent, pageSite: string | undefined = ev.pageSite): boolean {
  if (ev.type === 'main_frame') return true;
  if (!FIRST_PARTY_CRITICAL.has(ev.type)) return false;
  if (pageSite === undefined || pageSite === '') return false;
  return ev.site === pageSite || isPlatformTenantHost(ev.host);
}

/** The site whose health this load speaks for (the page's, for its own backend), or null when none. */
export function getCriticalSite(ev: LoadEvent, pageSite: string | undefined = ev.pageSite): string | null {
  if (!isCriticalRequest(ev, pageSite)) return null;
  return ev.type === 'main_frame' || !pageSite ? ev.site : pageSite;
}
