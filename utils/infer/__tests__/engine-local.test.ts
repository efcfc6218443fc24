import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { createInferenceEngine, type InferenceEngine } from '../engine';
import { AWS_EUW1, AWS_USE1, at, CLOUDFLARE, GCP, type LoadSpec, load, sec } from './fixtures';

interface Net {
  up: boolean;
  dns: boolean;
}

/** Feeds loads in order; probes are answered from `netAt(t)`. Returns every outage seen at any step. */
function feed(
  engine: InferenceEngine,
  steps: Array<[number, LoadSpec, Attribution[]]>,
  netAt: (t: number) => Net,
) {
  const seen = new Set<string>();
  let probes = 0;
  for (const [t, spec, attr] of steps) {
    engine.addLoad(load(sec(t), spec), attr);
    if (engine.needsProbe(sec(t))) {
      const n = netAt(t);
      probes++;
      engine.setProbeResult({ time: sec(t), reachable: n.up ? 3 : 0, total: 3, dnsOk: n.up && n.dns });
    }
    for (const o of engine.getOutages(sec(t))) seen.add(`${o.provider} ${o.region}`);
  }
  return { seen, probes };
}

const SITES: Array<[string, Attribution[]]> = [
  ['a.test', AWS_USE1],
  ['b.test', AWS_USE1],
  ['c.test', AWS_USE1],
  ['g.test', GCP],
  ['cf.test', CLOUDFLARE],
  ['e.test', AWS_EUW1],
];

describe('local network detection', () => {
  it('says local-network, and raises no outage, when the user goes offline', () => {
    const engine = createInferenceEngine();
    const steps: Array<[number, LoadSpec, Attribution[]]> = SITES.map(([s, a], i) => [i, { site: s }, a]);
    SITES.forEach(([s, a], i) => {
      steps.push([60 + i * 5, { site: s, outcome: 'timeout', error: 'net::ERR_CONNECTION_TIMED_OUT' }, a]);
      steps.push([62 + i * 5, { site: s, outcome: 'local', error: 'net::ERR_INTERNET_DISCONNECTED' }, []]);
    });
    const { seen } = feed(engine, steps, (t) => ({ up: t < 60, dns: t < 60 }));
    expect(seen.size).toBe(0);
    for (const [s] of SITES) expect(engine.getVerdict(s, sec(100)).kind).toBe('local-network');
    expect(engine.getVerdict('a.test', sec(100)).evidence.join(' ')).toContain(
      'net::ERR_INTERNET_DISCONNECTED',
    );
  });

  it('finds an offline connection through a probe when the browser only reports timeouts', () => {
    const engine = createInferenceEngine();
    const steps: Array<[number, LoadSpec, Attribution[]]> = SITES.map(([s, a], i) => [i, { site: s }, a]);
    SITES.forEach(([s, a], i) => {
      steps.push([60 + i * 3, { site: s, outcome: 'timeout' }, a]);
    });
    const { seen, probes } = feed(engine, steps, (t) => ({ up: t < 60, dns: t < 60 }));
    expect(probes).toBeGreaterThan(0);
    expect(seen.size).toBe(0);
    for (const [s] of SITES) expect(engine.getVerdict(s, sec(80)).kind).toBe('local-network');
    expect(engine.getVerdict('a.test', sec(80)).evidence.join(' ')).toContain('reached 0 of 3');
  });

  it('does not blame the connection when the probe reaches everything', () => {
    const engine = createInferenceEngine();
    const steps: Array<[number, LoadSpec, Attribution[]]> = SITES.map(([s, a], i) => [i, { site: s }, a]);
    SITES.forEach(([s, a], i) => {
      steps.push([60 + i * 3, { site: s, outcome: 'timeout' }, a]);
    });
    feed(engine, steps, () => ({ up: true, dns: true }));
    expect(engine.getVerdict('g.test', sec(80)).kind).not.toBe('local-network');
  });

  it('treats a captive portal (public host answered from a private address) as local-network', () => {
    const engine = createInferenceEngine();
    const steps: Array<[number, LoadSpec, Attribution[]]> = [
      [0, { site: 'a.test' }, AWS_USE1],
      [1, { site: 'b.test' }, AWS_USE1],
      [2, { site: 'c.test' }, AWS_USE1],
      [30, { site: 'a.test', outcome: 'local' }, []],
      [31, { site: 'b.test', outcome: 'tls', error: 'net::ERR_CERT_COMMON_NAME_INVALID' }, AWS_USE1],
      [32, { site: 'c.test', outcome: 'tls', error: 'net::ERR_CERT_COMMON_NAME_INVALID' }, AWS_USE1],
      [33, { site: 'g.test', outcome: 'tls' }, GCP],
    ];
    const { seen } = feed(engine, steps, () => ({ up: true, dns: true }));
    expect(seen.size).toBe(0);
    expect(engine.getVerdict('a.test', sec(40)).kind).toBe('local-network');
    expect(engine.getVerdict('c.test', sec(40)).kind).toBe('local-network');
  });

  it('recognises a dead resolver: new names fail at DNS while cached and connected things work', () => {
    const engine = createInferenceEngine();
    const dnsAttr = (h: Attribution[], d: string) => [...h, at(d, null, 'dns')];
    const steps: Array<[number, LoadSpec, Attribution[]]> = [
      [0, { site: 'a.test' }, dnsAttr(AWS_USE1, 'aws')],
      [1, { site: 'g.test' }, dnsAttr(GCP, 'cloudflare')],
      [60, { site: 'n1.test', outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }, []],
      [61, { site: 'a.test' }, dnsAttr(AWS_USE1, 'aws')],
      [
        62,
        { site: 'n2.test', outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' },
        dnsAttr(AWS_USE1, 'akamai'),
      ],
      [63, { site: 'g.test', fromCache: true }, dnsAttr(GCP, 'cloudflare')],
      [64, { site: 'n3.test', outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }, dnsAttr(GCP, 'aws')],
      [
        65,
        { site: 'n4.test', outcome: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' },
        dnsAttr(AWS_USE1, 'aws'),
      ],
    ];
    const { seen } = feed(engine, steps, (t) => ({ up: true, dns: t < 60 }));
    expect(seen.size).toBe(0);
    expect(engine.getVerdict('n3.test', sec(70)).kind).toBe('local-network');
    expect(engine.getVerdict('n3.test', sec(70)).evidence.join(' ')).toContain('DNS resolver');
    expect(engine.getVerdict('a.test', sec(70)).kind).toBe('ok');
  });

  it.each([42, 7, 1234, 99, 2026, 31337, 5, 808])(
    'never raises an outage on a quiet 8-hour day with scattered failures (seed %i)',
    (firstSeed) => {
      const engine = createInferenceEngine();
      // Deterministic LCG so each day is the same on every run.
      let seed = firstSeed;
      const rand = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      const pool: Array<[string, Attribution[]]> = Array.from({ length: 40 }, (_, i) => [
        `s${i}.test`,
        [AWS_USE1, AWS_EUW1, GCP, CLOUDFLARE][i % 4] as Attribution[],
      ]);
      const steps: Array<[number, LoadSpec, Attribution[]]> = [];
      for (let t = 0; t < 8 * 3600; t += 2 + Math.floor(rand() * 20)) {
        const [site, attr] = pool[Math.floor(rand() * pool.length)] as [string, Attribution[]];
        // About 1 load in 60 fails, the way ordinary browsing does.
        const outcome =
          rand() < 1 / 60
            ? (['timeout', 'http5xx', 'connect', 'dns'] as const)[Math.floor(rand() * 4)]
            : 'ok';
        steps.push([t, { site, outcome }, attr]);
      }
      expect(steps.filter((s) => s[1].outcome !== 'ok').length).toBeGreaterThan(10);
      const { seen } = feed(engine, steps, () => ({ up: true, dns: true }));
      expect([...seen]).toEqual([]);
      expect(engine.getOutageHistory()).toEqual([]);
    },
  );
});
