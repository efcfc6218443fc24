/** Every region the real provider feeds name has a metro (the feeds are read at test time, not listed here). */
import { describe, expect, it } from 'vitest';
import { parseFeeds } from '../feeds';
import { getRegion } from '../regions';
import { readAllRealFeeds } from './helpers/real-feeds';

function getFeedRegions(): Map<string, Set<string>> {
  const { prefixes } = parseFeeds(readAllRealFeeds());
  const byProvider = new Map<string, Set<string>>();
  for (const { provider, region } of prefixes) {
    if (region === null) continue;
    const regions = byProvider.get(provider) ?? new Set<string>();
    regions.add(region);
    byProvider.set(provider, regions);
  }
  return byProvider;
}

describe('regions over the real feeds', () => {
  const feedRegions = getFeedRegions();

  it('reads regions from every feed that has them', () => {
    expect([...feedRegions.keys()].sort()).toEqual(
      ['aws', 'azure', 'digitalocean', 'gcp', 'linode', 'oracle', 'vultr'].sort(),
    );
  });

  it.each([...feedRegions.keys()])('places every %s region of the feed in a metro', (provider) => {
    const regions = [...(feedRegions.get(provider) ?? [])];
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.filter((region) => getRegion(provider, region) === null)).toEqual([]);
  });
});
