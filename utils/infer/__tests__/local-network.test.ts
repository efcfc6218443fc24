import { describe, expect, it } from 'vitest';
import { createLocalNetworkDetector } from '../local-network';
import { DEFAULT_ENGINE_OPTIONS } from '../options';
import { load, sec } from './fixtures';

const make = () => createLocalNetworkDetector(DEFAULT_ENGINE_OPTIONS);

describe('local network detector', () => {
  it('opens an episode on a local outcome, starting at the first failure since the last success, and closes it on a live success', () => {
    const d = make();
    d.onLoad(load(sec(0), { site: 'a.t' }), 'aws', '?a.t');
    d.onLoad(load(sec(10), { site: 'b.t', outcome: 'timeout' }), 'gcp', '?b.t');
    d.onLoad(
      load(sec(12), { site: 'c.t', outcome: 'local', error: 'net::ERR_INTERNET_DISCONNECTED' }),
      '?c.t',
      '?c.t',
    );
    expect(d.getOpenEpisode()).toMatchObject({
      start: sec(10),
      reason: 'local',
      error: 'net::ERR_INTERNET_DISCONNECTED',
    });
    expect(d.needsProbe(sec(13))).toBe(false);
    d.onLoad(load(sec(20), { site: 'a.t', fromCache: true }), 'aws', '?a.t');
    expect(d.getOpenEpisode()).not.toBeNull();
    d.onLoad(load(sec(30), { site: 'a.t' }), 'aws', '?a.t');
    expect(d.getOpenEpisode()).toBeNull();
    expect(d.getEpisodeAt(sec(11))).toMatchObject({ start: sec(10), end: sec(30) });
    expect(d.getEpisodeAt(sec(31))).toBeNull();
  });

  it.each([
    { name: 'failures on three sites with nothing loading since', dns: false, want: true },
    { name: 'DNS failures on three names with different DNS providers', dns: true, want: true },
  ])('asks for a probe on $name', ({ dns, want }) => {
    const d = make();
    d.onLoad(load(sec(0), { site: 'ok.t' }), 'aws', 'aws');
    for (const [i, s] of ['a.t', 'b.t', 'c.t'].entries()) {
      d.onLoad(load(sec(10 + i), { site: s, outcome: dns ? 'dns' : 'timeout' }), 'aws', `dns${i}`);
      if (dns) d.onLoad(load(sec(10 + i), { site: 'ok.t' }), 'aws', 'aws');
    }
    expect(d.needsProbe(sec(13))).toBe(want);
  });

  it('does not ask when DNS failures all sit on one DNS provider while other things work', () => {
    const d = make();
    for (const [i, s] of ['a.t', 'b.t', 'c.t'].entries()) {
      d.onLoad(load(sec(10 + i), { site: s, outcome: 'dns' }), 'aws', 'akamai');
      d.onLoad(load(sec(10 + i), { site: 'ok.t' }), 'aws', 'aws');
    }
    expect(d.needsProbe(sec(13))).toBe(false);
  });

  it.each([
    { name: 'nothing reachable', up: false, dns: false, reason: 'offline' },
    { name: 'reachable but no names', up: true, dns: false, reason: 'dns' },
  ])('turns a probe with $name into a $reason episode, and a good probe ends it', ({ up, dns, reason }) => {
    const d = make();
    d.onCheck(sec(5), up, dns, { time: sec(5), reachable: up ? 3 : 0, total: 3, dnsOk: dns });
    expect(d.getOpenEpisode()).toMatchObject({ reason, reachable: up ? 3 : 0, total: 3 });
    expect(d.needsProbe(sec(20))).toBe(false);
    expect(d.needsProbe(sec(40))).toBe(true);
    d.onCheck(sec(40), true, true, { time: sec(40), reachable: 3, total: 3, dnsOk: true });
    expect(d.getOpenEpisode()).toBeNull();
  });
});
