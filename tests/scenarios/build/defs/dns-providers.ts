/**
 * Authoritative-DNS outages (Dyn 2016, Akamai Edge DNS 2021) and Meta's own network (2021). The
 * failing sites are hosted on different networks; what they share is the nameserver operator,
 * visible through DNS-over-HTTPS answers (settings.doh, top-level `dns`).
 */

import { fail, NXDOMAIN } from '../effects';
import type { DnsAnswer, ScenarioSpec, SiteSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

/** The DoH answer (nameservers) for every host of the given sites. */
function getNsAnswers(sites: SiteSpec[], ns: string[]): Record<string, DnsAnswer> {
  const answers: Record<string, DnsAnswer> = {};
  for (const site of sites) {
    for (const host of [site.page, site.assets, site.media, site.api]) {
      if (host) answers[host.name] = { ns };
    }
  }
  return answers;
}

const DYN_ID = 'dyn-ddos-2016-10-21';
const dynRng = createDefRng(DYN_ID, 1);
/** 11:10 UTC: first attack wave on Dyn's US East PoPs. */
const DYN_ONSET = 360;
const DYN_END = 1560;
/** Resolver caches hide the outage for a minute or two, then every lookup fails. */
const dynDown = (offset: number) => [{ from: DYN_ONSET + offset, effect: fail(NXDOMAIN) }];

const dynSites: SiteSpec[] = [
  createSite({
    domain: 'twitter.com',
    tab: 1,
    hosting: 'twitter',
    visits: getVisits(dynRng, 10, DYN_END, 80, 160, [DYN_ONSET + 5]),
    inOutage: true,
    rules: dynDown(0),
  }),
  createSite({
    domain: 'github.com',
    tab: 2,
    hosting: 'githubWeb',
    visits: getVisits(dynRng, 35, DYN_END, 80, 170, [DYN_ONSET + 26]),
    inOutage: true,
    rules: dynDown(20),
  }),
  createSite({
    domain: 'reddit.com',
    tab: 3,
    hosting: 'fastly',
    visits: getVisits(dynRng, 60, DYN_END, 90, 180, [DYN_ONSET + 47]),
    inOutage: true,
    rules: dynDown(40),
  }),
  createSite({
    domain: 'netflix.com',
    tab: 4,
    hosting: 'awsUse1Elb',
    visits: getVisits(dynRng, 85, DYN_END, 90, 180),
    inOutage: true,
    rules: dynDown(60),
  }),
];
const dynHealthy: Array<[SiteSpec, string[]]> = [
  [
    createSite({
      domain: 'weather-now.example',
      tab: 5,
      hosting: 'fastly',
      visits: getVisits(dynRng, 20, DYN_END, 100, 200),
    }),
    ['ns-1203.awsdns-22.org', 'ns-498.awsdns-62.com'],
  ],
  [
    createSite({
      domain: 'recipe-share.example',
      tab: 6,
      hosting: 'awsUse1',
      visits: getVisits(dynRng, 45, DYN_END, 100, 200),
    }),
    ['kate.ns.cloudflare.com', 'rob.ns.cloudflare.com'],
  ],
  [
    createSite({
      domain: 'google.com',
      tab: 7,
      hosting: 'google',
      visits: getVisits(dynRng, 5, DYN_END, 150, 300),
    }),
    ['ns1.google.com', 'ns2.google.com'],
  ],
];
const DYN_NS: Record<string, string[]> = {
  'twitter.com': ['ns1.p34.dynect.net', 'ns2.p34.dynect.net', 'ns3.p34.dynect.net', 'ns4.p34.dynect.net'],
  'github.com': ['ns1.p16.dynect.net', 'ns2.p16.dynect.net', 'ns3.p16.dynect.net', 'ns4.p16.dynect.net'],
  'reddit.com': ['ns1.p29.dynect.net', 'ns2.p29.dynect.net', 'ns3.p29.dynect.net', 'ns4.p29.dynect.net'],
  'netflix.com': ['ns1.p23.dynect.net', 'ns2.p23.dynect.net', 'ns3.p23.dynect.net', 'ns4.p23.dynect.net'],
};

export const dynDdos: ScenarioSpec = {
  id: DYN_ID,
  title:
    'dyn-ddos-2016-10-21: DDoS on Dyn Managed DNS; sites whose nameservers are *.dynect.net stop resolving wherever they are hosted',
  start: '2016-10-21T11:04:00Z',
  end: DYN_END,
  browser: 'chrome',
  doh: true,
  dns: {
    ...Object.assign({}, ...dynSites.map((s) => getNsAnswers([s], DYN_NS[s.domain]!))),
    ...Object.assign({}, ...dynHealthy.map(([s, ns]) => getNsAnswers([s], ns))),
  },
  sites: [...dynSites, ...dynHealthy.map(([s]) => s)],
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'dyn', region: null, sites: ['twitter.com', 'github.com', 'reddit.com'] },
      DYN_END,
    ),
    { never: { outage: { provider: 'fastly' } } },
    { never: { outage: { provider: 'aws' } } },
  ],
};

const AKAMAI_ID = 'akamai-2021-07-22-edge-dns';
const akamaiRng = createDefRng(AKAMAI_ID, 2);
/** 15:46 UTC: a configuration update triggers a bug in Akamai Edge DNS; about an hour. */
const AK_ONSET = 360;
const AK_END = 1500;

const akamaiSites: SiteSpec[] = [
  ['fidelity.com', 1, [AK_ONSET + 4]],
  ['homedepot.com', 2, [AK_ONSET + 23]],
  ['ups.com', 3, [AK_ONSET + 41]],
  ['costco.com', 4, []],
].map(([domain, tab, extra]) =>
  createSite({
    domain: domain as string,
    tab: tab as number,
    hosting: 'akamai',
    visits: getVisits(akamaiRng, (tab as number) * 20, AK_END, 80, 160, extra as number[]),
    inOutage: true,
    rules: [{ from: AK_ONSET, effect: fail(NXDOMAIN) }],
  }),
);
const AKAMAI_NS = ['a1-67.akam.net', 'a7-64.akam.net', 'a22-65.akam.net', 'a3-67.akam.net'];
const akamaiHealthy: Array<[SiteSpec, string[]]> = [
  [
    createSite({
      domain: 'airline-deals.example',
      tab: 5,
      hosting: 'akamai',
      visits: getVisits(akamaiRng, 15, AK_END, 100, 200),
    }),
    ['ns-77.awsdns-09.com', 'ns-1530.awsdns-63.org'],
  ],
  [
    createSite({
      domain: 'discord.com',
      tab: 6,
      hosting: 'cloudflare',
      visits: getVisits(akamaiRng, 35, AK_END, 100, 200),
    }),
    ['gina.ns.cloudflare.com', 'sid.ns.cloudflare.com'],
  ],
  [
    createSite({
      domain: 'slack.com',
      tab: 7,
      hosting: 'awsUse1',
      visits: getVisits(akamaiRng, 55, AK_END, 100, 200),
    }),
    ['ns-1077.awsdns-06.org', 'ns-288.awsdns-36.com'],
  ],
];

export const akamaiEdgeDns: ScenarioSpec = {
  id: AKAMAI_ID,
  title:
    'akamai-2021-07-22-edge-dns (not in research/incidents.json; Akamai statement of 22 July 2021): Edge DNS bug, sites with *.akam.net nameservers stop resolving',
  start: '2021-07-22T15:40:00Z',
  end: AK_END,
  browser: 'firefox',
  doh: true,
  dns: {
    ...getNsAnswers(akamaiSites, AKAMAI_NS),
    ...Object.assign({}, ...akamaiHealthy.map(([s, ns]) => getNsAnswers([s], ns))),
  },
  sites: [...akamaiSites, ...akamaiHealthy.map(([s]) => s)],
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'akamai', region: null, sites: ['fidelity.com', 'homedepot.com', 'ups.com'] },
      AK_END,
    ),
    { never: { verdict: 'provider-outage', site: 'airline-deals.example' } },
  ],
};

const META_ID = 'facebook-2021-10-04-bgp-dns';
const metaRng = createDefRng(META_ID, 3);
/** 15:39 UTC: Meta's backbone disconnects and its DNS servers withdraw their routes. */
const FB_ONSET = 300;
const FB_END = 1500;
const metaDown = [{ from: FB_ONSET, effect: fail(NXDOMAIN) }];

export const facebookBgpDns: ScenarioSpec = {
  id: META_ID,
  title:
    "facebook-2021-10-04-bgp-dns: Meta's own network and DNS vanish; facebook.com, instagram.com and WhatsApp fail at DNS while the rest of the web works (no range file names Meta, so no provider is expected)",
  start: '2021-10-04T15:34:00Z',
  end: FB_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'facebook.com',
      tab: 1,
      hosting: 'meta',
      assets: { name: 'static.xx.fbcdn.net', hosting: 'meta' },
      visits: getVisits(metaRng, 10, FB_END, 70, 140, [FB_ONSET + 5]),
      inOutage: true,
      rules: metaDown,
    }),
    createSite({
      domain: 'instagram.com',
      tab: 2,
      hosting: 'meta',
      api: { name: 'i.instagram.com', hosting: 'meta' },
      visits: getVisits(metaRng, 30, FB_END, 70, 150, [FB_ONSET + 25]),
      inOutage: true,
      rules: metaDown,
    }),
    createSite({
      domain: 'whatsapp.com',
      tab: 3,
      hosting: 'meta',
      page: { name: 'web.whatsapp.com', hosting: 'meta' },
      media: { name: 'mmg.whatsapp.net', hosting: 'meta' },
      api: { name: 'web.whatsapp.com', hosting: 'meta' },
      visits: getVisits(metaRng, 50, FB_END, 80, 160, [FB_ONSET + 46]),
      pollEvery: 20,
      inOutage: true,
      rules: metaDown,
    }),
    createSite({
      domain: 'daily-gazette.example',
      tab: 4,
      hosting: 'fastly',
      api: { name: 'connect.facebook.net', hosting: 'meta' },
      visits: getVisits(metaRng, 20, FB_END, 90, 180),
      pollEvery: 60,
      rules: [{ from: FB_ONSET, parts: ['api'], effect: fail(NXDOMAIN) }],
    }),
    createSite({
      domain: 'twitter.com',
      tab: 5,
      hosting: 'twitter',
      visits: getVisits(metaRng, 40, FB_END, 80, 160),
    }),
    createSite({
      domain: 'discord.com',
      tab: 6,
      hosting: 'cloudflare',
      visits: getVisits(metaRng, 60, FB_END, 90, 180),
    }),
    createSite({
      domain: 'google.com',
      tab: 7,
      hosting: 'google',
      visits: getVisits(metaRng, 5, FB_END, 120, 240),
    }),
    createSite({
      domain: 'amazon.com',
      tab: 8,
      hosting: 'cloudfront',
      visits: getVisits(metaRng, 80, FB_END, 120, 240),
    }),
  ],
  expect: () => [
    { never: { verdict: 'local-network' } },
    { never: { outage: { provider: 'cloudflare' } } },
    { never: { outage: { provider: 'fastly' } } },
    { never: { outage: { provider: 'aws' } } },
    { never: { outage: { provider: 'google' } } },
    { never: { verdict: 'provider-outage', site: 'daily-gazette.example' } },
  ],
};
