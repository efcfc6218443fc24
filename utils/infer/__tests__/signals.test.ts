import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../options';
import { createSignals } from '../signals';
import type { StatusItem } from '../types';
import { sec } from './fixtures';

const item = (t: number, over: Partial<StatusItem>): StatusItem => ({
  time: sec(t),
  source: 'aws-health',
  provider: 'aws',
  regions: ['us-east-1'],
  services: [],
  state: 'outage',
  title: 'x',
  ...over,
});

describe('signals', () => {
  it.each([
    {
      name: 'a regional item covers its region',
      items: [item(0, {})],
      regions: ['us-east-1'],
      want: { outage: true },
    },
    { name: 'not another region', items: [item(0, {})], regions: ['eu-west-1'], want: { outage: false } },
    {
      name: 'a provider-wide item covers every region',
      items: [item(0, { regions: [] })],
      regions: ['eu-west-1'],
      want: { outage: true },
    },
    {
      name: 'operational resolves earlier items from that source',
      items: [item(0, {}), item(5, { state: 'operational', regions: [] })],
      regions: ['us-east-1'],
      want: { outage: false },
    },
    {
      name: 'but not items from another source',
      items: [item(0, {}), item(5, { state: 'operational', source: 'other' })],
      regions: ['us-east-1'],
      want: { outage: true },
    },
    {
      name: 'degraded is not an outage',
      items: [item(0, { state: 'degraded' })],
      regions: ['us-east-1'],
      want: { outage: false, degraded: true },
    },
  ])('$name', ({ items, regions, want }) => {
    const s = createSignals(DEFAULT_ENGINE_OPTIONS);
    for (const i of items) s.addStatus(i);
    expect(s.getSupport('aws', regions, sec(10))).toMatchObject(want);
  });

  it.each([
    { reports: 420, baseline: 3, spike: true, quiet: false },
    { reports: 15, baseline: 0, spike: false, quiet: false },
    { reports: 4, baseline: 3, spike: false, quiet: true },
  ])('crowd $reports over baseline $baseline: spike $spike', ({ reports, baseline, spike, quiet }) => {
    const s = createSignals(DEFAULT_ENGINE_OPTIONS);
    s.addCrowd({ time: sec(0), provider: 'aws', region: 'us-east-1', reports, baseline });
    expect(s.getSupport('aws', ['us-east-1'], sec(10))).toMatchObject({ spike, quiet });
    expect(
      s.getSupport('aws', ['us-east-1'], sec(0) + DEFAULT_ENGINE_OPTIONS.crowdTtlMs + 1).crowd,
    ).toBeNull();
  });
});
