/**
 * Shorthands the scenario definitions share: a site with the usual www/api hosts, visit times, and
 * the expectations every outage scenario carries (verdicts and the outage at most 90 s after the
 * first failing request, and never a local-network verdict).
 */

import { getVisitTimes } from '../browse';
import type { HostingId } from '../hosting';
import type { Expectation, HostSpec, Rule, SiteSpec, Timing } from '../model';
import { createRng, type Rng } from '../prng';

export interface SiteOptions {
  domain: string;
  tab: number;
  hosting: HostingId;
  page?: HostSpec;
  assets?: HostSpec;
  media?: HostSpec;
  /** false = the site makes no API calls. */
  api?: HostSpec | false;
  visits: number[];
  pollEvery?: number;
  rules?: Rule[];
  inOutage?: boolean;
  colo?: string;
  oneOffs?: SiteSpec['oneOffs'];
}

/** Services whose pages live on the bare domain rather than www. */
const BARE_DOMAINS = new Set([
  'x.com',
  'twitter.com',
  'chatgpt.com',
  'claude.ai',
  'discord.com',
  'github.com',
  'figma.com',
]);

export function createSite(o: SiteOptions): SiteSpec {
  const pageName = BARE_DOMAINS.has(o.domain) ? o.domain : `www.${o.domain}`;
  const site: SiteSpec = {
    domain: o.domain,
    tab: o.tab,
    page: o.page ?? { name: pageName, hosting: o.hosting },
    visits: o.visits,
  };
  if (o.assets) site.assets = o.assets;
  if (o.media) site.media = o.media;
  if (o.api !== false) site.api = o.api ?? { name: `api.${o.domain}`, hosting: o.hosting };
  if (o.pollEvery !== undefined) site.pollEvery = o.pollEvery;
  else if (o.api !== false) site.pollEvery = 30;
  if (o.rules) site.rules = o.rules;
  if (o.inOutage) site.inOutage = true;
  if (o.colo) site.colo = o.colo;
  if (o.oneOffs) site.oneOffs = o.oneOffs;
  return site;
}

/** A random stream for a definition's own choices (visit times), separate from the generator's. */
export function createDefRng(id: string, salt: number): Rng {
  let seed = salt;
  for (let i = 0; i < id.length; i++) seed = (seed * 31 + id.charCodeAt(i)) >>> 0;
  return createRng(seed);
}

/** Visits every minGap..maxGap seconds over [from, to], plus the given extra times. */
export function getVisits(
  rng: Rng,
  from: number,
  to: number,
  minGap: number,
  maxGap: number,
  extra: number[] = [],
) {
  return [...new Set([...getVisitTimes(rng, from, to, minGap, maxGap), ...extra])].sort((a, b) => a - b);
}

/** Expected time for the first verdicts: 90 s after the first failing request. */
export function getVerdictTime(timing: Timing): number {
  if (!(timing.thirdSite <= timing.firstFail + 90)) {
    throw new Error(`third failing site at ${timing.thirdSite}, more than 90 s after ${timing.firstFail}`);
  }
  return timing.firstFail + 90;
}

export interface OutageExpectation {
  provider: string;
  region: string | null;
  sites: string[];
}

/**
 * The outage, and the verdicts of those listed sites that are failing at that moment, 90 s after the
 * first failure and again later.
 */
export function expectOutage(timing: Timing, outage: OutageExpectation, laterAt?: number): Expectation[] {
  const at = getVerdictTime(timing);
  const times = laterAt === undefined ? [at] : [at, laterAt];
  const out: Expectation[] = [];
  for (const t of times) {
    for (const site of outage.sites) {
      // A site of a partial outage whose latest page or API call loaded is `ok` at that moment.
      if (!timing.isFailingAt(site, t)) continue;
      out.push({ at: t, site, verdict: 'provider-outage', provider: outage.provider, region: outage.region });
    }
    out.push({ at: t, outages: [{ provider: outage.provider, region: outage.region }] });
  }
  out.push({ never: { verdict: 'local-network' } });
  return out;
}
