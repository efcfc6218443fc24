/**
 * Azure incidents of July 2024: the Central US storage/compute outage the evening before
 * CrowdStrike (regional → azure centralus), and the Front Door DDoS-defence failure twelve days
 * later (intermittent, global → azure, region null).
 */

import { fail, http, mix, ok, RESET, TIMEOUT } from '../effects';
import type { ScenarioSpec } from '../model';
import { createDefRng, createSite, expectOutage, getVisits } from './kit';

const CUS_ID = 'azure-centralus-2024-07-18-storage';
const cusRng = createDefRng(CUS_ID, 1);
/** 21:56 UTC: a configuration change cuts Central US compute off from its storage; VMs restart. */
const CUS_ONSET = 300;
const CUS_END = 1500;
const cusDown = [{ from: CUS_ONSET, effect: mix([3, http(503, 500)], [1, fail(TIMEOUT)]) }];

export const azureCentralUs: ScenarioSpec = {
  id: CUS_ID,
  title:
    'azure-centralus-2024-07-18-storage: Azure Central US loses storage access; apps hosted there answer 5xx while other Azure regions load',
  start: '2024-07-18T21:51:00Z',
  end: CUS_END,
  browser: 'chrome',
  sites: [
    ['flyfrontier.com', 1, [CUS_ONSET + 7]],
    ['claims-portal.example', 2, [CUS_ONSET + 26]],
    ['fleet-tracker.example', 3, [CUS_ONSET + 48]],
    ['school-grades.example', 4, []],
  ].map(([domain, tab, extra]) =>
    createSite({
      domain: domain as string,
      tab: tab as number,
      hosting: 'azureCus',
      visits: getVisits(cusRng, (tab as number) * 20, CUS_END, 80, 160, extra as number[]),
      inOutage: true,
      rules: cusDown,
    }),
  ),
  expect: (timing) =>
    expectOutage(
      timing,
      {
        provider: 'azure',
        region: 'centralus',
        sites: ['flyfrontier.com', 'claims-portal.example', 'fleet-tracker.example'],
      },
      CUS_END,
    ),
};
azureCentralUs.sites.push(
  createSite({
    domain: 'tram-tickets.example',
    tab: 5,
    hosting: 'azureWeu',
    visits: getVisits(cusRng, 15, CUS_END, 100, 200),
  }),
  createSite({
    domain: 'venmo.com',
    tab: 6,
    hosting: 'awsUse1Elb',
    visits: getVisits(cusRng, 35, CUS_END, 100, 200),
  }),
  createSite({
    domain: 'google.com',
    tab: 7,
    hosting: 'google',
    visits: getVisits(cusRng, 55, CUS_END, 120, 240),
  }),
);

const DDOS_ID = 'azure-afd-2024-07-30-ddos';
const ddosRng = createDefRng(DDOS_ID, 2);
/** 11:45 UTC: a DDoS triggers Front Door's defences, whose implementation error amplifies it. */
const DDOS_ONSET = 300;
const DDOS_END = 1500;
const afdFlaky = [
  { from: DDOS_ONSET, effect: mix([3, fail(TIMEOUT)], [1, fail(RESET)], [1, http(503, 504)], [1, ok]) },
];

export const azureFrontDoorDdos: ScenarioSpec = {
  id: DDOS_ID,
  title:
    'azure-afd-2024-07-30-ddos: Azure Front Door and Azure CDN degrade worldwide; portal, Microsoft 365 and AFD-fronted sites time out intermittently',
  start: '2024-07-30T11:40:00Z',
  end: DDOS_END,
  browser: 'chrome',
  sites: [
    createSite({
      domain: 'azure.com',
      tab: 1,
      hosting: 'azureFirstParty',
      page: { name: 'portal.azure.com', hosting: 'azureFirstParty' },
      api: { name: 'management.azure.com', hosting: 'azureFirstParty' },
      visits: getVisits(ddosRng, 10, DDOS_END, 60, 120, [DDOS_ONSET + 5]),
      pollEvery: 15,
      inOutage: true,
      rules: afdFlaky,
    }),
    createSite({
      domain: 'microsoft365.com',
      tab: 2,
      hosting: 'azureFirstParty',
      visits: getVisits(ddosRng, 30, DDOS_END, 60, 120, [DDOS_ONSET + 24]),
      pollEvery: 15,
      inOutage: true,
      rules: afdFlaky,
    }),
    createSite({
      domain: 'natwest.com',
      tab: 3,
      hosting: 'azureAfd',
      visits: getVisits(ddosRng, 50, DDOS_END, 60, 120, [DDOS_ONSET + 42]),
      pollEvery: 15,
      inOutage: true,
      rules: afdFlaky,
    }),
    createSite({
      domain: 'parcel-status.example',
      tab: 4,
      hosting: 'azureAfd',
      visits: getVisits(ddosRng, 70, DDOS_END, 70, 140),
      pollEvery: 20,
      inOutage: true,
      rules: afdFlaky,
    }),
    createSite({
      domain: 'bbc.co.uk',
      tab: 5,
      hosting: 'fastly',
      colo: 'LHR',
      api: false,
      visits: getVisits(ddosRng, 20, DDOS_END, 120, 240),
    }),
    createSite({
      domain: 'discord.com',
      tab: 6,
      hosting: 'cloudflare',
      colo: 'LHR',
      visits: getVisits(ddosRng, 40, DDOS_END, 100, 200),
    }),
  ],
  expect: (timing) =>
    expectOutage(
      timing,
      { provider: 'azure', region: null, sites: ['azure.com', 'microsoft365.com', 'natwest.com'] },
      DDOS_END,
    ),
};
