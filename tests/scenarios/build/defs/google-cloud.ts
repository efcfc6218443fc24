/**
 * Google Cloud incidents from research/incidents.json: the 2025-06-12 Service Control crash (with
 * Cloudflare's Workers KV cascade on top), its long us-central1 tail, and the 2019-06-02
 * congestion across several US regions (failures spanning regions → region null).
 */

import { fail, http, mix, ok, RESET, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

const SC_ID = 'gcp-2025-06-12-service-control-workers-kv';
const scRng = createDefRng(SC_ID, 1);
/** 17:51 UTC: Service Control crash loop, 503s from Google Cloud front ends; 17:52: Workers KV fails. */
const SC_ONSET = 300;
const KV_ONSET = 360;
const SC_END = 2040;

export const gcpServiceControl: ScenarioSpec = {
  id: SC_ID,
  title:
    'gcp-2025-06-12-service-control + cloudflare-2025-06-12-workers-kv: Google Cloud APIs answer 503 everywhere; Cloudflare Turnstile/Access (Workers KV on Google Cloud) fail while plain Cloudflare sites load',
  start: '2025-06-12T17:46:00Z',
  end: SC_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'spotify.com',
      tab: 1,
      hosting: 'gcpGlobalLb',
      page: { name: 'open.spotify.com', hosting: 'gcpGlobalLb' },
      api: { name: 'api.spotify.com', hosting: 'gcpGlobalLb' },
      visits: getVisits(scRng, 10, SC_END, 80, 160, [SC_ONSET + 5]),
      pollEvery: 20,
      inOutage: true,
      rules: [{ from: SC_ONSET, parts: ['api'], effect: http(503) }],
    }),
    createSite({
      domain: 'replit.com',
      tab: 2,
      hosting: 'gcpGlobalLb',
      visits: getVisits(scRng, 40, SC_END, 90, 170, [SC_ONSET + 26]),
      inOutage: true,
      rules: [{ from: SC_ONSET, effect: mix([3, http(503)], [1, ok]) }],
    }),
    createSite({
      domain: 'character.ai',
      tab: 3,
      hosting: 'gcpUsc1',
      visits: getVisits(scRng, 70, SC_END, 90, 180, [SC_ONSET + 47]),
      inOutage: true,
      rules: [{ from: SC_ONSET, parts: ['api'], effect: http(503, 500) }],
    }),
    createSite({
      domain: 'cursor.com',
      tab: 4,
      hosting: 'gcpUse4',
      visits: getVisits(scRng, 100, SC_END, 100, 200),
      inOutage: true,
      rules: [{ from: SC_ONSET + 60, parts: ['api'], effect: http(503) }],
    }),
    createSite({
      domain: 'cloudflare.com',
      tab: 5,
      hosting: 'cloudflare',
      page: { name: 'dash.cloudflare.com', hosting: 'cloudflare' },
      api: { name: 'challenges.cloudflare.com', hosting: 'cloudflare' },
      visits: getVisits(scRng, 120, SC_END, 100, 200, [KV_ONSET + 30]),
      rules: [{ from: KV_ONSET, effect: mix([9, http(500, 503)], [1, ok]) }],
    }),
    createSite({
      domain: 'cloudflareaccess.com',
      tab: 6,
      hosting: 'cloudflare',
      page: { name: 'acme-corp.cloudflareaccess.com', hosting: 'cloudflare' },
      api: false,
      visits: getVisits(scRng, 150, SC_END, 150, 300, [KV_ONSET + 80]),
      rules: [{ from: KV_ONSET, effect: http(500) }],
    }),
    createSite({
      domain: 'nodejs.org',
      tab: 7,
      hosting: 'cloudflare',
      api: false,
      visits: getVisits(scRng, 20, SC_END, 100, 200),
    }),
    createSite({
      domain: 'zerodha.com',
      tab: 8,
      hosting: 'cloudflare',
      visits: getVisits(scRng, 50, SC_END, 110, 220),
    }),
    createSite({
      domain: 'stripe.com',
      tab: 9,
      hosting: 'awsUse1',
      visits: getVisits(scRng, 80, SC_END, 120, 240),
    }),
  ],
  events: [
    {
      t: 1980,
      kind: 'status',
      source: 'cloudflare-statuspage',
      provider: 'cloudflare',
      regions: [],
      services: ['workers-kv'],
      state: 'degraded',
      title: 'Cloudflare Workers KV and dependent services',
    },
  ],
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'gcp', region: null, sites: ['spotify.com', 'replit.com', 'character.ai'] },
      SC_END,
    ),
    { never: { verdict: 'provider-outage', site: 'nodejs.org' } },
    { never: { verdict: 'provider-outage', site: 'zerodha.com' } },
  ],
};

const TAIL_ID = 'gcp-2025-06-12-us-central1-tail';
const tailRng = createDefRng(TAIL_ID, 2);
const TAIL_END = 1200;

export const gcpUsCentral1Tail: ScenarioSpec = {
  id: TAIL_ID,
  title:
    'gcp-2025-06-12-service-control, late phase: most regions recovered, us-central1 still failing after the restart herd effect',
  start: '2025-06-12T20:25:00Z',
  end: TAIL_END,
  browser: 'firefox',
  sites: [
    ['ledger-app.example', 1, [12]],
    ['tutor-hub.example', 2, [30]],
    ['character.ai', 3, [51]],
    ['pet-clinic.example', 4, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'gcpUsc1',
      visits: getVisits(tailRng, 120 + (tab as number) * 30, TAIL_END, 90, 180, extra as number[]),
      inOutage: true,
      rules: [
        { from: 0, parts: ['page'], effect: mix([1, http(503)], [2, ok]) },
        { from: 0, parts: ['api'], effect: mix([4, http(503)], [1, fail(TIMEOUT)]) },
      ],
    }),
  ),
  expect: (timing) =>
    expectOutage(timing, {
      provider: 'gcp',
      region: 'us-central1',
      sites: ['ledger-app.example', 'tutor-hub.example', 'character.ai'],
    }),
};
gcpUsCentral1Tail.sites.push(
  createSite({
    domain: 'snapchat.com',
    tab: 5,
    hosting: 'gcpUse1',
    visits: getVisits(tailRng, 5, TAIL_END, 90, 180),
  }),
  createSite({
    domain: 'maps-tiles.example',
    tab: 6,
    hosting: 'gcpUse4',
    visits: getVisits(tailRng, 25, TAIL_END, 100, 200),
  }),
  createSite({
    domain: 'shopify.com',
    tab: 7,
    hosting: 'gcpEuw1',
    visits: getVisits(tailRng, 45, TAIL_END, 100, 220),
  }),
);

const NET_ID = 'gcp-2019-06-02-network-congestion';
const netRng = createDefRng(NET_ID, 3);
/** 18:45 UTC: congestion in Google's US network; us-east1, us-east4 and us-central1 lose packets. */
const NET_ONSET = 300;
const NET_END = 1500;
const congested = [{ from: NET_ONSET, effect: mix([3, fail(TIMEOUT, RESET)], [1, http(502)], [2, ok]) }];

export const gcpCongestion: ScenarioSpec = {
  id: NET_ID,
  title:
    'gcp-2019-06-02-network-congestion: packet loss in several US Google Cloud regions at once (failures span regions → provider-wide)',
  start: '2019-06-02T18:40:00Z',
  end: NET_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'snapchat.com',
      tab: 1,
      hosting: 'gcpUse1',
      visits: getVisits(netRng, 10, NET_END, 60, 120, [NET_ONSET + 4, NET_ONSET + 12]),
      pollEvery: 15,
      inOutage: true,
      rules: congested,
    }),
    createSite({
      domain: 'vimeo.com',
      tab: 2,
      hosting: 'gcpUse4',
      visits: getVisits(netRng, 30, NET_END, 60, 130, [NET_ONSET + 20, NET_ONSET + 31]),
      pollEvery: 15,
      inOutage: true,
      rules: congested,
    }),
    createSite({
      domain: 'pokemongolive.com',
      tab: 3,
      hosting: 'gcpUsc1',
      visits: getVisits(netRng, 50, NET_END, 60, 130, [NET_ONSET + 40, NET_ONSET + 52]),
      pollEvery: 15,
      inOutage: true,
      rules: congested,
    }),
    createSite({
      domain: 'nest.com',
      tab: 4,
      hosting: 'gcpUsc1',
      visits: getVisits(netRng, 70, NET_END, 80, 160),
      pollEvery: 20,
      inOutage: true,
      rules: congested,
    }),
    createSite({
      domain: 'shopify.com',
      tab: 5,
      hosting: 'gcpEuw1',
      visits: getVisits(netRng, 20, NET_END, 100, 200),
    }),
    createSite({
      domain: 'reddit.com',
      tab: 6,
      hosting: 'fastly',
      visits: getVisits(netRng, 40, NET_END, 100, 200),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'gcp', region: null, sites: ['snapchat.com', 'vimeo.com', 'pokemongolive.com'] },
      NET_END,
    ),
};

const GSERV_ID = 'gcp-2019-06-02-network-congestion-google-services';
const gservRng = createDefRng(GSERV_ID, 4);
const GS_ONSET = 300;
const GS_END = 1320;
const lossy = [{ from: GS_ONSET, effect: mix([3, fail(TIMEOUT, RESET)], [1, ok]) }];

export const googleServicesCongestion: ScenarioSpec = {
  id: GSERV_ID,
  title:
    "gcp-2019-06-02-network-congestion, Google's own services: YouTube (pages and video caches), Blogger and Gmail time out on the congested US network (a user on the US east coast)",
  start: '2019-06-02T18:40:00Z',
  end: GS_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'youtube.com',
      tab: 1,
      hosting: 'google',
      // Video segments are fetched from the caches while the page plays.
      api: { name: 'rr4---sn-ab5l6nzr.googlevideo.com', hosting: 'googleVideo' },
      visits: getVisits(gservRng, 10, GS_END, 150, 300, [GS_ONSET + 4]),
      pollEvery: 10,
      inOutage: true,
      rules: lossy,
    }),
    createSite({
      domain: 'blogger.com',
      tab: 2,
      hosting: 'google',
      visits: getVisits(gservRng, 25, GS_END, 90, 180, [GS_ONSET + 18]),
      inOutage: true,
      rules: lossy,
    }),
    createSite({
      domain: 'google.com',
      tab: 3,
      hosting: 'google',
      page: { name: 'mail.google.com', hosting: 'google' },
      api: { name: 'mail.google.com', hosting: 'google' },
      visits: getVisits(gservRng, 40, GS_END, 90, 180, [GS_ONSET + 33]),
      pollEvery: 20,
      inOutage: true,
      rules: lossy,
    }),
    createSite({
      domain: 'reddit.com',
      tab: 4,
      hosting: 'fastly',
      visits: getVisits(gservRng, 20, GS_END, 100, 200),
    }),
    createSite({
      domain: 'discord.com',
      tab: 5,
      hosting: 'cloudflare',
      visits: getVisits(gservRng, 45, GS_END, 100, 200),
    }),
    createSite({
      domain: 'netflix.com',
      tab: 6,
      hosting: 'awsUse1Elb',
      visits: getVisits(gservRng, 65, GS_END, 100, 200),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'google', region: null, sites: ['youtube.com', 'blogger.com', 'google.com'] },
      GS_END,
    ),
};
