import { describe, expect, it } from 'vitest';
import { createAttributor } from '../../attribute/attribute';
import { compileRangeTable } from '../../attribute/range-table';
import type { Attribution } from '../../attribute/types';
import { createInferenceEngine } from '../../infer/engine';
import type { LoadEvent, RawRequest } from '../../observe/types';
import { createPipeline, type DnsAnswers } from '../pipeline';

const T0 = Date.parse('2025-10-20T06:40:00Z');
const attributor = createAttributor({
  table: compileRangeTable([{ cidr: '3.80.0.0/12', provider: 'aws', region: 'us-east-1', service: 'ec2' }]),
});

function setup(dnsAnswers?: DnsAnswers) {
  const engine = createInferenceEngine();
  const seen: Array<{ ev: LoadEvent; attributions: readonly Attribution[] }> = [];
  const pipeline = createPipeline({
    attributor,
    engine,
    dedupeWindowMs: 2_000,
    onAttributed: (ev, attributions) => seen.push({ ev, attributions }),
    ...(dnsAnswers ? { dnsAnswers } : {}),
  });
  return { engine, pipeline, seen };
}

const raw = (s: number, over: Partial<RawRequest>): RawRequest => ({
  time: T0 + s * 1000,
  tabId: 1,
  url: 'https://www.shop.test/',
  type: 'main_frame',
  ...over,
});

describe('createPipeline', () => {
  it('gives subresources the page site of their tab, so first-party api failures count for the page', () => {
    const { pipeline, engine } = setup();
    pipeline.onRawRequest(raw(0, { ip: '3.82.1.1', statusCode: 200 }));
    const api = pipeline.onRawRequest(
      raw(1, {
        url: 'https://api.shop.test/v1/cart',
        type: 'xmlhttprequest',
        ip: '3.82.1.2',
        statusCode: 503,
      }),
    );
    expect(api?.pageSite).toBe('shop.test');
    expect(engine.getVerdict('shop.test', T0 + 2000).kind).not.toBe('ok');
  });

  it('drops a repeat of the same failure within the dedupe window and keeps a later one', () => {
    const { pipeline } = setup();
    const fail = { error: 'net::ERR_CONNECTION_TIMED_OUT' };
    expect(pipeline.onRawRequest(raw(0, fail))).not.toBeNull();
    expect(pipeline.onRawRequest(raw(1, fail))).toBeNull();
    expect(pipeline.onRawRequest(raw(5, fail))).not.toBeNull();
  });

  it('places a host that now fails before connecting by what it was when it last answered', () => {
    const { pipeline, seen } = setup();
    pipeline.onRawRequest(raw(0, { ip: '3.82.1.1', statusCode: 200 }));
    pipeline.onRawRequest(raw(10, { error: 'net::ERR_CONNECTION_TIMED_OUT' }));
    expect(seen[1]?.attributions.map((a) => `${a.provider} ${a.region}`)).toEqual(['aws us-east-1']);
  });

  it('uses DNS answers only when given, and never attributes the user network or aborts', () => {
    const ns = { 'www.shop.test': { ns: ['a1-64.akam.net'] } } as Record<string, { ns: string[] }>;
    const withDoh = setup((host) => ns[host]);
    withDoh.pipeline.onRawRequest(raw(0, { ip: '3.82.1.1', statusCode: 200 }));
    expect(withDoh.seen[0]?.attributions.map((a) => a.role)).toEqual(['hosting', 'dns']);
    const without = setup();
    without.pipeline.onRawRequest(raw(0, { ip: '3.82.1.1', statusCode: 200 }));
    expect(without.seen[0]?.attributions.map((a) => a.role)).toEqual(['hosting']);
    without.pipeline.onRawRequest(raw(3, { error: 'net::ERR_INTERNET_DISCONNECTED' }));
    without.pipeline.onRawRequest(raw(6, { url: 'https://www.shop.test/x', error: 'net::ERR_ABORTED' }));
    expect(without.seen.slice(1).map((s) => [s.ev.outcome, s.attributions.length])).toEqual([
      ['local', 0],
      ['ignored', 0],
    ]);
  });

  it.each([
    { name: 'an unparseable url', over: { url: 'not a url' } },
    { name: 'a background request (tab -1)', over: { tabId: -1 } },
    { name: 'an extension page', over: { url: 'chrome-extension://abc/popup.html' } },
  ])('ignores $name', ({ over }) => {
    const { pipeline, seen } = setup();
    expect(pipeline.onRawRequest(raw(0, over))).toBeNull();
    expect(seen).toEqual([]);
  });
});

describe('attribution reuse', () => {
  it('asks the attributor again only when the host, address, headers or DNS answers change', () => {
    let calls = 0;
    const counting = {
      attribute: (obs: Parameters<typeof attributor.attribute>[0]) => {
        calls++;
        return attributor.attribute(obs);
      },
    };
    const pipeline = createPipeline({
      attributor: counting,
      engine: createInferenceEngine(),
      dedupeWindowMs: 2_000,
    });
    const r = (s: number, over: Partial<RawRequest>) =>
      pipeline.onRawRequest(raw(s, { ip: '3.82.1.1', statusCode: 200, ...over }));
    r(0, {});
    r(10, { url: 'https://www.shop.test/a' });
    r(20, { url: 'https://www.shop.test/b', headers: { server: 'awselb/2.0' } });
    r(30, { url: 'https://www.shop.test/c', ip: '3.82.1.2' });
    r(40, { url: 'https://www.shop.test/d', ip: '3.82.1.2' });
    expect(calls).toBe(3);
  });
});

describe('setAttributor', () => {
  it('answers with the new attributor at once and keeps the dedupe window and the tabs pages', () => {
    const { pipeline, seen } = setup();
    const fail = { ip: '3.82.1.1', statusCode: 503 };
    pipeline.onRawRequest(raw(0, fail));
    expect(seen.at(-1)?.attributions.map((a) => a.provider)).toEqual(['aws']);

    pipeline.setAttributor(
      createAttributor({
        userMappings: [
          { match: 'shop.test', provider: 'corp', region: 'hq', service: null, role: 'hosting' },
        ],
      }),
    );
    // Same (tab, url, outcome) 1 s later: still a duplicate, so the dedupe window survived the swap.
    expect(pipeline.onRawRequest(raw(1, fail))).toBeNull();
    // Same host, address and headers as before: the cached aws answer must not be reused.
    pipeline.onRawRequest(raw(5, fail));
    expect(seen.at(-1)?.attributions[0]?.provider).toBe('corp');
    // The tab's page is still known for its subresources.
    const api = pipeline.onRawRequest(
      raw(6, { url: 'https://api.shop.test/v1', type: 'xmlhttprequest', ...fail }),
    );
    expect(api?.pageSite).toBe('shop.test');
  });
});
