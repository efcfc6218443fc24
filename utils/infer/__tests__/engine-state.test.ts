import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../attribute/types';
import { OUTCOMES } from '../../observe/outcome';
import type { LoadEvent } from '../../observe/types';
import { createInferenceEngine, type InferenceEngine, restoreEngine } from '../engine';
import { AWS_EUW1, AWS_USE1, CLOUDFLARE, GCP, load, sec } from './fixtures';

type Item = [LoadEvent, Attribution[]];

/** Five AWS us-east-1 sites load, then three fail repeatedly from t=60 to t=200, then recover from t=300. */
function outageDay(): Item[] {
  const items: Item[] = [];
  const sites = ['a.test', 'b.test', 'c.test', 'd.test', 'e.test'];
  sites.forEach((s, i) => {
    items.push([load(sec(i), { site: s }), AWS_USE1]);
  });
  items.push([load(sec(6), { site: 'g.test' }), GCP]);
  for (let t = 60; t <= 200; t += 20) {
    for (const [i, s] of ['a.test', 'b.test', 'c.test'].entries()) {
      items.push([load(sec(t + i), { site: s, outcome: 'http5xx' }), AWS_USE1]);
    }
    items.push([load(sec(t + 5), { site: 'd.test' }), AWS_USE1]);
    items.push([load(sec(t + 6), { site: 'g.test' }), GCP]);
  }
  for (let t = 300; t <= 340; t += 10) {
    for (const [i, s] of ['a.test', 'b.test', 'c.test'].entries())
      items.push([load(sec(t + i), { site: s }), AWS_USE1]);
  }
  return items;
}

function feed(engine: InferenceEngine, items: readonly Item[]): void {
  for (const [ev, attr] of items) {
    engine.addLoad(ev, attr);
    if (engine.needsProbe(ev.time))
      engine.setProbeResult({ time: ev.time, reachable: 3, total: 3, dnsOk: true });
  }
}

describe('engine state', () => {
  it('clears an outage when its sites recover and keeps since, end and duration in history', () => {
    const engine = createInferenceEngine();
    const items = outageDay();
    feed(
      engine,
      items.filter(([ev]) => ev.time <= sec(200)),
    );
    const [live] = engine.getOutages(sec(201));
    expect(live).toMatchObject({
      provider: 'aws',
      region: 'us-east-1',
      failingSites: ['a.test', 'b.test', 'c.test'],
    });
    expect(live?.since).toBe(sec(60));
    feed(
      engine,
      items.filter(([ev]) => ev.time > sec(200)),
    );
    expect(engine.getOutages(sec(400))).toEqual([]);
    const [past] = engine.getOutageHistory();
    expect(past?.since).toBe(sec(60));
    expect(past?.end).toBeGreaterThan(sec(300));
    expect(past?.end).toBeLessThanOrEqual(sec(400));
    expect(past?.durationMs).toBe((past?.end ?? 0) - sec(60));
    expect(engine.getVerdict('a.test', sec(400)).kind).toBe('ok');
  });

  it('yields the same verdicts after snapshot and restore in the middle of an outage', () => {
    const items = outageDay();
    const cut = items.findIndex(([ev]) => ev.time > sec(130));
    const original = createInferenceEngine();
    feed(original, items.slice(0, cut));
    const json = JSON.parse(JSON.stringify(original.snapshot()));
    const restored = restoreEngine(json);
    expect(restored.getVerdicts(sec(131))).toEqual(original.getVerdicts(sec(131)));
    feed(original, items.slice(cut));
    feed(restored, items.slice(cut));
    for (const t of [210, 260, 305, 400]) {
      expect(restored.getVerdicts(sec(t))).toEqual(original.getVerdicts(sec(t)));
      expect(restored.getOutages(sec(t))).toEqual(original.getOutages(sec(t)));
    }
    expect(restored.getOutageHistory()).toEqual(original.getOutageHistory());
  });

  it('is deterministic: the same input gives the same output and the same snapshot', () => {
    const run = () => {
      const e = createInferenceEngine();
      feed(e, outageDay());
      return { verdicts: e.getVerdicts(sec(250)), outages: e.getOutages(sec(250)), snap: e.snapshot() };
    };
    expect(run()).toEqual(run());
  });

  it.each([
    { name: 'another format', input: { format: 'something-else', version: 1 }, message: /format/ },
    { name: 'a newer version', input: { format: 'outage-lens-engine', version: 2 }, message: /version 2/ },
    {
      name: 'a broken body',
      input: { ...createInferenceEngine().snapshot(), windows: { keys: 'x' } },
      message: /windows\.keys/,
    },
    { name: 'not an object', input: 'nope', message: /engine snapshot/ },
  ])('refuses to restore $name with a clear message', ({ input, message }) => {
    expect(() => restoreEngine(input)).toThrow(message);
  });

  it('never throws and keeps its answers in range on arbitrary event sequences', () => {
    const outcome = fc.constantFrom(...OUTCOMES);
    const attr = fc.constantFrom(AWS_USE1, AWS_EUW1, GCP, CLOUDFLARE, [] as Attribution[]);
    const type = fc.constantFrom('main_frame', 'xmlhttprequest', 'script', 'image' as const);
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('load' as const),
        dt: fc.nat(120),
        site: fc.constantFrom('a.t', 'b.t', 'c.t', 'd.t', 'e.t'),
        outcome,
        attr,
        type,
      }),
      fc.record({
        kind: fc.constant('status' as const),
        dt: fc.nat(120),
        state: fc.constantFrom('operational', 'degraded', 'outage' as const),
      }),
      fc.record({
        kind: fc.constant('crowd' as const),
        dt: fc.nat(120),
        reports: fc.nat(1000),
        baseline: fc.nat(50),
      }),
      fc.record({
        kind: fc.constant('probe' as const),
        dt: fc.nat(120),
        reachable: fc.nat(3),
        dnsOk: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const engine = createInferenceEngine();
        let t = 0;
        for (const s of steps) {
          t += s.dt;
          const time = sec(t);
          if (s.kind === 'load')
            engine.addLoad(load(time, { site: s.site, outcome: s.outcome, type: s.type }), s.attr);
          else if (s.kind === 'status') {
            engine.addStatus({
              time,
              source: 'x',
              provider: 'aws',
              regions: ['us-east-1'],
              services: [],
              state: s.state,
              title: 't',
            });
          } else if (s.kind === 'crowd')
            engine.addCrowd({
              time,
              provider: 'gcp',
              region: null,
              reports: s.reports,
              baseline: s.baseline,
            });
          else engine.setProbeResult({ time, reachable: s.reachable, total: 3, dnsOk: s.dnsOk });
          engine.needsProbe(time);
        }
        for (const v of engine.getVerdicts(sec(t + 1))) {
          expect(v.confidence).toBeGreaterThanOrEqual(0);
          expect(v.confidence).toBeLessThanOrEqual(1);
          expect(v.evidence.length).toBeGreaterThan(0);
        }
        for (const o of engine.getOutages(sec(t + 1))) expect(o.failingSites.length).toBeGreaterThan(0);
        restoreEngine(JSON.parse(JSON.stringify(engine.snapshot())));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('counts the same whatever unrelated sites are called (renaming sites changes no count)', () => {
    const names = ['alpha.test', 'bravo.test', 'charlie.test', 'delta.test', 'echo.test', 'golf.test'];
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: 6, maxLength: 6 }), (renamed) => {
        const rename = new Map(
          ['a.test', 'b.test', 'c.test', 'd.test', 'e.test', 'g.test'].map((s, i) => [
            s,
            renamed[i] as string,
          ]),
        );
        const base = createInferenceEngine();
        const other = createInferenceEngine();
        feed(base, outageDay());
        feed(
          other,
          outageDay().map(
            ([ev, a]): Item => [
              { ...ev, site: rename.get(ev.site) ?? ev.site, pageSite: rename.get(ev.site) ?? ev.site },
              a,
            ],
          ),
        );
        const summary = (e: InferenceEngine) => {
          const kinds = e
            .getVerdicts(sec(150))
            .map((v) => v.kind)
            .sort();
          const outages = e
            .getOutages(sec(150))
            .map((o) => [o.provider, o.region, o.failingSites.length, o.healthySites.length, o.confidence]);
          return { kinds, outages };
        };
        expect(summary(other)).toEqual(summary(base));
      }),
      { numRuns: 30 },
    );
  });
});
