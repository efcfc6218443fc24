import { describe, expect, it } from 'vitest';
import type { CatalogIndex, CatalogService } from '../../attribute/service-catalog';
import type { Attribution } from '../../attribute/types';
import type { HostRecord } from '../../store/records';
import { getAffectedServices } from '../affected-services';

function at(provider: string, region: string | null, role: Attribution['role'] = 'hosting'): Attribution {
  return { provider, region, service: null, role, confidence: 1, evidence: [] };
}

function host(name: string, updatedAt: number, attributions: Attribution[]): HostRecord {
  const site = name.split('.').slice(-2).join('.');
  return {
    version: 1,
    host: name,
    site,
    ips: [],
    lastOk: updatedAt,
    lastFailure: null,
    lastOutcome: 'ok',
    lastOutcomeAt: updatedAt,
    attributions,
    updatedAt,
  };
}

function service(name: string, provider: string, region: string | null): CatalogService {
  return {
    id: name.toLowerCase(),
    name,
    domains: [],
    dependencies: [
      { provider, region, role: 'hosting', confidence: 0.6, basis: 'public_source', source: '' },
    ],
  };
}

const catalog: CatalogIndex = {
  services: [
    service('Unknown Region Co', 'aws', null),
    service('East Co', 'aws', 'us-east-1'),
    service('West Co', 'aws', 'us-west-2'),
    service('Other Cloud Co', 'gcp', null),
  ],
  getServiceForHost: () => null,
};

const hosts = [
  host('www.old.example', 10, [at('aws', 'us-east-1')]),
  host('api.new.example', 30, [at('aws', 'us-east-1')]),
  host('cdn.new.example', 20, [at('aws', 'us-east-1', 'cdn')]),
  host('www.west.example', 40, [at('aws', 'us-west-2')]),
  host('ns.example', 50, [at('aws', 'us-east-1', 'dns')]),
  host('www.mine.example', 60, [at('aws', 'us-east-1')]),
];

describe('getAffectedServices', () => {
  it('lists your sites on the place (newest first, no DNS-only, not the current site) and catalog services', () => {
    expect(
      getAffectedServices({
        provider: 'aws',
        region: 'us-east-1',
        hosts,
        catalog,
        exceptSite: 'mine.example',
      }),
    ).toEqual({
      yours: ['new.example', 'old.example'],
      wellKnown: [
        { name: 'East Co', region: 'us-east-1' },
        { name: 'Unknown Region Co', region: null },
      ],
    });
  });

  it('takes every region for a provider-wide outage', () => {
    const result = getAffectedServices({ provider: 'aws', region: null, hosts, catalog, max: 3 });
    expect(result.yours).toEqual(['mine.example', 'west.example', 'new.example']);
    expect(result.wellKnown.map((s) => s.name)).toEqual(['Unknown Region Co', 'East Co', 'West Co']);
  });

  it('works without a catalog or host profiles', () => {
    expect(getAffectedServices({ provider: 'azure', region: null, hosts: [], catalog: null })).toEqual({
      yours: [],
      wellKnown: [],
    });
  });
});
