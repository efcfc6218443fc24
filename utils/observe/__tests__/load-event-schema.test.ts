import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { LoadEventSchema } from '../load-event-schema';
import type { OUTCOMES } from '../outcome';
import type { RESOURCE_TYPES } from '../resource-type';
import type { LoadEvent, Outcome, ResourceType } from '../types';

describe('LoadEventSchema', () => {
  it('describes the LoadEvent type (checked by tsc)', () => {
    expectTypeOf<v.InferOutput<typeof LoadEventSchema>>().toExtend<LoadEvent>();
    expectTypeOf<(typeof OUTCOMES)[number]>().toEqualTypeOf<Outcome>();
    expectTypeOf<(typeof RESOURCE_TYPES)[number]>().toEqualTypeOf<ResourceType>();
  });

  it.each([
    [
      'a minimal event',
      { time: 1, tabId: 0, host: 'a.example', site: 'a.example', type: 'script', outcome: 'ok' },
      true,
    ],
    [
      'a full event',
      {
        time: 1,
        tabId: 2,
        host: 'a.example',
        site: 'a.example',
        type: 'main_frame',
        outcome: 'http5xx',
        status: 503,
        error: 'x',
        ip: '1.2.3.4',
        headers: { server: 'x' },
        pageSite: 'a.example',
        fromCache: false,
      },
      true,
    ],
    [
      'an unknown outcome',
      { time: 1, tabId: 0, host: 'a', site: 'a', type: 'script', outcome: 'boom' },
      false,
    ],
    ['an unknown type', { time: 1, tabId: 0, host: 'a', site: 'a', type: 'beacon', outcome: 'ok' }, false],
    [
      'an infinite time',
      { time: Number.POSITIVE_INFINITY, tabId: 0, host: 'a', site: 'a', type: 'script', outcome: 'ok' },
      false,
    ],
    [
      'a fractional tab id',
      { time: 1, tabId: 0.5, host: 'a', site: 'a', type: 'script', outcome: 'ok' },
      false,
    ],
    ['an empty host', { time: 1, tabId: 0, host: '', site: 'a', type: 'script', outcome: 'ok' }, false],
    [
      'non-string header values',
      { time: 1, tabId: 0, host: 'a', site: 'a', type: 'script', outcome: 'ok', headers: { a: 1 } },
      false,
    ],
  ] as const)('%s → valid: %s', (_name, input, valid) => {
    expect(v.safeParse(LoadEventSchema, input).success).toBe(valid);
  });
});
