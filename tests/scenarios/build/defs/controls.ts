/**
 * Controls: situations that must NOT be called a provider outage (one site down, a single service
 * on AWS, the user's own connection, resolver or captive portal, a quiet day), and GitHub's own
 * failure on the day Cloudflare failed.
 */

import {
  ABORTED,
  BLOCKED,
  CERT_NAME,
  type Effect,
  fail,
  http,
  mix,
  NXDOMAIN,
  OFFLINE,
  portal,
  TIMEOUT,
} from '../effects';
import { PORTAL_IP } from '../hosting';
import type { Expectation, ScenarioSpec, SiteSpec } from '../model';
import { createDefRng, createSite, getVerdictTime, getVisits } from './kit';

const NO_OUTAGE: Expectation = { never: { outage: {} } };

function getBrowsing(id: string, end: number): SiteSpec[] {
  const rng = createDefRng(id, 9);
  return [
    createSite({
      domain: 'venmo.com',
      tab: 1,
      hosting: 'awsUse1Elb',
      visits: getVisits(rng, 8, end, 70, 150),
    }),
    createSite({
      domain: 'discord.com',
      tab: 2,
      hosting: 'cloudflare',
      visits: getVisits(rng, 25, end, 70, 150),
    }),
    createSite({
      domain: 'theguardian.com',
      tab: 3,
      hosting: 'fastly',
      api: false,
      visits: getVisits(rng, 40, end, 80, 160),
    }),
    createSite({
      domain: 'spotify.com',
      tab: 4,
      hosting: 'gcpGlobalLb',
      visits: getVisits(rng, 55, end, 80, 160),
    }),
    createSite({ domain: 'google.com', tab: 5, hosting: 'google', visits: getVisits(rng, 70, end, 90, 180) }),
    createSite({
      domain: 'fidelity.com',
      tab: 6,
      hosting: 'akamai',
      visits: getVisits(rng, 85, end, 90, 180),
    }),
  ];
}

/** Everyone's browsing fails from `from` on, each site at least once soon after. */
function breakAll(sites: SiteSpec[], from: number, effect: Effect) {
  return sites.map((site, i) => ({
    ...site,
    inOutage: true,
    visits: [...new Set([...site.visits, from + 4 + i * 9])].sort((a, b) => a - b),
    rules: [{ from, effect }],
  }));
}

function expectLocal(sites: SiteSpec[], at: number): Expectation[] {
  return [
    ...sites.map((s) => ({ at, site: s.domain, verdict: 'local-network' })),
    NO_OUTAGE,
    { never: { verdict: 'provider-outage' } },
  ];
}

const SINGLE_ID = 'control-single-site-aws-use1';
const singleRng = createDefRng(SINGLE_ID, 1);
const SINGLE_END = 1200;

export const controlSingleSite: ScenarioSpec = {
  id: SINGLE_ID,
  title:
    'Control: one site on AWS us-east-1 answers 503 for twenty minutes while its us-east-1 neighbours load fine',
  start: '2025-03-11T14:00:00Z',
  end: SINGLE_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'garden-forum.example',
      tab: 1,
      hosting: 'awsUse1Elb',
      visits: getVisits(singleRng, 10, SINGLE_END, 50, 90, [305]),
      inOutage: true,
      rules: [{ from: 300, effect: http(503) }],
    }),
    createSite({
      domain: 'venmo.com',
      tab: 2,
      hosting: 'awsUse1Elb',
      visits: getVisits(singleRng, 20, SINGLE_END, 70, 140),
    }),
    createSite({
      domain: 'duolingo.com',
      tab: 3,
      hosting: 'awsUse1',
      visits: getVisits(singleRng, 35, SINGLE_END, 70, 140),
    }),
    createSite({
      domain: 'figma.com',
      tab: 4,
      hosting: 'awsUse1Elb',
      visits: getVisits(singleRng, 50, SINGLE_END, 80, 160),
    }),
    createSite({
      domain: 'reddit.com',
      tab: 5,
      hosting: 'fastly',
      visits: getVisits(singleRng, 65, SINGLE_END, 90, 180),
    }),
  ],
  expect: (timing) => [
    { at: timing.firstFail + 90, site: 'garden-forum.example', verdict: 'site' },
    { at: SINGLE_END, site: 'garden-forum.example', verdict: 'site' },
    NO_OUTAGE,
    { never: { verdict: 'local-network' } },
  ],
};

const SLACK_ID = 'slack-2021-01-04-aws-transit-gateway';
const slackRng = createDefRng(SLACK_ID, 2);
/** ~14:00 UTC: Slack's own AWS transit gateways drop packets; only Slack fails. */
const SLACK_END = 1500;

export const slackTransitGateway: ScenarioSpec = {
  id: SLACK_ID,
  title:
    'slack-2021-01-04-aws-transit-gateway (negative control): Slack on AWS fails with 503s and timeouts; other AWS us-east-1 sites load, so it is one site, not an AWS outage',
  start: '2021-01-04T13:55:00Z',
  end: SLACK_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'slack.com',
      tab: 1,
      hosting: 'awsUse1Elb',
      page: { name: 'app.slack.com', hosting: 'awsUse1Elb' },
      api: { name: 'edgeapi.slack.com', hosting: 'awsUse1Elb' },
      assets: { name: 'a.slack-edge.com', hosting: 'cloudfront' },
      visits: getVisits(slackRng, 10, SLACK_END, 40, 90, [302]),
      pollEvery: 15,
      inOutage: true,
      rules: [{ from: 300, parts: ['page', 'api'], effect: mix([3, http(503, 500)], [1, fail(TIMEOUT)]) }],
    }),
    createSite({
      domain: 'notion.so',
      tab: 2,
      hosting: 'awsUse1Elb',
      visits: getVisits(slackRng, 20, SLACK_END, 70, 140),
    }),
    createSite({
      domain: 'trello.com',
      tab: 3,
      hosting: 'awsUse1',
      visits: getVisits(slackRng, 40, SLACK_END, 70, 140),
    }),
    createSite({
      domain: 'zoom.us',
      tab: 4,
      hosting: 'awsUse1Elb',
      visits: getVisits(slackRng, 60, SLACK_END, 80, 160),
    }),
    createSite({
      domain: 'google.com',
      tab: 5,
      hosting: 'google',
      visits: getVisits(slackRng, 5, SLACK_END, 120, 240),
    }),
  ],
  expect: (timing) => [
    { at: timing.firstFail + 90, site: 'slack.com', verdict: 'site' },
    { at: SLACK_END, site: 'slack.com', verdict: 'site' },
    { never: { outage: { provider: 'aws' } } },
    { never: { verdict: 'provider-outage', site: 'slack.com' } },
    { never: { verdict: 'local-network' } },
  ],
};

const ROBLOX_ID = 'roblox-2021-10-28-consul';
const robloxRng = createDefRng(ROBLOX_ID, 3);
const ROBLOX_END = 1200;

export const robloxConsul: ScenarioSpec = {
  id: ROBLOX_ID,
  title:
    'roblox-2021-10-28-consul (negative control): Roblox down in its own data centres (day-precision date), the rest of the web fine',
  start: '2021-10-28T21:00:00Z',
  end: ROBLOX_END,
  browser: 'firefox',
  sites: [
    createSite({
      domain: 'roblox.com',
      tab: 7,
      hosting: 'roblox',
      visits: getVisits(robloxRng, 10, ROBLOX_END, 50, 100, [301]),
      inOutage: true,
      rules: [{ from: 300, effect: mix([3, http(503, 500)], [1, fail(TIMEOUT)]) }],
    }),
    ...getBrowsing(ROBLOX_ID, ROBLOX_END),
  ],
  expect: (timing) => [
    { at: timing.firstFail + 90, site: 'roblox.com', verdict: 'site' },
    NO_OUTAGE,
    { never: { verdict: 'local-network' } },
  ],
};

const OFFLINE_ID = 'control-user-offline-firefox';
const OFFLINE_END = 720;
const offlineSites = breakAll(
  getBrowsing(OFFLINE_ID, OFFLINE_END),
  300,
  fail(OFFLINE, OFFLINE, NXDOMAIN, TIMEOUT),
);

export const controlOffline: ScenarioSpec = {
  id: OFFLINE_ID,
  title: 'Control: the user goes offline (Firefox); every site on every provider fails',
  start: '2025-06-02T18:20:00Z',
  end: OFFLINE_END,
  browser: 'firefox',
  sites: offlineSites,
  events: [{ t: 299, kind: 'network', up: false }],
  expect: () => expectLocal(offlineSites, 300 + 90),
};

const RESOLVER_ID = 'control-dead-dns-resolver';
const RESOLVER_END = 720;
const resolverSites = breakAll(getBrowsing(RESOLVER_ID, RESOLVER_END), 300, fail(NXDOMAIN));

export const controlDeadResolver: ScenarioSpec = {
  id: RESOLVER_ID,
  title:
    "Control: the user's DNS resolver dies (connection up); every name on every provider fails to resolve",
  start: '2025-09-14T09:10:00Z',
  end: RESOLVER_END,
  browser: 'chrome',
  sites: resolverSites,
  events: [{ t: 299, kind: 'network', up: true, dns: false }],
  expect: () => expectLocal(resolverSites, 300 + 90),
};

const PORTAL_ID = 'control-captive-portal';
const PORTAL_END = 720;
const portalSites = breakAll(
  getBrowsing(PORTAL_ID, PORTAL_END),
  300,
  mix([3, portal(PORTAL_IP, 200, 302)], [2, fail(CERT_NAME)], [1, fail(TIMEOUT)]),
);

export const controlCaptivePortal: ScenarioSpec = {
  id: PORTAL_ID,
  title:
    'Control: hotel Wi-Fi captive portal; public names are answered from 192.168.0.1 (login page or redirect), https gets certificate errors',
  start: '2025-08-03T16:40:00Z',
  end: PORTAL_END,
  browser: 'chrome',
  sites: portalSites,
  expect: () => expectLocal(portalSites, 300 + 90),
};

const QUIET_ID = 'control-quiet-day';
const quietRng = createDefRng(QUIET_ID, 4);
const QUIET_END = 8 * 3600;

export const controlQuietDay: ScenarioSpec = {
  id: QUIET_ID,
  title:
    'Control: a quiet 8-hour day with ordinary failures (blocked tracker, a 404, one 503, an aborted fetch, single timeouts hours apart on different providers)',
  start: '2025-05-14T08:00:00Z',
  end: QUIET_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'daily-gazette.example',
      tab: 1,
      hosting: 'fastly',
      api: false,
      visits: getVisits(quietRng, 30, QUIET_END, 900, 2400),
      oneOffs: [{ t: 24_310, part: 'page', type: 'main_frame', path: '/', effect: fail(TIMEOUT) }],
    }),
    createSite({
      domain: 'googletagmanager.com',
      tab: 1,
      hosting: 'google',
      api: false,
      visits: [],
      oneOffs: [
        { t: 1_802, part: 'page', type: 'script', path: '/gtm.js?id=GTM-K7Q2XD', effect: fail(BLOCKED) },
        { t: 9_640, part: 'page', type: 'script', path: '/gtm.js?id=GTM-K7Q2XD', effect: fail(BLOCKED) },
      ],
    }),
    createSite({
      domain: 'recipe-share.example',
      tab: 2,
      hosting: 'awsUse1',
      visits: getVisits(quietRng, 200, QUIET_END, 1200, 3000),
      pollEvery: 0,
      oneOffs: [
        { t: 7_311, part: 'media', type: 'image', path: '/img/missing-hero.webp', effect: http(404) },
        { t: 17_020, part: 'api', type: 'xmlhttprequest', path: '/v1/feed?page=3', effect: fail(TIMEOUT) },
      ],
    }),
    createSite({
      domain: 'discord.com',
      tab: 3,
      hosting: 'cloudflare',
      visits: getVisits(quietRng, 400, QUIET_END, 1500, 3600),
      pollEvery: 0,
      oneOffs: [
        { t: 4_005, part: 'api', type: 'xmlhttprequest', path: '/api/v9/users/@me', effect: fail(TIMEOUT) },
        { t: 15_012, part: 'api', type: 'xmlhttprequest', path: '/api/v9/gateway', effect: fail(ABORTED) },
      ],
    }),
    createSite({
      domain: 'bike-parts.example',
      tab: 4,
      hosting: 'gcpUse1',
      visits: getVisits(quietRng, 600, QUIET_END, 1800, 4000),
      pollEvery: 0,
      oneOffs: [{ t: 12_007, part: 'page', type: 'main_frame', path: '/checkout', effect: http(503) }],
    }),
    createSite({
      domain: 'google.com',
      tab: 5,
      hosting: 'google',
      visits: getVisits(quietRng, 60, QUIET_END, 1200, 2700),
      pollEvery: 0,
    }),
  ],
  expect: () => [
    NO_OUTAGE,
    { never: { verdict: 'local-network' } },
    { never: { verdict: 'provider-outage' } },
  ],
};

const GH_ID = 'github-2025-11-18-confounder-on-cloudflare-day';
const ghRng = createDefRng(GH_ID, 5);
/** Cloudflare's 11:28 UTC failure, with GitHub's own failure compressed onto it. */
const GH_ONSET = 360;
const GH_END = 1200;

export const githubConfounder: ScenarioSpec = {
  id: GH_ID,
  title:
    "github-2025-11-18-git-operations (confounder) during cloudflare-2025-11-18-bot-feature-file: github.com fails from GitHub's own addresses while Cloudflare sites fail (overlap compressed: the real GitHub failure came ~4 h after Cloudflare recovered)",
  start: '2025-11-18T11:22:00Z',
  end: GH_END,
  browser: 'chrome',
  sites: [
    ['x.com', 1, [GH_ONSET + 3]],
    ['chatgpt.com', 2, [GH_ONSET + 20]],
    ['canva.com', 3, [GH_ONSET + 38]],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'cloudflare',
      visits: getVisits(ghRng, (tab as number) * 20, GH_END, 80, 160, extra as number[]),
      inOutage: true,
      rules: [{ from: GH_ONSET, effect: http(500) }],
    }),
  ),
  expect: (timing) => {
    const at = getVerdictTime(timing);
    return [
      { at, site: 'x.com', verdict: 'provider-outage', provider: 'cloudflare', region: null },
      { at, site: 'chatgpt.com', verdict: 'provider-outage', provider: 'cloudflare', region: null },
      { at, outages: [{ provider: 'cloudflare', region: null }] },
      { at: GH_END, site: 'github.com', verdict: 'site' },
      { never: { verdict: 'provider-outage', site: 'github.com', provider: 'cloudflare' } },
      { never: { verdict: 'local-network' } },
    ];
  },
};
githubConfounder.sites.push(
  createSite({
    domain: 'github.com',
    tab: 4,
    hosting: 'githubWeb',
    visits: getVisits(ghRng, 15, GH_END, 60, 120, [GH_ONSET + 12]),
    rules: [{ from: GH_ONSET + 10, parts: ['page', 'api'], effect: http(500, 503) }],
  }),
  createSite({
    domain: 'lens-demo.github.io',
    tab: 5,
    hosting: 'githubPages',
    api: false,
    visits: getVisits(ghRng, 30, GH_END, 90, 180),
  }),
  createSite({
    domain: 'google.com',
    tab: 6,
    hosting: 'google',
    visits: getVisits(ghRng, 45, GH_END, 120, 240),
  }),
);

const CROWDSTRIKE_ID = 'crowdstrike-2024-07-19-channel-file-291';
const csRng = createDefRng(CROWDSTRIKE_ID, 6);
const CS_END = 3600;

export const crowdstrikeControl: ScenarioSpec = {
  id: CROWDSTRIKE_ID,
  title:
    "crowdstrike-2024-07-19-channel-file-291 (negative control): Windows endpoints crash worldwide, but this browser's machine works; the web loads, one airline's check-in API fails now and then",
  start: '2024-07-19T04:30:00Z',
  end: CS_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'delta.com',
      tab: 1,
      hosting: 'akamai',
      visits: getVisits(csRng, 20, CS_END, 240, 600),
      pollEvery: 0,
      oneOffs: [
        { t: 900, part: 'api', type: 'xmlhttprequest', path: '/checkin/v1/status', effect: http(503) },
        { t: 2_710, part: 'api', type: 'xmlhttprequest', path: '/checkin/v1/status', effect: http(503) },
      ],
    }),
    ...getBrowsing(CROWDSTRIKE_ID, CS_END).map((site) => ({
      ...site,
      tab: site.tab + 1,
      visits: getVisits(csRng, site.visits[0]!, CS_END, 300, 700),
    })),
  ],
  expect: () => [
    NO_OUTAGE,
    { never: { verdict: 'local-network' } },
    { never: { verdict: 'provider-outage' } },
  ],
};
