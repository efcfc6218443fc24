import { describe, expect, it } from 'vitest';
import { HEADER_RULES, matchHeaders } from '../header-rules';

// [rule id, headers, provider, region, service, edge]
const CASES: Array<[string, Record<string, string>, string, string | null, string | null, string | null]> = [
  ['cf-ray', { 'cf-ray': '230b030023ae2822-SJC' }, 'cloudflare', null, 'cdn', 'SJC'],
  ['server-cloudflare', { Server: 'cloudflare' }, 'cloudflare', null, 'cdn', null],
  ['x-amz-cf-pop', { 'x-amz-cf-pop': 'FRA56-P5' }, 'aws', null, 'cloudfront', 'FRA'],
  ['via-cloudfront', { via: '1.1 abc.cloudfront.net (CloudFront)' }, 'aws', null, 'cloudfront', null],
  ['server-amazons3', { server: 'AmazonS3' }, 'aws', null, 's3', null],
  ['x-amz-bucket-region', { 'x-amz-bucket-region': 'eu-west-1' }, 'aws', 'eu-west-1', 's3', null],
  ['server-awselb', { server: 'awselb/2.0' }, 'aws', null, 'elb', null],
  ['x-amz-apigw-id', { 'x-amz-apigw-id': 'Abc=' }, 'aws', null, 'api-gateway', null],
  [
    'x-served-by-fastly',
    { 'x-served-by': 'cache-iad-kiad7000049-IAD, cache-fra19137-FRA' },
    'fastly',
    null,
    'cdn',
    'FRA',
  ],
  ['x-fastly-request-id', { 'x-fastly-request-id': 'abc' }, 'fastly', null, 'cdn', null],
  ['via-varnish', { via: '1.1 varnish' }, 'fastly', null, 'cdn', null],
  ['server-akamai', { server: 'AkamaiGHost' }, 'akamai', null, 'cdn', null],
  ['akamai-grn', { 'akamai-grn': '0.1.2.3' }, 'akamai', null, 'cdn', null],
  ['x-azure-ref', { 'x-azure-ref': '20250101T000000Z-abc' }, 'azure', null, 'front-door', null],
  ['x-msedge-ref', { 'x-msedge-ref': 'Ref A: 123' }, 'azure', null, 'front-door', null],
  [
    'server-azure-blob',
    { server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0' },
    'azure',
    null,
    'storage',
    null,
  ],
  ['server-gws', { server: 'gws' }, 'google', null, null, null],
  ['server-google-frontend', { server: 'Google Frontend' }, 'gcp', null, null, null],
  ['via-google', { via: '1.1 google' }, 'gcp', null, 'load-balancing', null],
  ['x-goog-storage', { 'x-goog-generation': '123' }, 'gcp', null, 'cloud-storage', null],
  ['x-guploader-uploadid', { 'x-guploader-uploadid': 'abc' }, 'gcp', null, 'cloud-storage', null],
  [
    'x-vercel-id-function',
    { 'x-vercel-id': 'cle1::iad1::abcde-1700000000000-abc' },
    'vercel',
    'iad1',
    'functions',
    'CLE',
  ],
  ['x-vercel-id-edge', { 'x-vercel-id': 'fra1::abcde-1700000000000-abc' }, 'vercel', null, null, 'FRA'],
  ['server-vercel', { server: 'Vercel' }, 'vercel', null, null, null],
  ['server-netlify', { server: 'Netlify' }, 'netlify', null, null, null],
  ['x-nf-request-id', { 'x-nf-request-id': '01ABC' }, 'netlify', null, null, null],
  ['fly-request-id', { 'fly-request-id': '01H8XYZ-iad' }, 'fly', 'iad', null, null],
  ['server-fly', { server: 'Fly/abc123 (2024-01-01)' }, 'fly', null, null, null],
  ['server-github', { server: 'GitHub.com' }, 'github', null, 'pages', null],
  ['via-heroku', { via: '1.1 heroku-router' }, 'heroku', null, null, null],
  ['server-heroku', { server: 'Heroku' }, 'heroku', null, null, null],
  ['x-render-origin-server', { 'x-render-origin-server': 'Render' }, 'render', null, null, null],
  ['x-railway-edge', { 'x-railway-edge': 'railway/us-east4-eqdc4a' }, 'railway', 'us-east4', null, null],
  ['server-railway', { server: 'railway-edge' }, 'railway', null, null, null],
  ['server-bunny', { server: 'BunnyCDN-DE1-753' }, 'bunny', null, 'cdn', null],
  ['opc-request-id', { 'opc-request-id': 'abc' }, 'oracle', null, null, null],
  ['x-do-app-origin', { 'x-do-app-origin': 'uuid' }, 'digitalocean', null, 'app-platform', null],
];

describe('HEADER_RULES', () => {
  it.each(CASES)('%s', (id, headers, provider, region, service, edge) => {
    const hit = matchHeaders(headers).find((h) => h.rule.id === id);
    expect(
      hit && { provider: hit.provider, region: hit.region, service: hit.service, edge: hit.edge },
    ).toEqual({
      provider,
      region,
      service,
      edge,
    });
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c[0]));
    expect(HEADER_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('reports stacked providers (Cloudflare in front of Render)', () => {
    const ids = matchHeaders({ 'cf-ray': '8a1b2c3d4e5f6a7b-IAD', 'x-render-origin-server': 'Render' }).map(
      (h) => h.provider,
    );
    expect(ids).toEqual(['cloudflare', 'render']);
  });

  it.each<Record<string, string>>([
    { server: 'nginx' },
    { 'cf-ray': 'not-a-ray' },
    { 'x-vercel-id': '' },
    {},
  ])('%j matches nothing', (headers) => {
    expect(matchHeaders(headers)).toEqual([]);
  });
});
