/**
 * The scenario suite itself: every tests/scenarios/<id>.json is well-formed
 * `outage-lens-scenario/1` (design.md §5), its addresses are real (inside the range file of the
 * provider and region the generator claims for that host; for every expected outage on a provider
 * with a range file, three failing sites inside its range), its outage expectations are timed
 * within 90 s of the first failure with three failing sites by then, and the generator reproduces
 * every committed file byte for byte.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { VERDICT_KINDS } from '../../utils/infer/verdict-schema';
import { RESOURCE_TYPES } from '../../utils/observe/resource-type';
import { ALL_SCENARIOS } from './build/all-scenarios';
import { isFailingRequest } from './build/assemble';
import { HOSTING, type Hosting, PORTAL_IP, type RangeFile } from './build/hosting';
import { parseIpv4 } from './build/ipv4';
import type { Scenario, ScenarioEvent } from './build/model';
import { renderAllScenarios } from './build/render-all';
import { getMatches, loadRangeFiles } from './provider-ranges';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const rangesDir = path.resolve(repoRoot, '../shared/data/provider-ranges');

// A stricter statement of the format than utils/scenario/schema.ts on purpose: the replayer reads leniently
// (defaults, unknown fields allowed), while every committed file must be complete and exact. Only the value
// lists (resource types, verdict kinds) are the app's own.
const Ipv4 = v.pipe(
  v.string(),
  v.check((s) => parseIpv4(s) !== null, 'an IPv4 address'),
);
const Time = v.pipe(v.number(), v.integer(), v.minValue(0));
const Request = v.strictObject({
  t: Time,
  kind: v.literal('request'),
  tabId: v.pipe(v.number(), v.integer()),
  url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//)),
  type: v.picklist(RESOURCE_TYPES),
  ip: v.optional(Ipv4),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
  headers: v.optional(v.record(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)), v.string())),
  error: v.optional(v.pipe(v.string(), v.regex(/^(net::ERR_|NS_|SSL_ERROR_)[A-Z0-9_]+$/))),
  fromCache: v.optional(v.boolean()),
});
const Status = v.strictObject({
  t: Time,
  kind: v.literal('status'),
  source: v.string(),
  provider: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  regions: v.array(v.string()),
  services: v.array(v.string()),
  state: v.picklist(['operational', 'degraded', 'outage']),
  title: v.string(),
});
const Crowd = v.strictObject({
  t: Time,
  kind: v.literal('crowd'),
  provider: v.string(),
  region: v.nullable(v.string()),
  reports: v.pipe(v.number(), v.minValue(0)),
  baseline: v.pipe(v.number(), v.minValue(0)),
});
const Network = v.strictObject({
  t: Time,
  kind: v.literal('network'),
  up: v.boolean(),
  dns: v.optional(v.boolean()),
});
const Event = v.variant('kind', [Request, Status, Crowd, Network]);

const Provider = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/));
const Region = v.optional(v.nullable(v.string()));
const Verdict = v.picklist(VERDICT_KINDS);
const Expect = v.union([
  v.strictObject({
    at: Time,
    site: v.string(),
    verdict: Verdict,
    provider: v.optional(Provider),
    region: Region,
  }),
  v.strictObject({
    at: Time,
    outages: v.array(v.strictObject({ provider: Provider, region: Region })),
    only: v.optional(v.boolean()),
  }),
  v.strictObject({
    never: v.union([
      v.strictObject({
        verdict: Verdict,
        site: v.optional(v.string()),
        provider: v.optional(Provider),
        region: Region,
      }),
      v.strictObject({ outage: v.strictObject({ provider: v.optional(Provider), region: Region }) }),
    ]),
  }),
]);
const ScenarioSchema = v.strictObject({
  format: v.literal('outage-lens-scenario/1'),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  title: v.pipe(v.string(), v.minLength(10)),
  start: v.pipe(v.string(), v.isoTimestamp()),
  settings: v.strictObject({ doh: v.boolean() }),
  dns: v.record(
    v.string(),
    v.strictObject({ cnames: v.optional(v.array(v.string())), ns: v.optional(v.array(v.string())) }),
  ),
  events: v.pipe(v.array(Event), v.minLength(1)),
  expect: v.pipe(v.array(Expect), v.minLength(1)),
});

const files = readdirSync(here)
  .filter((f) => f.endsWith('.json'))
  .sort();
const scenarios = files.map((file) => ({ file, text: readFileSync(path.join(here, file), 'utf8') }));

function parse(text: string): Scenario {
  return v.parse(ScenarioSchema, JSON.parse(text)) as Scenario;
}

function getHost(url: string): string {
  return new URL(url).hostname;
}

function isPrivate(ip: number): boolean {
  const a = Math.floor(ip / 2 ** 24);
  const b = Math.floor(ip / 2 ** 16) % 256;
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b < 32);
}

describe('scenario files', () => {
  it('should hold at least 22 scenarios with unique ids', () => {
    expect(files.length).toBeGreaterThanOrEqual(22);
    const ids = scenarios.map(({ text }) => parse(text).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(scenarios)('$file should be well-formed outage-lens-scenario/1', ({ file, text }) => {
    const scenario = parse(text);
    expect(`${scenario.id}.json`).toBe(file);
    const times = scenario.events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const event of scenario.events) {
      if (event.kind !== 'request') continue;
      // A finished request has a status, or an error, never both.
      expect(Number(event.status !== undefined) + Number(event.error !== undefined)).toBe(1);
      if (event.status !== undefined) expect(event.ip).toBeDefined();
    }
    const lastT = times[times.length - 1]!;
    for (const e of scenario.expect) {
      if ('at' in e) expect(e.at).toBeLessThanOrEqual(lastT + 600);
    }
    expect(Object.keys(scenario.dns).length > 0).toBe(scenario.settings.doh);
  });
});

describe('scenario addresses', () => {
  const ranges = loadRangeFiles(rangesDir);
  const claims = new Map(
    ALL_SCENARIOS.map((spec) => {
      const hosts = new Map<string, Hosting>();
      for (const site of spec.sites) {
        for (const host of [site.page, site.assets, site.media, site.api])
          if (host) hosts.set(host.name, HOSTING[host.hosting]);
      }
      return [spec.id, hosts];
    }),
  );

  function isInClaimedRange(ip: number, hosting: Hosting): boolean {
    if (hosting.file === null)
      return [...ranges.values()].every((entries) => getMatches(entries, ip).length === 0);
    const entries = ranges.get(hosting.file) ?? [];
    return getMatches(entries, ip).some((m) => {
      if (hosting.service !== undefined && m.service !== hosting.service) return false;
      if (hosting.file === 'aws-ip-ranges.json') return m.region === (hosting.region ?? 'GLOBAL');
      if (hosting.file === 'gcp-cloud.json') return m.region === (hosting.region ?? 'global');
      if (hosting.file === 'azure-service-tags.json') return m.region === (hosting.region ?? '');
      return true;
    });
  }

  it('should read every range file it checks against', () => {
    for (const [file, entries] of ranges) expect(entries.length, file).toBeGreaterThan(0);
  });

  /** Providers whose outages the range files alone can place, with the file that lists their prefixes. */
  const RANGE_PROVIDERS: Record<string, RangeFile> = {
    aws: 'aws-ip-ranges.json',
    gcp: 'gcp-cloud.json',
    azure: 'azure-service-tags.json',
    cloudflare: 'cloudflare-ips-v4.txt',
    fastly: 'fastly-public-ip-list.json',
    akamai: 'akamai-ipv4-cidrs.txt',
    github: 'github-meta.json',
  };

  /** Does the address lie in the provider's file, in the region when one is named (null = any)? */
  function isInOutageRange(ip: number, provider: string, region: string | null): boolean {
    const file = RANGE_PROVIDERS[provider];
    if (!file) return false;
    return getMatches(ranges.get(file) ?? [], ip).some((m) => region === null || m.region === region);
  }

  const rangeOutages = scenarios.flatMap(({ file, text }) =>
    parse(text).expect.flatMap((e) =>
      'outages' in e
        ? e.outages
            .filter((o) => o.provider in RANGE_PROVIDERS)
            .map((o) => ({ file, text, provider: o.provider, region: o.region ?? null }))
        : [],
    ),
  );

  it.each(rangeOutages)(
    '$file: three failing sites should sit in $provider $region by their addresses',
    ({ text, provider, region }) => {
      const scenario = parse(text);
      // Addresses each host answered from at any time (failures at DNS or connect carry none).
      const hostIps = new Map<string, number[]>();
      for (const e of scenario.events) {
        if (e.kind !== 'request' || e.ip === undefined || e.ip === PORTAL_IP) continue;
        const host = getHost(e.url);
        hostIps.set(host, [...(hostIps.get(host) ?? []), parseIpv4(e.ip)!]);
      }
      const placedTabs = new Set<number>();
      for (const e of scenario.events) {
        if (e.kind !== 'request' || !isFailingRequest(e)) continue;
        const ips = hostIps.get(getHost(e.url)) ?? [];
        if (ips.some((ip) => isInOutageRange(ip, provider, region))) placedTabs.add(e.tabId);
      }
      expect(placedTabs.size).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(scenarios)(
    '$file should use only real addresses of the claimed provider and region',
    ({ text }) => {
      const scenario = parse(text);
      const hosts = claims.get(scenario.id);
      expect(hosts, 'scenario has a generator definition').toBeDefined();
      const wrong: string[] = [];
      for (const event of scenario.events) {
        if (event.kind !== 'request' || event.ip === undefined) continue;
        const ip = parseIpv4(event.ip)!;
        if (event.ip === PORTAL_IP) {
          expect(isPrivate(ip)).toBe(true);
          continue;
        }
        const hosting = hosts!.get(getHost(event.url));
        if (!hosting || !isInClaimedRange(ip, hosting)) wrong.push(`${event.t} ${event.url} ${event.ip}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('scenario timing', () => {
  /** Registrable domain of the page open in each tab (its main_frame host, www. dropped). */
  function getTabSites(events: ScenarioEvent[]): Map<number, string> {
    const tabs = new Map<number, string>();
    for (const e of events) {
      if (e.kind === 'request' && e.type === 'main_frame' && !tabs.has(e.tabId)) {
        tabs.set(e.tabId, getHost(e.url).replace(/^www\./, ''));
      }
    }
    return tabs;
  }

  const outageScenarios = scenarios.filter(({ text }) =>
    parse(text).expect.some((e) => 'outages' in e && e.outages.length > 0),
  );

  it('should have outage scenarios to check', () => {
    expect(outageScenarios.length).toBeGreaterThanOrEqual(15);
  });

  it.each(outageScenarios)(
    '$file should expect the outage within 90 s of the first failure, after 3 failing sites',
    ({ text }) => {
      const scenario = parse(text);
      const firstAt = Math.min(
        ...scenario.expect.flatMap((e) => ('outages' in e && e.outages.length > 0 ? [e.at] : [])),
      );
      const failing = scenario.events.filter(isFailingRequest);
      expect(failing.length).toBeGreaterThan(0);
      const firstFail = failing[0]!.t;
      expect(firstAt).toBeGreaterThan(firstFail);
      expect(firstAt).toBeLessThanOrEqual(firstFail + 90);
      const tabs = getTabSites(scenario.events);
      const failedSites = new Set(
        failing.filter((e) => e.t <= firstAt).map((e) => e.kind === 'request' && tabs.get(e.tabId)),
      );
      expect(failedSites.size).toBeGreaterThanOrEqual(3);
      // A normal baseline first: the failing sites loaded fine before the outage began.
      expect(scenario.events.some((e) => e.kind === 'request' && e.t < firstFail && e.status === 200)).toBe(
        true,
      );
      expect(scenario.expect).toContainEqual({ never: { verdict: 'local-network' } });
    },
  );

  it.each(scenarios.filter(({ file }) => file.startsWith('control-')))(
    '$file should forbid every outage',
    ({ text }) => {
      expect(parse(text).expect).toContainEqual({ never: { outage: {} } });
    },
  );
});

describe('scenario generator', () => {
  it('should reproduce every committed scenario file byte for byte', () => {
    const rendered = renderAllScenarios();
    expect([...rendered.keys()].sort()).toEqual(files);
    for (const { file, text } of scenarios) expect(rendered.get(file), file).toBe(text);
  });
});
