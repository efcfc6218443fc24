import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../utils/attribute/types';
import { formatAttributionLine, toPrintedAttribution } from '../lib/attribution-output';

const base: Attribution = {
  provider: 'cloudflare',
  region: null,
  service: 'cdn',
  role: 'cdn',
  confidence: 0.75,
  evidence: ['header cf-ray: 8a1b2c3d4e5f6a7b-IAD → Cloudflare (edge IAD)'],
};

describe('attribution output', () => {
  it.each<[string, Attribution, string[]]>([
    ['an edge the evidence already names', { ...base, edge: 'IAD' }, base.evidence],
    ['an edge no evidence names', { ...base, edge: 'FRA' }, [...base.evidence, 'edge FRA']],
    ['no edge', base, base.evidence],
  ])('prints six keys for %s', (_, attribution, evidence) => {
    const printed = toPrintedAttribution(attribution);
    expect(Object.keys(printed)).toEqual(['provider', 'region', 'service', 'role', 'confidence', 'evidence']);
    expect(printed.evidence).toEqual(evidence);
  });

  it('leaves the attribution it was given unchanged', () => {
    const attribution = { ...base, edge: 'FRA', evidence: [...base.evidence] };
    toPrintedAttribution(attribution);
    expect(attribution.evidence).toEqual(base.evidence);
  });

  it('formats one JSON line per target', () => {
    expect(JSON.parse(formatAttributionLine('x.example', [{ ...base, edge: 'IAD' }]))).toEqual({
      target: 'x.example',
      attributions: [{ ...base }],
    });
    expect(formatAttributionLine('nothing.example', [])).toBe(
      '{"target":"nothing.example","attributions":[]}',
    );
  });
});
