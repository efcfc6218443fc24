import { describe, expect, it } from 'vitest';
import { DEPENDENCY_EDGES, VERCEL_AWS_REGIONS } from '../dependencies';
import { NAME_RULES } from '../name-rules';
import {
  EDGE_METROS,
  getCanonicalRegion,
  getMetroForEdgeCode,
  getRegion,
  getRegionsInMetro,
  getRegionsNearEdge,
  isSameMetro,
  METROS,
  REGION_ALIASES,
  REGIONS,
} from '../regions';

type Place = readonly [provider: string, region: string];

// Edge code → provider regions that the providers document in that edge's metro.
const SAME_METRO: ReadonlyArray<readonly [string, readonly Place[]]> = [
  [
    'IAD',
    [
      ['aws', 'us-east-1'],
      ['azure', 'eastus'],
      ['gcp', 'us-east4'],
      ['oracle', 'us-ashburn-1'],
      ['linode', 'us-iad'],
      ['vercel', 'iad1'],
      ['fly', 'iad'],
      ['heroku', 'us'],
    ],
  ],
  [
    'SJC',
    [
      ['aws', 'us-west-1'],
      ['azure', 'westus'],
      ['oracle', 'us-sanjose-1'],
      ['digitalocean', 'sfo3'],
      ['linode', 'us-west'],
      ['vultr', 'sjc'],
      ['vercel', 'sfo1'],
    ],
  ],
  ['SFO', [['aws', 'us-west-1']]],
  [
    'FRA',
    [
      ['aws', 'eu-central-1'],
      ['azure', 'germanywestcentral'],
      ['azure', 'germanywc'],
      ['gcp', 'europe-west3'],
      ['oracle', 'eu-frankfurt-1'],
      ['digitalocean', 'fra1'],
      ['vultr', 'fra'],
    ],
  ],
  [
    'NRT',
    [
      ['aws', 'ap-northeast-1'],
      ['azure', 'japaneast'],
      ['gcp', 'asia-northeast1'],
      ['oracle', 'ap-tokyo-1'],
      ['vultr', 'nrt'],
    ],
  ],
  [
    'HND',
    [
      ['aws', 'ap-northeast-1'],
      ['vercel', 'hnd1'],
    ],
  ],
  [
    'LHR',
    [
      ['aws', 'eu-west-2'],
      ['azure', 'uksouth'],
      ['gcp', 'europe-west2'],
      ['oracle', 'uk-london-1'],
      ['digitalocean', 'lon1'],
      ['linode', 'eu-west'],
    ],
  ],
  [
    'DUB',
    [
      ['aws', 'eu-west-1'],
      ['azure', 'northeurope'],
      ['vercel', 'dub1'],
      ['heroku', 'eu'],
    ],
  ],
  [
    'CDG',
    [
      ['aws', 'eu-west-3'],
      ['azure', 'francecentral'],
      ['azure', 'centralfrance'],
      ['gcp', 'europe-west9'],
      ['oracle', 'eu-paris-1'],
    ],
  ],
  [
    'AMS',
    [
      ['azure', 'westeurope'],
      ['oracle', 'eu-amsterdam-1'],
      ['digitalocean', 'ams3'],
      ['linode', 'nl-ams'],
      ['railway', 'europe-west4'],
    ],
  ],
  [
    'SIN',
    [
      ['aws', 'ap-southeast-1'],
      ['azure', 'southeastasia'],
      ['gcp', 'asia-southeast1'],
      ['oracle', 'ap-singapore-2'],
      ['digitalocean', 'sgp1'],
    ],
  ],
  [
    'SYD',
    [
      ['aws', 'ap-southeast-2'],
      ['azure', 'australiaeast'],
      ['gcp', 'australia-southeast1'],
      ['oracle', 'ap-sydney-1'],
    ],
  ],
  [
    'MEL',
    [
      ['aws', 'ap-southeast-4'],
      ['azure', 'australiasoutheast'],
      ['gcp', 'australia-southeast2'],
      ['oracle', 'ap-melbourne-1'],
    ],
  ],
  [
    'GRU',
    [
      ['aws', 'sa-east-1'],
      ['azure', 'brazilsouth'],
      ['gcp', 'southamerica-east1'],
      ['oracle', 'sa-saopaulo-1'],
    ],
  ],
  [
    'BOM',
    [
      ['aws', 'ap-south-1'],
      ['azure', 'westindia'],
      ['gcp', 'asia-south1'],
      ['oracle', 'ap-mumbai-1'],
    ],
  ],
  [
    'ICN',
    [
      ['aws', 'ap-northeast-2'],
      ['azure', 'koreacentral'],
      ['gcp', 'asia-northeast3'],
      ['oracle', 'ap-seoul-1'],
    ],
  ],
  [
    'KIX',
    [
      ['aws', 'ap-northeast-3'],
      ['azure', 'japanwest'],
      ['gcp', 'asia-northeast2'],
      ['oracle', 'ap-osaka-1'],
    ],
  ],
  [
    'HKG',
    [
      ['aws', 'ap-east-1'],
      ['azure', 'eastasia'],
      ['gcp', 'asia-east2'],
    ],
  ],
  [
    'ARN',
    [
      ['aws', 'eu-north-1'],
      ['gcp', 'europe-north2'],
      ['oracle', 'eu-stockholm-1'],
      ['vercel', 'arn1'],
    ],
  ],
  [
    'ZRH',
    [
      ['aws', 'eu-central-2'],
      ['azure', 'switzerlandn'],
      ['gcp', 'europe-west6'],
      ['oracle', 'eu-zurich-1'],
    ],
  ],
  [
    'MXP',
    [
      ['aws', 'eu-south-1'],
      ['azure', 'italynorth'],
      ['gcp', 'europe-west8'],
      ['oracle', 'eu-milan-1'],
    ],
  ],
  [
    'MAD',
    [
      ['azure', 'spaincentral'],
      ['gcp', 'europe-southwest1'],
      ['oracle', 'eu-madrid-1'],
    ],
  ],
  [
    'YYZ',
    [
      ['azure', 'canadacentral'],
      ['gcp', 'northamerica-northeast2'],
      ['oracle', 'ca-toronto-1'],
    ],
  ],
  [
    'YUL',
    [
      ['aws', 'ca-central-1'],
      ['gcp', 'northamerica-northeast1'],
      ['oracle', 'ca-montreal-1'],
      ['vercel', 'yul1'],
    ],
  ],
  [
    'CMH',
    [
      ['aws', 'us-east-2'],
      ['aws', 'us-gov-east-1'],
      ['gcp', 'us-east5'],
      ['vercel', 'cle1'],
    ],
  ],
  [
    'PDX',
    [
      ['aws', 'us-west-2'],
      ['aws', 'us-gov-west-1'],
      ['gcp', 'us-west1'],
      ['oracle', 'us-boardman-1'],
    ],
  ],
  [
    'PHX',
    [
      ['azure', 'westus3'],
      ['gcp', 'us-west8'],
      ['oracle', 'us-phoenix-1'],
    ],
  ],
  [
    'DFW',
    [
      ['gcp', 'us-south1'],
      ['oracle', 'us-dallas-1'],
      ['linode', 'us-central'],
    ],
  ],
  [
    'QRO',
    [
      ['aws', 'mx-central-1'],
      ['azure', 'mexicocentral'],
      ['gcp', 'northamerica-south1'],
      ['oracle', 'mx-queretaro-1'],
      ['vultr', 'mex'],
    ],
  ],
  [
    'TLV',
    [
      ['aws', 'il-central-1'],
      ['azure', 'israelcentral'],
      ['gcp', 'me-west1'],
    ],
  ],
  [
    'JNB',
    [
      ['azure', 'southafricanorth'],
      ['gcp', 'africa-south1'],
      ['oracle', 'af-johannesburg-1'],
    ],
  ],
  [
    'SCL',
    [
      ['azure', 'chilec'],
      ['gcp', 'southamerica-west1'],
      ['oracle', 'sa-santiago-1'],
    ],
  ],
  [
    'BER',
    [
      ['aws', 'eusc-de-east-1'],
      ['azure', 'germanyn'],
      ['gcp', 'europe-west10'],
    ],
  ],
  [
    'DXB',
    [
      ['azure', 'uaenorth'],
      ['oracle', 'me-dubai-1'],
    ],
  ],
  [
    'CWL',
    [
      ['azure', 'ukwest'],
      ['oracle', 'uk-cardiff-1'],
    ],
  ],
];

// Regions close to each other but in distinct data-centre areas.
const DISTINCT: ReadonlyArray<readonly [Place, Place]> = [
  [
    ['aws', 'us-west-2'],
    ['azure', 'westus2'],
  ],
  [
    ['azure', 'westus2'],
    ['linode', 'us-sea'],
  ],
  [
    ['aws', 'eu-south-2'],
    ['gcp', 'europe-southwest1'],
  ],
  [
    ['azure', 'centralus'],
    ['gcp', 'us-central1'],
  ],
  [
    ['azure', 'canadaeast'],
    ['aws', 'ca-central-1'],
  ],
  [
    ['azure', 'centralindia'],
    ['aws', 'ap-south-1'],
  ],
  [
    ['gcp', 'europe-west4'],
    ['azure', 'westeurope'],
  ],
  [
    ['azure', 'swedencentral'],
    ['aws', 'eu-north-1'],
  ],
  [
    ['oracle', 'ap-chuncheon-1'],
    ['aws', 'ap-northeast-2'],
  ],
  [
    ['oracle', 'il-jerusalem-1'],
    ['aws', 'il-central-1'],
  ],
  [
    ['gcp', 'asia-east1'],
    ['aws', 'ap-east-2'],
  ],
  [
    ['aws', 'us-east-1'],
    ['aws', 'us-east-2'],
  ],
  [
    ['azure', 'southeastus'],
    ['azure', 'southeastus3'],
  ],
  [
    ['aws', 'us-east-1'],
    ['azure', 'nowhere'],
  ],
];

// Metros that host a cloud region but have no airport code close enough to count (or, for `uae`, no one city).
const NO_AIRPORT = new Set([
  'quincy',
  'alabama',
  'belgium',
  'finland',
  'valparaiso',
  'kragujevac',
  'jerusalem',
  'chuncheon',
  'uae',
]);

describe('regions', () => {
  it.each(SAME_METRO)('edge %s shares its metro with %j', (edge, places) => {
    const metro = getMetroForEdgeCode(edge);
    expect(metro).not.toBeNull();
    for (const [provider, region] of places) {
      expect(getRegion(provider, region)?.metro, `${provider} ${region}`).toBe(metro);
      expect(getRegionsNearEdge(edge)).toContainEqual({
        provider,
        region: getCanonicalRegion(provider, region),
      });
    }
  });

  it.each(DISTINCT)('%j and %j are different metros', ([pa, ra], [pb, rb]) => {
    expect(isSameMetro(pa, ra, pb, rb)).toBe(false);
  });

  it.each([
    ['aws', 'us-east-1', 'Northern Virginia, US'],
    ['azure', 'germanywc', 'Frankfurt, DE'],
    ['gcp', 'us-central1', 'Council Bluffs, Iowa, US'],
    ['aws', 'us-south-1', 'location not published'],
  ])('%s %s reads as %s', (provider, region, location) => {
    expect(getRegion(provider, region)?.location).toBe(location);
  });

  it.each([
    ['IAD', 'virginia'],
    ['FRA56-P5', 'frankfurt'],
    ['HIO52-C1', 'oregon'],
    ['iad1', 'virginia'],
    ['cle1', 'ohio'],
    ['sjc', 'bay-area'],
    ['ZZZ', null],
    ['DE1', null],
    ['', null],
  ])('edge %s → %s', (code, metro) => {
    expect(getMetroForEdgeCode(code)).toBe(metro);
  });

  it('puts edge IAD in the AWS us-east-1 neighbourhood', () => {
    expect(getRegionsInMetro('aws', getMetroForEdgeCode('IAD') ?? '')).toEqual(['us-east-1']);
  });

  it('resolves Azure Service Tag spellings to the ARM name and leaves others alone', () => {
    expect(getCanonicalRegion('azure', 'germanywc')).toBe('germanywestcentral');
    expect(getRegion('azure', 'norwaye')).toMatchObject({ region: 'norwayeast', metro: 'oslo' });
    expect(getCanonicalRegion('azure', 'eastus')).toBe('eastus');
    expect(getCanonicalRegion('aws', 'germanywc')).toBe('germanywc');
    expect(getCanonicalRegion('azure', 'constructor')).toBe('constructor');
    expect(getRegion('azure', 'toString')).toBeNull();
    for (const [provider, aliases] of Object.entries(REGION_ALIASES)) {
      for (const [alias, canonical] of Object.entries(aliases)) {
        expect(REGIONS[provider]?.[canonical], `${provider} ${alias} → ${canonical}`).toBeDefined();
        expect(REGIONS[provider]?.[alias], `${provider} ${alias} is listed twice`).toBeUndefined();
      }
    }
  });

  it('keys every edge by a three-letter upper-case code naming a known metro', () => {
    for (const [code, metro] of Object.entries(EDGE_METROS)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(METROS[metro], `${code} → ${metro}`).toBeDefined();
    }
  });

  it('knows the metro of every region and uses every metro it lists', () => {
    const used = new Set(Object.values(EDGE_METROS));
    for (const [provider, regions] of Object.entries(REGIONS)) {
      for (const [region, metro] of Object.entries(regions)) {
        expect(METROS[metro], `${provider} ${region} → ${metro}`).toBeDefined();
        used.add(metro);
      }
    }
    expect(Object.keys(METROS).filter((m) => !used.has(m))).toEqual([]);
  });

  it('gives every unplaced metro exactly one region, so it never claims a neighbour', () => {
    const counts = new Map<string, number>();
    for (const regions of Object.values(REGIONS))
      for (const m of Object.values(regions)) counts.set(m, (counts.get(m) ?? 0) + 1);
    for (const metro of Object.keys(METROS).filter((m) => m.startsWith('unplaced-'))) {
      expect(counts.get(metro), metro).toBe(1);
      expect(Object.values(EDGE_METROS)).not.toContain(metro);
    }
  });

  it('has an airport code for every metro that hosts a cloud region', () => {
    const withEdge = new Set(Object.values(EDGE_METROS));
    const missing = Object.values(REGIONS)
      .flatMap((regions) => Object.values(regions))
      .filter((m) => !m.startsWith('unplaced-') && !NO_AIRPORT.has(m))
      .filter((m) => !withEdge.has(m));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('places every region the dependency graph and the Vercel table name', () => {
    for (const edge of DEPENDENCY_EDGES) {
      for (const end of [edge.from, edge.to]) {
        if (typeof end.region === 'string') {
          expect(getRegion(end.provider, end.region), `${end.provider} ${end.region}`).not.toBeNull();
        }
      }
    }
    for (const [vercel, aws] of Object.entries(VERCEL_AWS_REGIONS)) {
      expect(isSameMetro('vercel', vercel, 'aws', aws), `${vercel} ${aws}`).toBe(true);
    }
  });

  it('places every region a name rule can map a short code to', () => {
    for (const rule of NAME_RULES) {
      for (const region of [rule.region, ...Object.values(rule.regionCodes ?? {})]) {
        if (region !== undefined)
          expect(getRegion(rule.provider, region), `${rule.id} ${region}`).not.toBeNull();
      }
    }
  });
});
