import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Outage, Verdict, VerdictKind } from '../types';
import { type OUTAGE_SOURCES, OutageSchema, type VERDICT_KINDS, VerdictSchema } from '../verdict-schema';

const OUTAGE: Outage = {
  provider: 'aws',
  region: null,
  since: 1_000,
  confidence: 0.7,
  failingSites: ['a.example'],
  healthySites: [],
  sources: ['local'],
  evidence: [],
};
const VERDICT: Verdict = { site: 'a.example', kind: 'site', confidence: 0.6, evidence: [], since: 2_000 };

describe('verdict schemas', () => {
  it('describe the Verdict and Outage types (checked by tsc)', () => {
    expectTypeOf<v.InferOutput<typeof VerdictSchema>>().toEqualTypeOf<Verdict>();
    expectTypeOf<v.InferOutput<typeof OutageSchema>>().toEqualTypeOf<Outage>();
    expectTypeOf<(typeof VERDICT_KINDS)[number]>().toEqualTypeOf<VerdictKind>();
    expectTypeOf<(typeof OUTAGE_SOURCES)[number]>().toEqualTypeOf<Outage['sources'][number]>();
  });

  it.each([
    { name: 'an outage', schema: OutageSchema, value: OUTAGE, valid: true },
    {
      name: 'an outage with a NaN start',
      schema: OutageSchema,
      value: { ...OUTAGE, since: Number.NaN },
      valid: false,
    },
    {
      name: 'an outage of an unknown source',
      schema: OutageSchema,
      value: { ...OUTAGE, sources: ['rumour'] },
      valid: false,
    },
    { name: 'a verdict', schema: VerdictSchema, value: VERDICT, valid: true },
    {
      name: 'a verdict of an unknown kind',
      schema: VerdictSchema,
      value: { ...VERDICT, kind: 'meh' },
      valid: false,
    },
    {
      name: 'a verdict without evidence',
      schema: VerdictSchema,
      value: { ...VERDICT, evidence: undefined },
      valid: false,
    },
  ])('accepts $name: $valid', ({ schema, value, valid }) => {
    expect(v.safeParse(schema, value).success).toBe(valid);
  });
});
