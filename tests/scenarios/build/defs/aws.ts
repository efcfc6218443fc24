/**
 * AWS us-east-1 incidents from research/incidents.json, as one browser saw them: a normal baseline,
 * then failures at the times the incident reports give, with healthy sites on other providers and
 * regions all along.
 */

import { fail, http, mix, NXDOMAIN, RESET, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

const DYNAMO_ID = 'aws-use1-2025-10-20-dynamodb-dns';
const dynamoRng = createDefRng(DYNAMO_ID, 1);
/** 06:48 UTC: first DynamoDB endpoint errors (AWS PES, 11:48 PM PDT). */
const DYNAMO_ONSET = 360;
const DYNAMO_END = 1800;

export const awsDynamoDns: ScenarioSpec = {
  id: DYNAMO_ID,
  title:
    'aws-use1-2025-10-20-dynamodb-dns: DynamoDB us-east-1 endpoint DNS emptied; apps on us-east-1 fail with 5xx, timeouts and NXDOMAIN for *.us-east-1.amazonaws.com',
  start: '2025-10-20T06:42:00Z',
  end: DYNAMO_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'perplexity.ai',
      tab: 1,
      hosting: 'awsUse1Elb',
      visits: getVisits(dynamoRng, 12, DYNAMO_END, 70, 140, [DYNAMO_ONSET + 8]),
      inOutage: true,
      rules: [
        { from: DYNAMO_ONSET, parts: ['api'], effect: http(500, 503) },
        { from: DYNAMO_ONSET, parts: ['page'], effect: mix([2, http(503, 504)], [1, fail(TIMEOUT)]) },
      ],
    }),
    createSite({
      domain: 'venmo.com',
      tab: 2,
      hosting: 'awsUse1Elb',
      visits: getVisits(dynamoRng, 40, DYNAMO_END, 80, 160, [DYNAMO_ONSET + 27]),
      inOutage: true,
      rules: [{ from: DYNAMO_ONSET, effect: mix([3, http(503)], [1, fail(TIMEOUT)]) }],
    }),
    createSite({
      domain: 'plan-board.example',
      tab: 3,
      hosting: 'awsUse1',
      api: { name: 'dynamodb.us-east-1.amazonaws.com', hosting: 'awsUse1Api' },
      visits: getVisits(dynamoRng, 75, DYNAMO_END, 90, 180, [DYNAMO_ONSET + 44]),
      pollEvery: 25,
      inOutage: true,
      rules: [{ from: DYNAMO_ONSET, parts: ['api'], effect: fail(NXDOMAIN) }],
    }),
    createSite({
      domain: 'currents.dev',
      tab: 4,
      hosting: 'awsUse1',
      api: { name: 'cognito-idp.us-east-1.amazonaws.com', hosting: 'awsUse1Api' },
      visits: getVisits(dynamoRng, 100, DYNAMO_END, 90, 170, [DYNAMO_ONSET + 61]),
      inOutage: true,
      rules: [{ from: DYNAMO_ONSET + 30, parts: ['api'], effect: http(500) }],
    }),
    createSite({
      domain: 'shift-roster.example',
      tab: 5,
      hosting: 'awsUse1',
      api: { name: 'k3x9q2m1ab.execute-api.us-east-1.amazonaws.com', hosting: 'awsUse1Apigw' },
      visits: getVisits(dynamoRng, 140, DYNAMO_END, 100, 200),
      inOutage: true,
      rules: [
        {
          from: DYNAMO_ONSET + 60,
          parts: ['api'],
          effect: mix([2, http(502, 503)], [1, fail(TIMEOUT, RESET)]),
        },
      ],
    }),
    createSite({
      domain: 'duolingo.com',
      tab: 6,
      hosting: 'awsUse1Elb',
      visits: getVisits(dynamoRng, 160, DYNAMO_END, 90, 200, [DYNAMO_ONSET + 52]),
      inOutage: true,
      rules: [{ from: DYNAMO_ONSET + 20, parts: ['api'], effect: http(500, 503) }],
    }),
    createSite({
      domain: 'nytimes.com',
      tab: 7,
      hosting: 'fastly',
      api: false,
      visits: getVisits(dynamoRng, 30, DYNAMO_END, 120, 260),
    }),
    createSite({
      domain: 'claude.ai',
      tab: 8,
      hosting: 'cloudflare',
      visits: getVisits(dynamoRng, 55, DYNAMO_END, 100, 220),
      pollEvery: 40,
    }),
    createSite({
      domain: 'kite-travel.example',
      tab: 9,
      hosting: 'awsEuw1',
      visits: getVisits(dynamoRng, 20, DYNAMO_END, 110, 240),
    }),
  ],
  events: [
    { t: 780, kind: 'crowd', provider: 'aws', region: 'us-east-1', reports: 310, baseline: 4 },
    {
      t: 1740,
      kind: 'status',
      source: 'aws-health',
      provider: 'aws',
      regions: ['us-east-1'],
      services: ['dynamodb'],
      state: 'degraded',
      title: 'Increased Error Rates and Latencies',
    },
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'aws', region: 'us-east-1', sites: ['perplexity.ai', 'venmo.com', 'duolingo.com'] },
      DYNAMO_END,
    ),
};

const S3_ID = 'aws-s3-use1-2017-02-28';
const s3Rng = createDefRng(S3_ID, 2);
/** 17:37 UTC: S3 us-east-1 stops serving (AWS, 9:37 AM PST). */
const S3_ONSET = 300;
const S3_END = 1500;

export const awsS3: ScenarioSpec = {
  id: S3_ID,
  title:
    'aws-s3-use1-2017-02-28: S3 us-east-1 down; pages load but their S3-hosted images and files fail, S3-backed front pages answer 504',
  start: '2017-02-28T17:32:00Z',
  end: S3_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'quora.com',
      tab: 1,
      hosting: 'awsUse1Elb',
      api: false,
      visits: getVisits(s3Rng, 8, S3_END, 80, 160, [S3_ONSET + 6, S3_ONSET + 40]),
      inOutage: true,
      rules: [{ from: S3_ONSET, parts: ['page'], effect: http(504, 503) }],
    }),
    createSite({
      domain: 'mashable.com',
      tab: 2,
      hosting: 'fastly',
      api: false,
      media: { name: 'mashable-uploads.s3.amazonaws.com', hosting: 'awsUse1S3' },
      visits: getVisits(s3Rng, 30, S3_END, 70, 150, [S3_ONSET + 22]),
      inOutage: true,
      rules: [{ from: S3_ONSET, parts: ['media'], effect: mix([3, http(503, 500)], [1, fail(TIMEOUT)]) }],
    }),
    createSite({
      domain: 'imgur.com',
      tab: 3,
      hosting: 'awsUse1Elb',
      media: { name: 'imgur-media.s3.amazonaws.com', hosting: 'awsUse1S3' },
      visits: getVisits(s3Rng, 50, S3_END, 90, 170, [S3_ONSET + 20]),
      inOutage: true,
      rules: [
        { from: S3_ONSET, parts: ['media'], effect: http(503) },
        { from: S3_ONSET, parts: ['api'], effect: http(500, 502) },
      ],
    }),
    createSite({
      domain: 'trello.com',
      tab: 4,
      hosting: 'awsUse1',
      media: { name: 'trello-attachments.s3.amazonaws.com', hosting: 'awsUse1S3' },
      visits: getVisits(s3Rng, 70, S3_END, 90, 180, [S3_ONSET + 37]),
      pollEvery: 35,
      inOutage: true,
      rules: [
        { from: S3_ONSET, parts: ['media'], effect: http(503, 500) },
        { from: S3_ONSET, parts: ['api'], effect: http(503) },
      ],
    }),
    createSite({
      domain: 'docs-vault.example',
      tab: 8,
      hosting: 'awsUse1',
      api: { name: 's3.us-east-1.amazonaws.com', hosting: 'awsUse1S3' },
      visits: getVisits(s3Rng, 90, S3_END, 120, 240),
      rules: [{ from: S3_ONSET, parts: ['api'], effect: mix([3, http(503)], [1, fail(TIMEOUT)]) }],
    }),
    createSite({
      domain: 'theguardian.com',
      tab: 5,
      hosting: 'fastly',
      api: false,
      visits: getVisits(s3Rng, 15, S3_END, 120, 240),
    }),
    createSite({
      domain: 'wikipedia.example',
      tab: 6,
      hosting: 'awsUsw2',
      visits: getVisits(s3Rng, 40, S3_END, 100, 220),
    }),
    createSite({
      domain: 'google.com',
      tab: 7,
      hosting: 'google',
      page: { name: 'mail.google.com', hosting: 'google' },
      api: { name: 'mail.google.com', hosting: 'google' },
      visits: getVisits(s3Rng, 5, S3_END, 200, 400),
      pollEvery: 45,
    }),
  ],
  events: [{ t: 1200, kind: 'crowd', provider: 'aws', region: 'us-east-1', reports: 520, baseline: 6 }],
  expect: (timing) => [
    ...expectOutage(
      timing,
      { provider: 'aws', region: 'us-east-1', sites: ['quora.com', 'trello.com'] },
      S3_END,
    ),
    { never: { outage: { provider: 'fastly' } } },
  ],
};
