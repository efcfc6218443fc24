import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAttributor } from '../../attribute/attribute';
import { compileRangeTable } from '../../attribute/range-table';
import { replayScenario } from '../replay';
import { parseScenario, type Scenario } from '../schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(here, 'fixtures', name), 'utf8'));
const attributor = createAttributor({
  table: compileRangeTable([
    { cidr: '3.80.0.0/12', provider: 'aws', region: 'us-east-1', service: 'ec2' },
    { cidr: '34.64.0.0/16', provider: 'gcp', region: 'asia-northeast3', service: null },
  ]),
});

describe('replayScenario', () => {
  it('passes every expectation of a small outage and measures time-to-verdict by the third site', () => {
    const { results } = replayScenario(parseScenario(readFixture('mini-outage.json')), { attributor });
    expect(results.map((r) => [r.pass, r.detail])).toEqual(results.map((r) => [true, r.detail]));
    const outage = results[2];
    expect(outage?.firstCorrectAt).toBe(70);
    expect(outage?.timeToVerdict).toBe(10);
    expect(outage?.bySite).toEqual({ count: 3, site: 'charlie-mail.example' });
  });

  it('fails expectations that do not hold and says what differed', () => {
    const { results } = replayScenario(parseScenario(readFixture('mini-outage-wrong.json')), { attributor });
    expect(results.map((r) => r.pass)).toEqual([false, false]);
    expect(results[0]?.detail).toMatch(
      /bravo-news\.example: expected site, got provider-outage aws us-east-1/,
    );
    expect(results[1]?.detail).toMatch(/never outage: aws us-east-1 was suspected at 70 s/);
  });

  it('catches a verdict that turns up between events, at the regular ticks', () => {
    const base = parseScenario(readFixture('mini-outage.json'));
    // No event between t=200 and t=700: the outage ages out at t~431 and the verdict flips to `site` quietly.
    const scenario: Scenario = {
      ...base,
      expect: [{ never: { verdict: 'site', site: 'charlie-mail.example' } }, { at: 700, outages: [] }],
    };
    const [never] = replayScenario(scenario, { attributor }).results;
    expect(never?.pass).toBe(false);
    expect(never?.detail).toMatch(/charlie-mail\.example was site at 4[34]\d s/);
  });

  it('answers the engine probes from the scenario network state', () => {
    const base = parseScenario(readFixture('mini-outage.json'));
    const events: Scenario['events'] = [
      ...base.events.filter((e) => e.t < 50),
      { t: 50, kind: 'network', up: false },
      ...['alpha-shop', 'bravo-news', 'charlie-mail', 'echo-gcp'].map((s, i): Scenario['events'][number] => ({
        t: 60 + i,
        kind: 'request',
        tabId: 9,
        url: `https://www.${s}.example/`,
        type: 'main_frame',
        error: 'net::ERR_CONNECTION_TIMED_OUT',
      })),
    ];
    const scenario: Scenario = {
      ...base,
      events,
      expect: [{ at: 70, site: 'echo-gcp.example', verdict: 'local-network' }, { never: { outage: {} } }],
    };
    const { results, timeline } = replayScenario(scenario, { attributor });
    expect(results.map((r) => r.pass)).toEqual([true, true]);
    expect(timeline).toContainEqual({ t: 62, kind: 'probe', reachable: 0, total: 3, dnsOk: false });
  });
});

describe('parseScenario', () => {
  it.each([
    { name: 'an older format', input: readFixture('not-a-scenario.json'), message: /format/ },
    {
      name: 'a request without url',
      input: {
        ...(readFixture('mini-outage.json') as object),
        events: [{ t: 1, kind: 'request', tabId: 1, type: 'main_frame' }],
      },
      message: /events\.0\.url/,
    },
    {
      name: 'a negative time',
      input: {
        ...(readFixture('mini-outage.json') as object),
        events: [{ t: -1, kind: 'network', up: true }],
      },
      message: /events\.0\.t/,
    },
    {
      name: 'an unknown verdict',
      input: {
        ...(readFixture('mini-outage.json') as object),
        expect: [{ at: 1, site: 'a', verdict: 'maybe' }],
      },
      message: /expect/,
    },
  ])('rejects $name with a clear reason', ({ input, message }) => {
    expect(() => parseScenario(input)).toThrow(message);
  });

  it('fills optional parts: settings, dns, titles and services', () => {
    const s = parseScenario({
      format: 'outage-lens-scenario/1',
      id: 'x',
      start: '2025-10-20T06:40:00Z',
      events: [{ t: 1, kind: 'status', source: 's', provider: 'aws', regions: [], state: 'outage' }],
      expect: [{ never: { outage: { provider: 'aws', region: null } } }],
    });
    expect(s.settings).toEqual({ doh: false });
    expect(s.dns).toEqual({});
    expect(s.events[0]).toMatchObject({ services: [], title: '' });
  });
});
