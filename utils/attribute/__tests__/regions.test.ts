import { describe, expect, it } from 'vitest';
import { VERCEL_AWS_REGIONS } from '../dependencies';
import {
  EDGE_METROS,
  getMetroForEdgeCode,
  getRegion,
  getRegionsInMetro,
  isSameMetro,
  METROS,
  REGIONS,
} from '../regions';

describe('regions', () => {
  it.each([
    ['aws', 'us-east-1', 'virginia'],
    ['gcp', 'us-east4', 'virginia'],
    ['azure', 'eastus', 'virginia'],
    ['oracle', 'us-ashburn-1', 'virginia'],
    ['aws', 'eu-west-1', 'dublin'],
    ['gcp', 'europe-west3', 'frankfurt'],
    ['digitalocean', 'nyc3', 'new-york'],
    ['linode', 'us-iad', 'virginia'],
  ])('%s %s is in %s', (provider, region, metro) => {
    expect(getRegion(provider, region)).toMatchObject({ metro, location: METROS[metro] });
  });

  it.each([
    ['aws', 'us-east-1', 'azure', 'eastus', true],
    ['aws', 'us-east-1', 'gcp', 'us-east4', true],
    ['aws', 'us-east-1', 'aws', 'us-east-2', false],
    ['aws', 'eu-central-1', 'gcp', 'europe-west3', true],
    ['aws', 'us-east-1', 'azure', 'nowhere', false],
  ])('isSameMetro(%s %s, %s %s) = %s', (pa, ra, pb, rb, same) => {
    expect(isSameMetro(pa, ra, pb, rb)).toBe(same);
  });

  it.each([
    ['IAD', 'virginia'],
    ['FRA56-P5', 'frankfurt'],
    ['iad1', 'virginia'],
    ['sjc', 'san-jose'],
    ['ZZZ', null],
  ])('edge %s → %s', (code, metro) => {
    expect(getMetroForEdgeCode(code)).toBe(metro);
  });

  it('puts edge IAD in the AWS us-east-1 neighbourhood', () => {
    expect(getRegionsInMetro('aws', getMetroForEdgeCode('IAD')!)).toEqual(['us-east-1']);
  });

  it('knows the metro of every region, edge and Vercel-mapped AWS region it lists', () => {
    for (const regions of Object.values(REGIONS))
      for (const m of Object.values(regions)) expect(METROS[m], m).toBeDefined();
    for (const m of Object.values(EDGE_METROS)) expect(METROS[m], m).toBeDefined();
    for (const [vercel, aws] of Object.entries(VERCEL_AWS_REGIONS)) {
      expect(isSameMetro('vercel', vercel, 'aws', aws), `${vercel} ${aws}`).toBe(true);
    }
  });
});
