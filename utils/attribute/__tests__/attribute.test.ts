import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefaultCatalogPath } from '../../../cli/lib/shared-paths';
import { createAttributor, mergeAttributions } from '../attribute';
import { compileRangeTable, loadRangeTable, serializeRangeTable } from '../range-table';
import { createCatalogIndex, parseServiceCatalog } from '../service-catalog';
import type { Attribution } from '../types';

const table = compileRangeTable([
  { cidr: '3.80.0.0/12', provider: 'aws', region: 'us-east-1', service: 'ec2', feed: 'aws-ip-ranges.json' },
  { cidr: '3.0.0.0/8', provider: 'aws', region: null, service: null, feed: 'aws-ip-ranges.json' },
  {
    cidr: '104.16.0.0/13',
    provider: 'cloudflare',
    region: null,
    service: null,
    feed: 'cloudflare-ips-v4.txt',
  },
  {
    cidr: '75.2.0.0/17',
    provider: 'aws',
    region: null,
    service: 'globalaccelerator',
    feed: 'aws-ip-ranges.json',
  },
  // Azure Front Door's edge ranges, spelled as the feed tag and lower-cased.
  { cidr: '13.107.246.0/24', provider: 'azure', region: null, service: 'AzureFrontDoor', feed: 'azure.json' },
  { cidr: '13.107.213.0/24', provider: 'azure', region: null, service: 'azurefrontdoor', feed: 'azure.json' },
  { cidr: '20.42.0.0/16', provider: 'azure', region: 'eastus', service: null, feed: 'azure.json' },
  {
    cidr: '2600:1f18::/33',
    provider: 'aws',
    region: 'us-east-1',
    service: 'ec2',
    feed: 'aws-ip-ranges.json',
  },
]);
const catalog = createCatalogIndex(
  parseServiceCatalog(JSON.parse(readFileSync(getDefaultCatalogPath(), 'utf8'))),
);

const brief = (list: Attribution[]) => list.map((a) => [a.provider, a.region, a.role]);

describe('createAttributor', () => {
  const attributor = createAttributor({ table, catalog });

  it('places an ip by the range table, with specific evidence', () => {
    const [a, ...rest] = attributor.attribute({ host: 'www.shop.example', ips: ['3.80.1.10'] });
    expect(rest).toEqual([]);
    expect(a).toEqual({
      provider: 'aws',
      region: 'us-east-1',
      service: 'ec2',
      role: 'hosting',
      confidence: 0.95,
      evidence: ['ip 3.80.1.10 is in AWS EC2 us-east-1 (3.80.0.0/12, aws-ip-ranges.json)'],
    });
  });

  it('treats an ip literal host as its own server ip', () => {
    expect(brief(attributor.attribute({ host: '2600:1f18::5' }))).toEqual([['aws', 'us-east-1', 'hosting']]);
  });

  it('combines ip, cname, nameservers and headers, strongest first', () => {
    const list = attributor.attribute({
      host: 'api.shop.example',
      ips: ['104.16.1.1'],
      cnames: ['x1.execute-api.us-east-1.amazonaws.com'],
      ns: ['ns-12.awsdns-01.org'],
      headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-IAD' },
    });
    expect(brief(list)).toEqual([
      ['cloudflare', null, 'cdn'],
      ['aws', null, 'dns'],
      ['aws', 'us-east-1', 'hosting'],
    ]);
    expect(list[0]!.edge).toBe('IAD');
    expect(list[0]!.evidence).toEqual([
      'ip 104.16.1.1 is in Cloudflare (104.16.0.0/13, cloudflare-ips-v4.txt)',
      'header cf-ray: 8a1b2c3d4e5f6a7b-IAD → Cloudflare (edge IAD)',
    ]);
  });

  it('works without a range table (names, headers, nameservers only)', () => {
    const bare = createAttributor({ table: null });
    expect(
      brief(bare.attribute({ host: 'my-lb-1.us-west-2.elb.amazonaws.com', ips: ['3.80.1.10'] })),
    ).toEqual([['aws', 'us-west-2', 'hosting']]);
    expect(bare.attribute({ host: 'unknown.example', ips: ['3.80.1.10'] })).toEqual([]);
  });

  it('trusts a generic AWS endpoint name less than a specific rule', () => {
    const bare = createAttributor({ table: null });
    const [generic] = bare.attribute({ host: 'app.example', cnames: ['dynamodb.eu-west-1.amazonaws.com'] });
    const [specific] = bare.attribute({
      host: 'app.example',
      cnames: ['abc.execute-api.eu-west-1.amazonaws.com'],
    });
    expect(generic).toMatchObject({
      provider: 'aws',
      region: 'eu-west-1',
      service: 'dynamodb',
      confidence: 0.75,
    });
    expect(specific).toMatchObject({
      provider: 'aws',
      region: 'eu-west-1',
      service: 'api-gateway',
      confidence: 0.85,
    });
    const [own] = bare.attribute({ host: 'sts.us-east-2.api.aws' });
    expect(own).toMatchObject({ region: 'us-east-2', service: 'sts', confidence: 0.7 });
    expect(own!.evidence).toEqual([
      'host name sts.us-east-2.api.aws matches aws-regional-endpoint (region us-east-2)',
    ]);
  });

  it('inherits the platform a Vercel site runs on, with lower confidence', () => {
    // No catalog here: the catalog lists vercel.app itself as the Vercel service.
    const list = createAttributor({ table }).attribute({ host: 'my-app.vercel.app' });
    expect(brief(list)).toEqual([
      ['vercel', null, 'hosting'],
      ['aws', 'us-east-1', 'platform'],
    ]);
    expect(list[1]!.confidence).toBeLessThan(list[0]!.confidence);
    expect(list[1]!.evidence[0]).toMatch(/iad1 = AWS us-east-1 .*vercel\.com/);
    expect(list[1]!.via).toBe('vercel');
  });

  it('follows the Vercel function region from x-vercel-id', () => {
    const list = attributor.attribute({
      host: 'www.site.example',
      headers: { 'x-vercel-id': 'cdg1::fra1::abc-123' },
    });
    expect(brief(list)).toEqual([
      ['vercel', 'fra1', 'hosting'],
      ['aws', 'eu-central-1', 'platform'],
    ]);
    expect(list[0]!.edge).toBe('CDG');
  });

  it('adds catalog dependencies for well-known services as platform entries', () => {
    const list = attributor.attribute({ host: 'chatgpt.com' });
    expect(list.map((a) => [a.provider, a.role, a.service])).toEqual([
      ['azure', 'platform', 'chatgpt-openai'],
      ['gcp', 'platform', 'chatgpt-openai'],
      ['cloudflare', 'platform', 'chatgpt-openai'],
    ]);
    expect(list.map((a) => a.evidence)).toEqual([
      [
        'catalog: ChatGPT / OpenAI depends on Azure for hosting (https://dgtlinfra.com/chatgpt-openai-azure-cloud/)',
      ],
      [
        'catalog: ChatGPT / OpenAI depends on Google Cloud for hosting (https://www.mexc.fm/en-TR/news/53695)',
      ],
      [
        'catalog: ChatGPT / OpenAI depends on Cloudflare for CDN (service catalog: inferred from incident, see cloudflare-2025-11-18-bot-feature-file)',
      ],
    ]);
  });

  it('folds a catalog claim into what the site is directly seen on, instead of a platform entry', () => {
    const list = attributor.attribute({ host: 'outlook.office.com', ips: ['13.107.246.10'] });
    expect(list.map((a) => [a.provider, a.region, a.role, a.via])).toEqual([
      ['azure', null, 'cdn', undefined],
    ]);
    expect(list[0]!.evidence).toEqual([
      'ip 13.107.246.10 is in Azure AzureFrontDoor (13.107.246.0/24, azure.json)',
      expect.stringMatching(/^catalog: Microsoft 365 .* depends on Azure for CDN \(service catalog: /),
    ]);
  });

  it('gives a Heroku app its platform without a Heroku-on-Heroku self-edge', () => {
    const list = attributor.attribute({ host: 'a.herokuapp.com' });
    expect(brief(list)).toEqual([
      ['heroku', null, 'hosting'],
      ['aws', null, 'platform'],
      ['aws', 'us-east-1', 'platform'],
    ]);
    expect(list[1]!.evidence).toEqual([
      expect.stringMatching(/^catalog: Heroku depends on AWS for hosting \(https:\/\//),
    ]);
    expect(list[0]!.evidence).toEqual(['host name a.herokuapp.com matches heroku']);
  });

  it('adds every catalog service as platform entries only, never onto the service itself', () => {
    const bare = createAttributor({ catalog });
    for (const service of catalog.services) {
      const domain = service.domains[0];
      if (domain === undefined) continue;
      const inherited = bare
        .attribute({ host: domain })
        .filter((a) => a.evidence[0]!.startsWith('catalog: '));
      expect(inherited.length, domain).toBe(
        new Set(service.dependencies.map((d) => `${d.provider}|${d.region}`)).size,
      );
      for (const a of inherited) {
        expect(a.role, domain).toBe('platform');
        expect(a.via, domain).toBeUndefined();
        expect(a.provider, domain).not.toBe(service.id);
        expect(a.evidence.join(' '), domain).not.toMatch(/_/);
      }
    }
  });

  it.each([
    ['76.76.21.21', 'vercel'],
    ['216.198.79.1', 'vercel'],
    ['75.2.60.5', 'netlify'],
    ['23.227.38.65', 'shopify'],
  ])("places %s by the platform's published apex address", (ip, provider) => {
    const list = createAttributor({ table: null }).attribute({ host: 'www.site.example', ips: [ip] });
    expect(list[0]).toMatchObject({ provider, region: null, role: 'hosting', confidence: 0.9 });
    expect(list[0]!.evidence[0]).toMatch(
      new RegExp(`^ip ${ip.replace(/\./g, '\\.')} is .+'s published apex address`),
    );
    expect(list.slice(1).every((a) => a.role === 'platform')).toBe(true);
  });

  it('keeps the network under an apex address too (Netlify on AWS Global Accelerator)', () => {
    expect(brief(attributor.attribute({ host: '75.2.60.5' }))).toEqual([
      ['netlify', null, 'hosting'],
      ['aws', null, 'cdn'],
      ['aws', 'us-east-2', 'platform'],
    ]);
  });

  it.each([
    ['13.107.246.10', 'cdn'],
    ['13.107.213.10', 'cdn'],
    ['20.42.1.1', 'hosting'],
  ])('gives Azure range %s role %s (Front Door edges are a CDN)', (ip, role) => {
    expect(attributor.attribute({ host: ip })[0]).toMatchObject({ provider: 'azure', role });
  });

  it('reads new header fingerprints with their edge', () => {
    const list = createAttributor().attribute({
      host: 'www.site.example',
      headers: { server: 'ECAcc (nyd/D1E4)', 'x-cache': 'Miss from cloudfront', 'x-amz-cf-pop': 'IAD89-P1' },
    });
    expect(list.map((a) => [a.provider, a.role, a.edge])).toEqual([
      ['aws', 'cdn', 'IAD'],
      ['edgecast', 'cdn', 'NYD'],
    ]);
  });

  it('lets user mappings win over everything, by host suffix and by CIDR', () => {
    const withUser = createAttributor({
      table,
      userMappings: [
        { match: 'corp.example', provider: 'onprem', region: 'dc1', service: null, role: 'hosting' },
        { match: '3.80.1.0/24', provider: 'aws', region: 'us-east-1', service: 'eks', role: 'hosting' },
      ],
    });
    expect(withUser.attribute({ host: 'app.corp.example' })[0]).toMatchObject({
      provider: 'onprem',
      region: 'dc1',
      confidence: 1,
    });
    const [top] = withUser.attribute({ host: 'x.example', ips: ['3.80.1.10'] });
    expect(top).toMatchObject({ provider: 'aws', region: 'us-east-1', confidence: 1, service: 'eks' });
    expect(top!.evidence).toEqual([
      'user mapping 3.80.1.0/24 holds ip 3.80.1.10',
      'ip 3.80.1.10 is in AWS EC2 us-east-1 (3.80.0.0/12, aws-ip-ranges.json)',
    ]);
    expect(withUser.attribute({ host: 'other.example' })).toEqual([]);
  });

  it('gives the same answers with a table loaded from stored bytes', () => {
    const stored = createAttributor({ table: loadRangeTable(serializeRangeTable(table)) });
    const obs = { host: 'a.example', ips: ['3.80.1.10', '104.16.0.1'] };
    expect(stored.attribute(obs)).toEqual(createAttributor({ table }).attribute(obs));
  });
});

describe('mergeAttributions', () => {
  const a = (p: Partial<Attribution>): Attribution => ({
    provider: 'aws',
    region: 'us-east-1',
    service: null,
    role: 'hosting',
    confidence: 0.5,
    evidence: ['e'],
    ...p,
  });

  it('merges same provider+region+role, keeping the strongest and all evidence', () => {
    const merged = mergeAttributions([
      a({ confidence: 0.5, evidence: ['weak'], service: 'ec2' }),
      a({ confidence: 0.9, evidence: ['strong'] }),
      a({ role: 'dns', confidence: 0.9, evidence: ['ns'] }),
    ]);
    expect(merged).toEqual([
      a({ confidence: 0.9, evidence: ['strong', 'weak'], service: 'ec2' }),
      a({ role: 'dns', confidence: 0.9, evidence: ['ns'] }),
    ]);
  });

  it('orders deterministically whatever the input order', () => {
    const list = [a({ provider: 'gcp' }), a({ provider: 'azure' }), a({ provider: 'aws', confidence: 0.7 })];
    expect(mergeAttributions(list)).toEqual(mergeAttributions([...list].reverse()));
    expect(mergeAttributions(list).map((x) => x.provider)).toEqual(['aws', 'azure', 'gcp']);
  });
});
