/**
 * Platform, CDN and Microsoft incidents: Heroku and Vercel (the platform is the root, not AWS),
 * Azure Front Door and the Microsoft WAN (azure, region null: anycast front doors), Fastly, and
 * AWS's single-AZ event (a partial outage: other us-east-1 sites keep loading).
 */

import { CERT_NAME, fail, http, mix, ok, RESET, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

const HEROKU_ID = 'heroku-2025-06-10-os-update';
const herokuRng = createDefRng(HEROKU_ID, 1);
/** 06:00 UTC: dyno hosts lose networking after an unattended OS update. */
const HK_ONSET = 360;
const HK_END = 1560;
const herokuDown = [{ from: HK_ONSET, effect: mix([3, http(503)], [2, fail(TIMEOUT)]) }];

export const herokuOsUpdate: ScenarioSpec = {
  id: HEROKU_ID,
  title:
    'heroku-2025-06-10-os-update: Heroku apps (herokuapp.com and custom domains) fail; other AWS us-east-1 sites keep loading, so the root is heroku',
  start: '2025-06-10T05:54:00Z',
  end: HK_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'explo.co',
      tab: 1,
      hosting: 'heroku',
      page: { name: 'app.explo.co', hosting: 'heroku' },
      visits: getVisits(herokuRng, 10, HK_END, 80, 160, [HK_ONSET + 7]),
      inOutage: true,
      rules: herokuDown,
    }),
    createSite({
      domain: 'crm-desk.example',
      tab: 2,
      hosting: 'heroku',
      visits: getVisits(herokuRng, 35, HK_END, 90, 170, [HK_ONSET + 29]),
      inOutage: true,
      rules: herokuDown,
    }),
    createSite({
      domain: 'invoice-pilot.example',
      tab: 3,
      hosting: 'heroku',
      visits: getVisits(herokuRng, 60, HK_END, 90, 180, [HK_ONSET + 50]),
      inOutage: true,
      rules: herokuDown,
    }),
    createSite({
      domain: 'ticket-tracker-4f2a91c07b3e.herokuapp.com',
      tab: 4,
      hosting: 'heroku',
      page: { name: 'ticket-tracker-4f2a91c07b3e.herokuapp.com', hosting: 'heroku' },
      api: false,
      visits: getVisits(herokuRng, 90, HK_END, 100, 200),
      inOutage: true,
      rules: herokuDown,
    }),
    createSite({
      domain: 'venmo.com',
      tab: 5,
      hosting: 'awsUse1Elb',
      visits: getVisits(herokuRng, 20, HK_END, 90, 180),
    }),
    createSite({
      domain: 'duolingo.com',
      tab: 6,
      hosting: 'awsUse1',
      visits: getVisits(herokuRng, 45, HK_END, 90, 180),
    }),
    createSite({
      domain: 'figma.com',
      tab: 7,
      hosting: 'awsUse1Elb',
      visits: getVisits(herokuRng, 70, HK_END, 100, 200),
    }),
    createSite({
      domain: 'claude.ai',
      tab: 8,
      hosting: 'cloudflare',
      visits: getVisits(herokuRng, 100, HK_END, 120, 240),
    }),
  ],
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'heroku', region: null, sites: ['explo.co', 'crm-desk.example', 'invoice-pilot.example'] },
      HK_END,
    ),
    { never: { outage: { provider: 'aws' } } },
  ],
};

const VERCEL_ID = 'vercel-2024-08-07-edge-middleware';
const vercelRng = createDefRng(VERCEL_ID, 2);
/**
 * 19:13–19:23 and 19:26–19:42 UTC: 61% of Edge Middleware invocations fail; static files fine. The
 * edge serving this user fails every middleware call in the first window, about 60% in the second.
 */
const VC_ONSET = 300;
const vercelDown = [
  { from: VC_ONSET, to: 900, parts: ['page' as const], effect: http(500) },
  { from: 1080, parts: ['page' as const], effect: mix([3, http(500)], [2, ok]) },
];
const VC_END = 1500;

export const vercelEdgeMiddleware: ScenarioSpec = {
  id: VERCEL_ID,
  title:
    'vercel-2024-08-07-edge-middleware: pages behind Vercel Edge Middleware answer 500 MIDDLEWARE_INVOCATION_FAILED in two windows; static files load',
  start: '2024-08-07T19:08:00Z',
  end: VC_END,
  browser: 'chrome',
  sites: [
    ['launch-notes.example', 1, [VC_ONSET + 4, VC_ONSET + 15]],
    ['dev-portfolio.example', 2, [VC_ONSET + 22, VC_ONSET + 33]],
    ['recipe-box.example', 3, [VC_ONSET + 41, VC_ONSET + 55]],
    ['saas-pricing.example', 4, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'vercel',
      api: false,
      colo: 'iad1',
      visits: getVisits(vercelRng, (tab as number) * 25, VC_END, 60, 120, extra as number[]),
      inOutage: true,
      rules: vercelDown,
    }),
  ),
  expect: (timing) => [
    ...expectOutage(timing, {
      provider: 'vercel',
      region: null,
      sites: ['launch-notes.example', 'dev-portfolio.example', 'recipe-box.example'],
    }),
    { never: { outage: { provider: 'aws' } } },
  ],
};
vercelEdgeMiddleware.sites.push(
  createSite({
    domain: 'notion.so',
    tab: 5,
    hosting: 'awsUse1Elb',
    visits: getVisits(vercelRng, 10, VC_END, 90, 180),
  }),
  createSite({
    domain: 'stripe.com',
    tab: 6,
    hosting: 'awsUse1',
    visits: getVisits(vercelRng, 40, VC_END, 100, 200),
  }),
  createSite({
    domain: 'nodejs.org',
    tab: 7,
    hosting: 'cloudflare',
    api: false,
    visits: getVisits(vercelRng, 60, VC_END, 120, 240),
  }),
);

const AFD_ID = 'azure-afd-2025-10-09-emea-capacity';
const afdRng = createDefRng(AFD_ID, 3);
/** 07:40 UTC: ~30% of Azure Front Door capacity lost in Europe/Africa; a user in Amsterdam. */
const AFD_ONSET = 360;
const AFD_END = 1560;
const afdDown = [
  { from: AFD_ONSET, effect: mix([4, fail(TIMEOUT)], [1, fail(CERT_NAME)], [1, http(503)], [1, ok]) },
];

export const azureFrontDoorEmea: ScenarioSpec = {
  id: AFD_ID,
  title:
    'azure-afd-2025-10-09-emea-capacity: Azure Front Door loses capacity in EMEA; portal, Entra and AFD-fronted sites time out or show certificate errors (Firefox, Amsterdam)',
  start: '2025-10-09T07:34:00Z',
  end: AFD_END,
  browser: 'firefox',
  sites: [
    createSite({
      domain: 'azure.com',
      tab: 1,
      hosting: 'azureFirstParty',
      page: { name: 'portal.azure.com', hosting: 'azureFirstParty' },
      api: { name: 'management.azure.com', hosting: 'azureFirstParty' },
      visits: getVisits(afdRng, 10, AFD_END, 60, 120, [AFD_ONSET + 5, AFD_ONSET + 14]),
      pollEvery: 20,
      inOutage: true,
      rules: afdDown,
    }),
    createSite({
      domain: 'microsoft.com',
      tab: 2,
      hosting: 'azureFirstParty',
      page: { name: 'entra.microsoft.com', hosting: 'azureFirstParty' },
      api: { name: 'admin.microsoft.com', hosting: 'azureFirstParty' },
      visits: getVisits(afdRng, 30, AFD_END, 60, 130, [AFD_ONSET + 23, AFD_ONSET + 35]),
      pollEvery: 20,
      inOutage: true,
      rules: afdDown,
    }),
    createSite({
      domain: 'minecraft.net',
      tab: 3,
      hosting: 'azureAfd',
      visits: getVisits(afdRng, 50, AFD_END, 60, 130, [AFD_ONSET + 44, AFD_ONSET + 56]),
      pollEvery: 20,
      inOutage: true,
      rules: afdDown,
    }),
    createSite({
      domain: 'fleet-booking.example',
      tab: 4,
      hosting: 'azureAfd',
      api: { name: 'api.fleet-booking.example', hosting: 'azureAfd' },
      visits: getVisits(afdRng, 70, AFD_END, 80, 160),
      inOutage: true,
      rules: afdDown,
    }),
    createSite({
      domain: 'bbc.co.uk',
      tab: 5,
      hosting: 'fastly',
      colo: 'AMS',
      api: false,
      visits: getVisits(afdRng, 20, AFD_END, 120, 240),
    }),
    createSite({
      domain: 'zalando-like.example',
      tab: 6,
      hosting: 'awsEuw1',
      visits: getVisits(afdRng, 40, AFD_END, 100, 200),
    }),
    createSite({
      domain: 'google.com',
      tab: 7,
      hosting: 'google',
      visits: getVisits(afdRng, 60, AFD_END, 120, 240),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'azure', region: null, sites: ['azure.com', 'microsoft.com', 'minecraft.net'] },
      AFD_END,
    ),
};

const WAN_ID = 'microsoft-wan-2023-01-25';
const wanRng = createDefRng(WAN_ID, 4);
/** 07:05 UTC: a WAN router command makes every Microsoft WAN router recompute; packets drop in waves. */
const WAN_ONSET = 300;
const WAN_END = 1500;
const wanDown = [{ from: WAN_ONSET, effect: mix([4, fail(TIMEOUT, RESET)], [1, http(503)], [1, ok]) }];

export const microsoftWan: ScenarioSpec = {
  id: WAN_ID,
  title:
    'microsoft-wan-2023-01-25: Microsoft WAN routing change; Teams, Outlook and SharePoint time out worldwide',
  start: '2023-01-25T07:00:00Z',
  end: WAN_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'microsoft.com',
      tab: 1,
      hosting: 'azureFirstParty',
      page: { name: 'teams.microsoft.com', hosting: 'azureFirstParty' },
      api: { name: 'teams.microsoft.com', hosting: 'azureFirstParty' },
      visits: getVisits(wanRng, 10, WAN_END, 90, 180, [WAN_ONSET + 3]),
      pollEvery: 15,
      inOutage: true,
      rules: wanDown,
    }),
    createSite({
      domain: 'office.com',
      tab: 2,
      hosting: 'azureFirstParty',
      page: { name: 'outlook.office.com', hosting: 'azureFirstParty' },
      api: { name: 'outlook.office.com', hosting: 'azureFirstParty' },
      visits: getVisits(wanRng, 25, WAN_END, 90, 180, [WAN_ONSET + 19]),
      pollEvery: 15,
      inOutage: true,
      rules: wanDown,
    }),
    createSite({
      domain: 'sharepoint.com',
      tab: 3,
      hosting: 'azureFirstParty',
      page: { name: 'contoso.sharepoint.com', hosting: 'azureFirstParty' },
      api: false,
      visits: getVisits(wanRng, 50, WAN_END, 60, 120, [WAN_ONSET + 37, WAN_ONSET + 49]),
      inOutage: true,
      rules: wanDown,
    }),
    createSite({
      domain: 'slack.com',
      tab: 4,
      hosting: 'awsUse1',
      visits: getVisits(wanRng, 15, WAN_END, 100, 200),
    }),
    createSite({
      domain: 'google.com',
      tab: 5,
      hosting: 'google',
      visits: getVisits(wanRng, 35, WAN_END, 100, 200),
    }),
    createSite({
      domain: 'ft.com',
      tab: 6,
      hosting: 'fastly',
      api: false,
      visits: getVisits(wanRng, 55, WAN_END, 120, 240),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'azure', region: null, sites: ['microsoft.com', 'office.com', 'sharepoint.com'] },
      WAN_END,
    ),
};

const AZ_ID = 'aws-use1-az4-2026-05-07-partial';
const azRng = createDefRng(AZ_ID, 5);
/** 23:20 UTC: cooling failure in use1-az4; only services pinned to that AZ fail. */
const AZ_ONSET = 300;
const AZ_END = 1500;
const azDown = [{ from: AZ_ONSET, effect: mix([3, http(503, 502)], [1, fail(TIMEOUT)]) }];

export const awsSingleAzPartial: ScenarioSpec = {
  id: AZ_ID,
  title:
    'aws-use1-az4-2026-05-07-thermal: one us-east-1 AZ loses power; three sites pinned to it fail while other us-east-1 sites keep loading (partial outage)',
  start: '2026-05-07T23:15:00Z',
  end: AZ_END,
  browser: 'chrome',
  sites: [
    ['coinbase.com', 1, [AZ_ONSET + 6]],
    ['fanduel.com', 2, [AZ_ONSET + 28]],
    ['cmegroup.com', 3, [AZ_ONSET + 49]],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'awsUse1Elb',
      visits: getVisits(azRng, (tab as number) * 20, AZ_END, 80, 160, extra as number[]),
      inOutage: true,
      rules: azDown,
    }),
  ),
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'aws', region: 'us-east-1', sites: ['coinbase.com', 'fanduel.com', 'cmegroup.com'] },
      AZ_END,
    ),
    { never: { verdict: 'provider-outage', site: 'venmo.com' } },
  ],
};
awsSingleAzPartial.sites.push(
  createSite({
    domain: 'venmo.com',
    tab: 4,
    hosting: 'awsUse1Elb',
    visits: getVisits(azRng, 10, AZ_END, 70, 140),
  }),
  createSite({
    domain: 'duolingo.com',
    tab: 5,
    hosting: 'awsUse1',
    visits: getVisits(azRng, 30, AZ_END, 70, 140),
  }),
  createSite({
    domain: 'ticketmaster.com',
    tab: 6,
    hosting: 'awsUse1Elb',
    visits: getVisits(azRng, 50, AZ_END, 80, 160),
  }),
  createSite({
    domain: 'nytimes.com',
    tab: 7,
    hosting: 'fastly',
    api: false,
    visits: getVisits(azRng, 70, AZ_END, 120, 240),
  }),
);

const FASTLY_ID = 'fastly-2021-06-08-config-bug';
const fastlyRng = createDefRng(FASTLY_ID, 6);
/** 09:47 UTC: a customer's valid config change triggers a bug; 85% of Fastly's network returns errors. */
const FS_ONSET = 300;
const FS_END = 1500;
const fastlyDown = [{ from: FS_ONSET, effect: mix([6, http(503)], [1, fail(RESET)], [1, ok]) }];

export const fastlyConfigBug: ScenarioSpec = {
  id: FASTLY_ID,
  title:
    'fastly-2021-06-08 (not in research/incidents.json; Fastly post-mortem of 8 June 2021): 503 Service Unavailable from Fastly at news sites worldwide',
  start: '2021-06-08T09:42:00Z',
  end: FS_END,
  browser: 'chrome',
  sites: [
    ['reddit.com', 1, [FS_ONSET + 5]],
    ['theguardian.com', 2, [FS_ONSET + 24]],
    ['nytimes.com', 3, [FS_ONSET + 43]],
    ['stackoverflow.com', 4, []],
    ['bbc.co.uk', 5, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'fastly',
      colo: 'LHR',
      visits: getVisits(fastlyRng, (tab as number) * 15, FS_END, 80, 160, extra as number[]),
      inOutage: true,
      rules: fastlyDown,
    }),
  ),
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'fastly', region: null, sites: ['reddit.com', 'theguardian.com', 'nytimes.com'] },
      FS_END,
    ),
};
fastlyConfigBug.sites.push(
  createSite({
    domain: 'discord.com',
    tab: 6,
    hosting: 'cloudflare',
    colo: 'LHR',
    visits: getVisits(fastlyRng, 20, FS_END, 100, 200),
  }),
  createSite({
    domain: 'booking-desk.example',
    tab: 7,
    hosting: 'awsEuw1',
    visits: getVisits(fastlyRng, 40, FS_END, 100, 200),
  }),
);
