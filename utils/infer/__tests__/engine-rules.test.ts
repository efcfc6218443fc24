import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { createInferenceEngine, type InferenceEngine } from '../engine';
import type { Verdict } from '../types';
import { AWS_EUW1, AWS_USE1, at, CLOUDFLARE, GCP, type LoadSpec, load, sec } from './fixtures';

type Step =
  | { t: number; load: LoadSpec; attr: Attribution[] }
  | {
      t: number;
      status: {
        provider: string;
        regions: string[];
        state: 'operational' | 'degraded' | 'outage';
        source?: string;
      };
    }
  | { t: number; crowd: { provider: string; region: string | null; reports: number; baseline: number } };

/** Replays steps, answering probes as a working connection would unless `network` says otherwise. */
function run(
  steps: Step[],
  network: { up: boolean; dns: boolean } = { up: true, dns: true },
): InferenceEngine {
  const engine = createInferenceEngine();
  for (const s of steps) {
    const time = sec(s.t);
    if ('load' in s) engine.addLoad(load(time, s.load), s.attr);
    else if ('status' in s) {
      engine.addStatus({
        time,
        source: s.status.source ?? 'aws-health',
        services: [],
        title: 'Increased error rates',
        ...s.status,
      });
    } else engine.addCrowd({ time, ...s.crowd });
    if (engine.needsProbe(time)) {
      engine.setProbeResult({
        time,
        reachable: network.up ? 3 : 0,
        total: 3,
        dnsOk: network.up && network.dns,
      });
    }
  }
  return engine;
}

const ok = (t: number, site: string, attr: Attribution[]): Step => ({ t, load: { site }, attr });
/** A site that is down: its document fails, then its api call (two failed critical requests). */
const fail = (
  t: number,
  site: string,
  attr: Attribution[],
  outcome: LoadSpec['outcome'] = 'timeout',
): Step[] => [
  { t, load: { site, outcome, error: 'net::ERR_CONNECTION_TIMED_OUT' }, attr },
  { t: t + 1, load: { site, outcome, host: `api.${site}`, type: 'xmlhttprequest' }, attr },
];

/** Healthy traffic on five AWS us-east-1 sites and two elsewhere during the first minute. */
const BASELINE: Step[] = [
  ...['a.test', 'b.test', 'c.test', 'd.test', 'e.test'].map((s, i) => ok(i, s, AWS_USE1)),
  ok(6, 'g.test', GCP),
  ok(7, 'cf.test', CLOUDFLARE),
];

const AKAMAI_DNS_SITES: Array<[string, Attribution[]]> = [
  ['k1.test', AWS_USE1],
  ['k2.test', GCP],
  ['k3.test', AWS_EUW1],
];

const verdictOf = (e: InferenceEngine, site: string, t: number) => {
  const v: Verdict = e.getVerdict(site, sec(t));
  return { kind: v.kind, provider: v.provider, region: v.region };
};

describe('inference engine rules', () => {
  it.each([
    {
      name: 'one site down with healthy neighbours is that site',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        ...fail(70, 'a.test', AWS_USE1),
        ok(75, 'b.test', AWS_USE1),
      ],
      site: 'a.test',
      want: { kind: 'site' },
      outages: [],
    },
    {
      name: 'three independent sites failing on one region is a provider outage while others still load',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        ...fail(70, 'b.test', AWS_USE1),
        ...fail(80, 'c.test', AWS_USE1),
      ],
      site: 'b.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: 'two failing sites alone raise nothing',
      steps: [...BASELINE, ...fail(60, 'a.test', AWS_USE1), ...fail(70, 'b.test', AWS_USE1)],
      site: 'a.test',
      want: { kind: 'site' },
      outages: [],
    },
    {
      name: 'one failing site plus an official outage status is a provider outage',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, status: { provider: 'aws', regions: ['us-east-1'], state: 'outage' } },
      ],
      site: 'a.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: 'one failing site plus a crowd spike is a provider outage',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, crowd: { provider: 'aws', region: 'us-east-1', reports: 420, baseline: 3 } },
      ],
      site: 'a.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: 'a crowd near its baseline does not carry one site',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, crowd: { provider: 'aws', region: 'us-east-1', reports: 4, baseline: 3 } },
      ],
      site: 'a.test',
      want: { kind: 'site' },
      outages: [],
    },
    {
      name: 'a degraded status needs two failing sites',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, status: { provider: 'aws', regions: ['us-east-1'], state: 'degraded' } },
        ...fail(70, 'b.test', AWS_USE1),
      ],
      site: 'b.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: 'a status for another region does not count',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, status: { provider: 'aws', regions: ['eu-west-1'], state: 'outage' } },
      ],
      site: 'a.test',
      want: { kind: 'site' },
      outages: [],
    },
    {
      name: 'an operational status resolves the earlier items from that source',
      steps: [
        ...BASELINE,
        ...fail(60, 'a.test', AWS_USE1),
        { t: 65, status: { provider: 'aws', regions: ['us-east-1'], state: 'outage' } },
        { t: 90, status: { provider: 'aws', regions: [], state: 'operational' } },
        ...fail(95, 'a.test', AWS_USE1),
      ],
      site: 'a.test',
      want: { kind: 'site' },
      outages: [],
    },
    {
      name: 'failures spanning two regions name the provider without a region',
      steps: [
        ...BASELINE,
        ok(8, 'x.test', AWS_EUW1),
        ok(9, 'y.test', AWS_EUW1),
        ...fail(60, 'a.test', AWS_USE1),
        ...fail(62, 'b.test', AWS_USE1),
        ...fail(64, 'x.test', AWS_EUW1),
        ...fail(66, 'y.test', AWS_EUW1),
      ],
      site: 'x.test',
      want: { kind: 'provider-outage', provider: 'aws', region: null },
      outages: ['aws null'],
    },
    {
      name: 'a region-less global CDN outage is provider-wide',
      steps: [
        ...BASELINE,
        ok(8, 'cf2.test', CLOUDFLARE),
        ok(9, 'cf3.test', CLOUDFLARE),
        ...fail(60, 'cf.test', CLOUDFLARE, 'http5xx'),
        ...fail(61, 'cf2.test', CLOUDFLARE, 'http5xx'),
        ...fail(62, 'cf3.test', CLOUDFLARE, 'http5xx'),
      ],
      site: 'cf2.test',
      want: { kind: 'provider-outage', provider: 'cloudflare', region: null },
      outages: ['cloudflare null'],
    },
    {
      name: 'a Vercel site failing with AWS us-east-1 sites names AWS us-east-1, the root',
      steps: [
        ...BASELINE,
        ok(8, 'v.test', [at('vercel', null), at('aws', 'us-east-1', 'platform')]),
        ...fail(60, 'a.test', AWS_USE1),
        ...fail(61, 'b.test', AWS_USE1),
        ...fail(62, 'c.test', AWS_USE1),
        ...fail(63, 'v.test', [at('vercel', null), at('aws', 'us-east-1', 'platform')]),
      ],
      site: 'v.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: "a service catalog's claim does not outrank the cloud the site is seen on directly",
      steps: [
        ...BASELINE,
        ok(8, 'cf2.test', CLOUDFLARE),
        ok(9, 'cf3.test', CLOUDFLARE),
        ...fail(60, 'a.test', GCP),
        ...fail(61, 'b.test', GCP),
        ...fail(62, 'c.test', GCP),
        ...fail(63, 'cf.test', CLOUDFLARE, 'http5xx'),
        ...fail(64, 'cf2.test', CLOUDFLARE, 'http5xx'),
        ...fail(65, 'cf3.test', CLOUDFLARE, 'http5xx'),
        // The catalog says this service uses Cloudflare; its own hosts answer from Google Cloud.
        ...fail(66, 'sp.test', [...GCP, { ...at('cloudflare', null, 'platform'), service: 'spotify' }]),
      ],
      site: 'sp.test',
      want: { kind: 'provider-outage', provider: 'gcp', region: 'us-central1' },
      outages: ['gcp us-central1', 'cloudflare null'],
    },
    {
      name: 'Vercel sites failing alone name Vercel, not the cloud under it',
      steps: [
        ...BASELINE,
        ...['v1.test', 'v2.test', 'v3.test'].map((s, i) =>
          ok(10 + i, s, [at('vercel', null), at('aws', 'us-east-1', 'platform')]),
        ),
        ...['v1.test', 'v2.test', 'v3.test'].flatMap((s, i) =>
          fail(60 + i, s, [at('vercel', null), at('aws', 'us-east-1', 'platform')]),
        ),
      ],
      site: 'v2.test',
      want: { kind: 'provider-outage', provider: 'vercel', region: null },
      outages: ['vercel null'],
    },
    {
      name: 'DNS failures follow the DNS provider (Akamai Edge DNS), wherever the sites are hosted',
      steps: [
        ...BASELINE,
        ...AKAMAI_DNS_SITES.map(([s, h], i) => ok(10 + i, s, [...h, at('akamai', null, 'dns')])),
        ...AKAMAI_DNS_SITES.flatMap(([s, h], i) =>
          fail(60 + 2 * i, s, [...h, at('akamai', null, 'dns')], 'dns'),
        ),
      ],
      site: 'k2.test',
      want: { kind: 'provider-outage', provider: 'akamai', region: null },
      outages: ['akamai null'],
    },
    {
      name: "a host that never answered is placed by its site's other hosts",
      steps: [
        ...BASELINE,
        ...fail(60, 'b.test', AWS_USE1),
        ...fail(62, 'c.test', AWS_USE1),
        ...fail(64, 'd.test', AWS_USE1),
        { t: 70, load: { site: 'a.test', host: 'login.a.test', outcome: 'timeout' }, attr: [] },
      ],
      site: 'a.test',
      want: { kind: 'provider-outage', provider: 'aws', region: 'us-east-1' },
      outages: ['aws us-east-1'],
    },
    {
      name: 'ignored requests (aborts, blocks, 4xx) never raise an outage',
      steps: [
        ...BASELINE,
        ...['a.test', 'b.test', 'c.test', 'd.test'].flatMap((s, i) => fail(60 + i, s, AWS_USE1, 'ignored')),
      ],
      site: 'a.test',
      want: { kind: 'ok' },
      outages: [],
    },
  ])('$name', ({ steps, site, want, outages }) => {
    const engine = run(steps as Step[]);
    const last = Math.max(...(steps as Step[]).map((s) => s.t));
    expect(verdictOf(engine, site, last + 1)).toMatchObject(want);
    expect(engine.getOutages(sec(last + 1)).map((o) => `${o.provider} ${o.region}`)).toEqual(outages);
  });

  it('treats a page whose document loads but whose first-party api fails as failing', () => {
    const engine = createInferenceEngine();
    engine.addLoad(load(sec(1), { site: 'shop.test' }), AWS_USE1);
    engine.addLoad(
      load(sec(2), { site: 'shop.test', host: 'api.shop.test', type: 'xmlhttprequest', outcome: 'http5xx' }),
      AWS_USE1,
    );
    expect(engine.getVerdict('shop.test', sec(3)).kind).not.toBe('ok');
    // One lucky request does not clear a flapping site; three in a row do.
    engine.addLoad(
      load(sec(4), { site: 'shop.test', host: 'api.shop.test', type: 'xmlhttprequest' }),
      AWS_USE1,
    );
    expect(engine.getVerdict('shop.test', sec(5)).kind).not.toBe('ok');
    engine.addLoad(load(sec(6), { site: 'shop.test' }), AWS_USE1);
    engine.addLoad(
      load(sec(7), { site: 'shop.test', host: 'api.shop.test', type: 'xmlhttprequest' }),
      AWS_USE1,
    );
    expect(engine.getVerdict('shop.test', sec(8)).kind).toBe('ok');
  });

  it('does not mark a page failing when a third-party tracker fails', () => {
    const engine = createInferenceEngine();
    engine.addLoad(load(sec(1), { site: 'news.test' }), AWS_USE1);
    const tracker = load(sec(2), {
      site: 'tracker.test',
      host: 'px.tracker.test',
      type: 'script',
      pageSite: 'news.test',
      outcome: 'connect',
    });
    engine.addLoad(tracker, GCP);
    expect(engine.getVerdict('news.test', sec(3)).kind).toBe('ok');
  });

  it('explains an outage verdict in sentences naming the other failing and loading sites', () => {
    const engine = run([
      ...BASELINE,
      ...fail(60, 'a.test', AWS_USE1),
      ...fail(70, 'b.test', AWS_USE1),
      ...fail(80, 'c.test', AWS_USE1),
    ]);
    const v = engine.getVerdict('c.test', sec(90));
    expect(v.evidence.join(' ')).toContain(
      '2 other sites on AWS us-east-1 failed in the last minute: a.test, b.test; 2 sites there still load.',
    );
    expect(v.confidence).toBeGreaterThan(0.5);
    expect(v.confidence).toBeLessThanOrEqual(1);
  });

  it('says unknown for a site never seen', () => {
    expect(createInferenceEngine().getVerdict('nowhere.test', sec(1)).kind).toBe('unknown');
  });
});

describe('engine inputs', () => {
  it('answers for a host by its registrable domain', () => {
    const engine = createInferenceEngine();
    engine.addLoad(load(sec(1), { site: 'shop.test' }), AWS_USE1);
    expect(engine.getVerdict('www.shop.test', sec(2))).toMatchObject({ site: 'shop.test', kind: 'ok' });
  });

  it('takes the browser online flag through setNetwork', () => {
    const engine = createInferenceEngine();
    engine.addLoad(load(sec(1), { site: 'shop.test' }), AWS_USE1);
    engine.setNetwork({ time: sec(2), up: false, dns: false });
    engine.addLoad(load(sec(3), { site: 'shop.test', outcome: 'timeout' }), AWS_USE1);
    expect(engine.getVerdict('shop.test', sec(4)).kind).toBe('local-network');
    engine.setNetwork({ time: sec(5), up: true, dns: true });
    engine.addLoad(load(sec(6), { site: 'other.test', outcome: 'timeout' }), GCP);
    expect(engine.getVerdict('other.test', sec(7)).kind).not.toBe('local-network');
  });

  it('does not move backwards on a late, out-of-order report', () => {
    const engine = createInferenceEngine();
    engine.addLoad(load(sec(10), { site: 'shop.test', outcome: 'timeout' }), AWS_USE1);
    engine.addLoad(load(sec(5), { site: 'shop.test' }), AWS_USE1);
    expect(engine.snapshot().windows.keys[0]?.sites[0]?.[1]).toMatchObject({
      lastFail: sec(10),
      lastOk: sec(5),
    });
  });
});
