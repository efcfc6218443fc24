/**
 * Turns one SiteSpec into the request events a browser tab would report: each visit loads the
 * page, then (when the page arrived) its scripts, styles, images and a first API call; while the
 * page stays open it polls the API. Each request's outcome comes from the last rule covering that
 * time and part, else it loads fine.
 */

import { type Browser, getErrorString, ok, type Response } from './effects';
import { getErrorHeaders, getOkHeaders, HOSTING } from './hosting';
import { pickIpv4 } from './ipv4';
import type { HostSpec, Part, ScenarioEvent, SiteSpec } from './model';
import type { Rng } from './prng';

const PAGE_PATHS = ['/', '/', '/home', '/account', '/search?q=weekend', '/settings', '/inbox', '/feed'];
const API_PATHS = ['/v1/session', '/v1/feed?page=1', '/v1/notifications', '/graphql', '/v2/cart', '/v1/me'];

/** Host name → the two addresses it answers from, chosen once per scenario. */
type AddressBook = Map<string, string[]>;

function getAddresses(book: AddressBook, host: HostSpec, rng: Rng): string[] {
  const known = book.get(host.name);
  if (known) return known;
  const cidrs = HOSTING[host.hosting].cidrs;
  const cidr = rng.pick(cidrs);
  const ips = [pickIpv4(cidr, rng), pickIpv4(cidr, rng)];
  book.set(host.name, ips);
  return ips;
}

function getResponse(site: SiteSpec, part: Part, t: number, rng: Rng): Response {
  let effect = ok;
  for (const rule of site.rules ?? []) {
    if (t < rule.from || (rule.to !== undefined && t >= rule.to)) continue;
    if (rule.parts && !rule.parts.includes(part)) continue;
    effect = rule.effect;
  }
  return effect(rng);
}

interface RequestArgs {
  site: SiteSpec;
  part: Part;
  t: number;
  type: string;
  path: string;
  browser: Browser;
  book: AddressBook;
  rng: Rng;
  response?: Response;
}

function getHost(site: SiteSpec, part: Part): HostSpec {
  return site[part] ?? site.page;
}

function createRequest(args: RequestArgs): { event: ScenarioEvent; loaded: boolean } {
  const { site, part, t, type, path, browser, book, rng } = args;
  const host = getHost(site, part);
  const hosting = HOSTING[host.hosting];
  const response = args.response ?? getResponse(site, part, t, rng);
  const event: ScenarioEvent = {
    t,
    kind: 'request',
    tabId: site.tab,
    url: `${response.plainHttp ? 'http' : 'https'}://${host.name}${path}`,
    type,
  };
  const colo = site.colo ?? 'IAD';
  if (response.withIp) event.ip = response.ipOverride ?? rng.pick(getAddresses(book, host, rng));
  if (response.status !== undefined) {
    event.status = response.status;
    event.headers =
      response.headers ??
      (response.errorHeaders
        ? getErrorHeaders(hosting.style, rng, colo, host.name)
        : getOkHeaders(hosting.style, rng, colo, host.name));
  }
  if (response.error) event.error = getErrorString(response.error, browser);
  // A redirect (a captive portal's) or an error page does not go on to load the page's own resources.
  const loaded =
    response.error === undefined && (response.status ?? 0) >= 200 && (response.status ?? 0) < 300;
  return { event, loaded };
}

/**
 * When the page itself failed, the next attempt: Chrome reloads a page that hit a network error by
 * itself after about 1 s and again after ~5 s (toolchain.md pitfall 3); a person reloads an error
 * page once after 12–25 s. Null when nobody retries.
 */
function getRetryDelay(event: ScenarioEvent, attempt: number, browser: Browser, rng: Rng): number | null {
  if (event.kind !== 'request') return null;
  const netError = event.error?.startsWith('net::') === true;
  if (browser === 'chrome' && netError && attempt < 2) return attempt === 0 ? 1 : 5;
  if (attempt < (browser === 'chrome' && netError ? 3 : 1)) return rng.int(12, 25);
  return null;
}

/** Page views with their subresources, API polls while open, and the site's one-off requests. */
export function createSiteEvents(site: SiteSpec, end: number, browser: Browser, book: AddressBook, rng: Rng) {
  const events: ScenarioEvent[] = [];
  const visits = [...site.visits].sort((a, b) => a - b);
  const base = { site, browser, book, rng };
  const req = (part: Part, t: number, type: string, path: string) =>
    createRequest({ ...base, part, t, type, path });
  visits.forEach((visitAt, index) => {
    if (visitAt > end) return;
    const next = Math.min(visits[index + 1] ?? end + 1, end + 1);
    const path = rng.pick(PAGE_PATHS);
    let t = visitAt;
    for (let attempt = 0; ; attempt++) {
      const page = req('page', t, 'main_frame', path);
      events.push(page.event);
      if (page.loaded) break;
      const delay = getRetryDelay(page.event, attempt, browser, rng);
      if (delay === null || t + delay >= next) return;
      t += delay;
    }
    const stamp = rng.hex(8);
    events.push(req('assets', t + 1, 'script', `/static/app.${stamp}.js`).event);
    events.push(req('assets', t + 1, 'stylesheet', `/static/site.${stamp}.css`).event);
    const images = rng.int(1, 2);
    for (let i = 0; i < images; i++) {
      events.push(req('media', t + 1 + i, 'image', `/img/${rng.int(100, 999)}.webp`).event);
    }
    if (!site.api) return;
    events.push(req('api', t + 2, 'xmlhttprequest', rng.pick(API_PATHS)).event);
    if (!site.pollEvery) return;
    for (let p = t + site.pollEvery + rng.int(-3, 3); p < next; p += site.pollEvery + rng.int(-3, 3)) {
      events.push(req('api', p, 'xmlhttprequest', rng.pick(API_PATHS)).event);
    }
  });
  for (const oneOff of site.oneOffs ?? []) {
    if (oneOff.t > end) continue;
    const response = oneOff.effect(rng);
    events.push(
      createRequest({
        ...base,
        part: oneOff.part,
        t: oneOff.t,
        type: oneOff.type,
        path: oneOff.path,
        response,
      }).event,
    );
  }
  return events;
}

/** Load times from `from` to `to`, a random gap of minGap..maxGap seconds apart. */
export function getVisitTimes(rng: Rng, from: number, to: number, minGap: number, maxGap: number): number[] {
  const times: number[] = [];
  for (let t = from; t <= to; t += rng.int(minGap, maxGap)) times.push(t);
  return times;
}
