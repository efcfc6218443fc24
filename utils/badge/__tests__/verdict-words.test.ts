import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../infer/types';
import { getConfidenceWords, getPlaceWords, getVerdictHeadline } from '../verdict-words';

const base: Verdict = { site: 'shop.example', kind: 'unknown', confidence: 0.2, evidence: [], since: 0 };

describe('verdict words', () => {
  it.each([
    { provider: 'aws', region: 'us-east-1', expected: 'AWS us-east-1 (Northern Virginia, US)' },
    { provider: 'cloudflare', region: null, expected: 'Cloudflare' },
    { provider: 'aws', region: 'xx-nowhere-9', expected: 'AWS xx-nowhere-9' },
    { provider: 'acme', region: undefined, expected: 'acme' },
  ])('names $provider $region', ({ provider, region, expected }) => {
    expect(getPlaceWords(provider, region)).toBe(expected);
  });

  it.each([
    { confidence: 0.3, expected: 'possibly' },
    { confidence: 0.5, expected: 'likely' },
    { confidence: 0.79, expected: 'likely' },
    { confidence: 0.8, expected: 'very likely' },
  ])('says $confidence as "$expected"', ({ confidence, expected }) => {
    expect(getConfidenceWords(confidence)).toBe(expected);
  });

  it.each([
    {
      verdict: { ...base, kind: 'provider-outage', provider: 'aws', region: 'us-east-1', confidence: 0.9 },
      expected: 'Very likely an outage at AWS us-east-1 (Northern Virginia, US)',
    },
    {
      verdict: { ...base, kind: 'site', confidence: 0.6 },
      expected: 'Likely a problem with shop.example itself; other sites on its provider work',
    },
    {
      verdict: { ...base, kind: 'local-network', confidence: 0.95 },
      expected: 'Very likely your own connection, not the site',
    },
    { verdict: { ...base, kind: 'ok', confidence: 0.9 }, expected: 'shop.example is loading fine' },
    { verdict: base, expected: 'The cause is not clear yet' },
  ] as Array<{ verdict: Verdict; expected: string }>)('headlines $verdict.kind', ({ verdict, expected }) => {
    expect(getVerdictHeadline(verdict)).toBe(expected);
  });
});
