/**
 * Cloudflare incidents from research/incidents.json: global edge failures (5xx with cf-ray from
 * Cloudflare addresses at many unrelated sites → cloudflare, region null), a partial one, and one
 * that recovers.
 */

import { fail, http, mix, ok, RESET, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVerdictTime, getVisits } from './kit';

const BOT_ID = 'cloudflare-2025-11-18-bot-feature-file';
const botRng = createDefRng(BOT_ID, 1);
/** 11:28 UTC: first errors on customer HTTP traffic (Cloudflare post-mortem). */
const BOT_ONSET = 360;
const BOT_END = 1620;
/** The feature file regenerated every 5 minutes, so the edge flapped: one good spell. */
const botFailure = [
  { from: BOT_ONSET, to: 780, effect: http(500) },
  { from: 780, to: 840, effect: mix([3, ok], [1, http(500)]) },
  { from: 840, effect: http(500) },
];

export const cloudflareBotFile: ScenarioSpec = {
  id: BOT_ID,
  title:
    'cloudflare-2025-11-18-bot-feature-file: Cloudflare proxy fails globally, HTTP 500 with cf-ray at many sites, flapping',
  start: '2025-11-18T11:22:00Z',
  end: BOT_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'x.com',
      tab: 1,
      hosting: 'cloudflare',
      visits: getVisits(botRng, 10, BOT_END, 80, 150, [BOT_ONSET + 4]),
      inOutage: true,
      rules: botFailure,
    }),
    createSite({
      domain: 'chatgpt.com',
      tab: 2,
      hosting: 'cloudflare',
      visits: getVisits(botRng, 30, BOT_END, 90, 170, [BOT_ONSET + 21]),
      inOutage: true,
      rules: botFailure,
    }),
    createSite({
      domain: 'canva.com',
      tab: 3,
      hosting: 'cloudflare',
      visits: getVisits(botRng, 60, BOT_END, 90, 180, [BOT_ONSET + 39]),
      inOutage: true,
      rules: botFailure,
    }),
    createSite({
      domain: 'letterboxd.com',
      tab: 4,
      hosting: 'cloudflare',
      api: false,
      visits: getVisits(botRng, 90, BOT_END, 100, 200, [BOT_ONSET + 66]),
      inOutage: true,
      rules: botFailure,
    }),
    createSite({
      domain: 'downdetector.com',
      tab: 5,
      hosting: 'cloudflare',
      api: false,
      visits: getVisits(botRng, 200, BOT_END, 100, 200),
      inOutage: true,
      rules: botFailure,
    }),
    createSite({
      domain: 'google.com',
      tab: 6,
      hosting: 'google',
      visits: getVisits(botRng, 5, BOT_END, 120, 240),
    }),
    createSite({
      domain: 'amazon.com',
      tab: 7,
      hosting: 'cloudfront',
      visits: getVisits(botRng, 45, BOT_END, 100, 220),
    }),
    createSite({
      domain: 'bbc.co.uk',
      tab: 8,
      hosting: 'fastly',
      api: false,
      visits: getVisits(botRng, 70, BOT_END, 150, 300),
    }),
  ],
  events: [
    {
      t: 1560,
      kind: 'status',
      source: 'cloudflare-statuspage',
      provider: 'cloudflare',
      regions: [],
      services: [],
      state: 'degraded',
      title: 'Cloudflare Global Network experiencing issues',
    },
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'cloudflare', region: null, sites: ['x.com', 'chatgpt.com', 'canva.com'] },
      BOT_END,
    ),
};

const WAF_ID = 'cloudflare-2019-07-02-waf-regex';
const wafRng = createDefRng(WAF_ID, 2);
/** 13:42 UTC: WAF rule deployed globally; every proxied request answers 502. */
const WAF_ONSET = 300;
const WAF_END = 1380;

export const cloudflareWaf: ScenarioSpec = {
  id: WAF_ID,
  title:
    'cloudflare-2019-07-02-waf-regex: WAF regex exhausts CPU on every edge, HTTP 502 from Cloudflare everywhere',
  start: '2019-07-02T13:37:00Z',
  end: WAF_END,
  browser: 'firefox',
  sites: [
    ['discord.com', 1, [WAF_ONSET + 3]],
    ['coindesk.com', 2, [WAF_ONSET + 25]],
    ['medium.com', 3, [WAF_ONSET + 47]],
    ['patreon.com', 4, []],
    ['myshopify.com', 5, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'cloudflare',
      colo: 'LHR',
      visits: getVisits(wafRng, (tab as number) * 20, WAF_END, 80, 170, extra as number[]),
      inOutage: true,
      rules: [{ from: WAF_ONSET, effect: mix([5, http(502)], [1, fail(TIMEOUT)]) }],
    }),
  ),
  expect: (timing) => [
    ...expectOutage(timing, {
      provider: 'cloudflare',
      region: null,
      sites: ['discord.com', 'coindesk.com', 'medium.com'],
    }),
  ],
};
cloudflareWaf.sites.push(
  createSite({
    domain: 'bbc.co.uk',
    tab: 6,
    hosting: 'fastly',
    api: false,
    visits: getVisits(wafRng, 15, WAF_END, 120, 240),
  }),
  createSite({
    domain: 'booking-desk.example',
    tab: 7,
    hosting: 'awsEuw1',
    visits: getVisits(wafRng, 35, WAF_END, 100, 220),
  }),
);

const MCP_ID = 'cloudflare-2022-06-21-mcp';
const mcpRng = createDefRng(MCP_ID, 3);
/** 06:27 UTC: 19 data centres withdraw prefixes; a user served from Amsterdam sees 500s and resets. */
const MCP_ONSET = 300;
const MCP_END = 1500;
const mcpFailure = [{ from: MCP_ONSET, effect: mix([5, http(500)], [2, fail(RESET, TIMEOUT)], [2, ok]) }];

export const cloudflareMcp: ScenarioSpec = {
  id: MCP_ID,
  title:
    'cloudflare-2022-06-21-mcp: 19 busy Cloudflare data centres (Amsterdam among them) fail; partial 500s and resets',
  start: '2022-06-21T06:22:00Z',
  end: MCP_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'zerodha.com',
      tab: 1,
      hosting: 'cloudflare',
      colo: 'AMS',
      page: { name: 'kite.zerodha.com', hosting: 'cloudflare' },
      visits: getVisits(mcpRng, 10, MCP_END, 60, 120, [MCP_ONSET + 5, MCP_ONSET + 18]),
      pollEvery: 20,
      inOutage: true,
      rules: mcpFailure,
    }),
    createSite({
      domain: 'discord.com',
      tab: 2,
      hosting: 'cloudflare',
      colo: 'AMS',
      visits: getVisits(mcpRng, 30, MCP_END, 70, 150, [MCP_ONSET + 24, MCP_ONSET + 36]),
      inOutage: true,
      rules: mcpFailure,
    }),
    createSite({
      domain: 'udemy.com',
      tab: 3,
      hosting: 'cloudflare',
      colo: 'AMS',
      visits: getVisits(mcpRng, 50, MCP_END, 80, 160, [MCP_ONSET + 45, MCP_ONSET + 58]),
      inOutage: true,
      rules: mcpFailure,
    }),
    createSite({
      domain: 'crunchyroll.com',
      tab: 4,
      hosting: 'cloudflare',
      colo: 'AMS',
      visits: getVisits(mcpRng, 80, MCP_END, 90, 180),
      inOutage: true,
      rules: mcpFailure,
    }),
    createSite({
      domain: 'theguardian.com',
      tab: 5,
      hosting: 'fastly',
      colo: 'AMS',
      api: false,
      visits: getVisits(mcpRng, 20, MCP_END, 120, 240),
    }),
    createSite({
      domain: 'bol-shop.example',
      tab: 6,
      hosting: 'awsEuw1',
      visits: getVisits(mcpRng, 40, MCP_END, 100, 220),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'cloudflare', region: null, sites: ['zerodha.com', 'discord.com', 'udemy.com'] },
      MCP_END,
    ),
};

const BACKBONE_ID = 'cloudflare-2020-07-17-backbone-recovery';
const backboneRng = createDefRng(BACKBONE_ID, 4);
/** 21:12 UTC: Atlanta router leak; 21:39 UTC: fixed. Sites reload fine afterwards. */
const BB_ONSET = 300;
const BB_FIXED = 1920;
const BB_END = 2520;
const bbFailure = [{ from: BB_ONSET, to: BB_FIXED, effect: mix([3, fail(TIMEOUT, RESET)], [2, http(502)]) }];

export const cloudflareBackboneRecovery: ScenarioSpec = {
  id: BACKBONE_ID,
  title:
    'cloudflare-2020-07-17-backbone: backbone leak drops traffic in 20 locations for 27 minutes, then everything loads again (recovery)',
  start: '2020-07-17T21:07:00Z',
  end: BB_END,
  browser: 'chrome',
  sites: [
    ['discord.com', 1, [BB_ONSET + 6]],
    ['feedly.com', 2, [BB_ONSET + 30]],
    ['politico.com', 3, [BB_ONSET + 52]],
    ['leagueoflegends.com', 4, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'cloudflare',
      colo: 'ATL',
      visits: getVisits(backboneRng, (tab as number) * 15, BB_END, 70, 150, [
        ...(extra as number[]),
        BB_FIXED + (tab as number) * 20,
      ]),
      inOutage: true,
      rules: bbFailure,
    }),
  ),
  expect: (timing) => {
    const at = getVerdictTime(timing);
    const sites = ['discord.com', 'feedly.com', 'politico.com'];
    return [
      ...sites.map((site) => ({
        at,
        site,
        verdict: 'provider-outage',
        provider: 'cloudflare',
        region: null,
      })),
      { at, outages: [{ provider: 'cloudflare', region: null }] },
      ...sites.map((site) => ({ at: BB_END, site, verdict: 'ok' })),
      { at: BB_END, outages: [], only: true },
      { never: { verdict: 'local-network' } },
    ];
  },
};
cloudflareBackboneRecovery.sites.push(
  createSite({
    domain: 'reddit.com',
    tab: 5,
    hosting: 'fastly',
    visits: getVisits(backboneRng, 25, BB_END, 120, 240),
  }),
  createSite({
    domain: 'github.com',
    tab: 6,
    hosting: 'githubWeb',
    visits: getVisits(backboneRng, 45, BB_END, 120, 240),
  }),
);
