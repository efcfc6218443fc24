/**
 * AWS us-east-1 control-plane and service incidents where pages mostly still load but their API
 * calls (logins, playback, payments) fail: the 2021-12-07 internal network congestion and the
 * 2020-11-25 Kinesis failure that broke Cognito sign-ins.
 */

import { fail, http, mix, ok, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

const NET_ID = 'aws-use1-2021-12-07-internal-network';
const netRng = createDefRng(NET_ID, 1);
/** 15:30 UTC (7:30 AM PST): internal network congestion; API-driven flows fail, running pages load. */
const ONSET = 300;
const END = 1500;
const apiDown = [
  { from: ONSET, parts: ['api' as const], effect: mix([3, http(500, 503)], [2, fail(TIMEOUT)]) },
  { from: ONSET, parts: ['page' as const], effect: mix([1, http(503)], [3, ok]) },
];

export const awsInternalNetwork: ScenarioSpec = {
  id: NET_ID,
  title:
    'aws-use1-2021-12-07-internal-network: us-east-1 control planes congested; pages load but API calls (playback, payments, logins) answer 5xx or time out',
  start: '2021-12-07T15:25:00Z',
  end: END,
  browser: 'firefox',
  sites: [
    ['netflix.com', 1, [ONSET + 8]],
    ['disneyplus.com', 2, [ONSET + 25]],
    ['ticketmaster.com', 3, [ONSET + 44]],
    ['robinhood.com', 4, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'awsUse1Elb',
      visits: getVisits(netRng, (tab as number) * 20, END, 80, 160, extra as number[]),
      pollEvery: 15,
      inOutage: true,
      rules: apiDown,
    }),
  ),
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'aws', region: 'us-east-1', sites: ['netflix.com', 'disneyplus.com', 'ticketmaster.com'] },
      END,
    ),
};
awsInternalNetwork.sites.push(
  createSite({
    domain: 'nytimes.com',
    tab: 5,
    hosting: 'fastly',
    api: false,
    visits: getVisits(netRng, 15, END, 120, 240),
  }),
  createSite({
    domain: 'google.com',
    tab: 6,
    hosting: 'google',
    visits: getVisits(netRng, 35, END, 120, 240),
  }),
  createSite({
    domain: 'weather-now.example',
    tab: 7,
    hosting: 'awsUsw2',
    visits: getVisits(netRng, 55, END, 100, 200),
  }),
);

const KINESIS_ID = 'aws-kinesis-use1-2020-11-25';
const kinesisRng = createDefRng(KINESIS_ID, 2);
/** 13:15 UTC: Kinesis front ends hit the OS thread limit; Cognito and CloudWatch degrade. */
const K_ONSET = 300;
const K_END = 1500;

export const awsKinesis: ScenarioSpec = {
  id: KINESIS_ID,
  title:
    'aws-kinesis-use1-2020-11-25: Kinesis failure in us-east-1 breaks Cognito sign-ins and IoT back ends; sites load, their APIs and logins answer 5xx',
  start: '2020-11-25T13:10:00Z',
  end: K_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'ring.com',
      tab: 1,
      hosting: 'awsUse1Elb',
      visits: getVisits(kinesisRng, 10, K_END, 80, 160, [K_ONSET + 6]),
      pollEvery: 20,
      inOutage: true,
      rules: [{ from: K_ONSET, parts: ['api'], effect: http(500, 503) }],
    }),
    createSite({
      domain: 'roku.com',
      tab: 2,
      hosting: 'awsUse1Elb',
      visits: getVisits(kinesisRng, 30, K_END, 80, 160, [K_ONSET + 24]),
      pollEvery: 20,
      inOutage: true,
      rules: [{ from: K_ONSET, parts: ['api'], effect: mix([3, http(503)], [1, fail(TIMEOUT)]) }],
    }),
    createSite({
      domain: 'irobot.com',
      tab: 3,
      hosting: 'awsUse1',
      visits: getVisits(kinesisRng, 50, K_END, 80, 160, [K_ONSET + 45]),
      pollEvery: 20,
      inOutage: true,
      rules: [{ from: K_ONSET, parts: ['api'], effect: http(500) }],
    }),
    createSite({
      domain: 'fcs-scheduler.example',
      tab: 4,
      hosting: 'awsUse1',
      api: { name: 'cognito-idp.us-east-1.amazonaws.com', hosting: 'awsUse1Api' },
      visits: getVisits(kinesisRng, 70, K_END, 100, 200),
      inOutage: true,
      rules: [{ from: K_ONSET, parts: ['api'], effect: http(500) }],
    }),
    createSite({
      domain: 'theguardian.com',
      tab: 5,
      hosting: 'fastly',
      api: false,
      visits: getVisits(kinesisRng, 15, K_END, 120, 240),
    }),
    createSite({
      domain: 'discord.com',
      tab: 6,
      hosting: 'cloudflare',
      visits: getVisits(kinesisRng, 35, K_END, 100, 200),
    }),
  ],
  events: [
    {
      t: 1380,
      kind: 'status',
      source: 'aws-health',
      provider: 'aws',
      regions: ['us-east-1'],
      services: ['kinesis', 'cognito'],
      state: 'degraded',
      title: 'Increased error rates for Kinesis Data Streams',
    },
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'aws', region: 'us-east-1', sites: ['ring.com', 'roku.com', 'irobot.com'] },
      K_END,
    ),
};
