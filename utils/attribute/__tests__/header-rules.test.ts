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
  // Bunny's POP token: a country (DE1) or a city (PHX1) plus a number.
  ['server-bunny', { server: 'BunnyCDN-DE1-753' }, 'bunny', null, 'cdn', 'DE1'],
  ['server-bunny', { server: 'BunnyCDN-PHX1-1082' }, 'bunny', null, 'cdn', 'PHX1'],
  ['cdn-pullzone', { 'cdn-pullzone': '123456' }, 'bunny', null, 'cdn', null],
  ['cdn-requestid', { 'cdn-requestid': '5f1c0b3e9d8a4c2b8e7f6a5d4c3b2a19' }, 'bunny', null, 'cdn', null],
  ['cf-cache-status', { 'cf-cache-status': 'DYNAMIC' }, 'cloudflare', null, 'cdn', null],
  ['x-amz-cf-id', { 'x-amz-cf-id': 'Zk3x-abc==' }, 'aws', null, 'cloudfront', null],
  ['x-cache-cloudfront', { 'x-cache': 'Hit from cloudfront' }, 'aws', null, 'cloudfront', null],
  ['x-cache-cloudfront', { 'x-cache': 'RefreshHit from cloudfront' }, 'aws', null, 'cloudfront', null],
  ['x-amz-request-id', { 'x-amz-request-id': 'TX1234ABCD' }, 'aws', null, 's3', null],
  ['x-amz-id-2', { 'x-amz-id-2': 'abc/def=' }, 'aws', null, 's3', null],
  [
    'x-amzn-requestid',
    { 'x-amzn-requestid': '0f1e2d3c-aaaa-bbbb-cccc-000000000000' },
    'aws',
    null,
    null,
    null,
  ],
  ['x-amzn-errortype', { 'x-amzn-errortype': 'ForbiddenException' }, 'aws', null, null, null],
  [
    'x-amzn-trace-id',
    { 'x-amzn-trace-id': 'Root=1-67891233-abcdef012345678912345678' },
    'aws',
    null,
    null,
    null,
  ],
  ['x-timer-fastly', { 'x-timer': 'S1700000000.123456,VS0,VE12' }, 'fastly', null, 'cdn', null],
  ['fastly-debug-digest', { 'fastly-debug-digest': 'abc123' }, 'fastly', null, 'cdn', null],
  ['akamai-cache-status', { 'akamai-cache-status': 'Hit from child' }, 'akamai', null, 'cdn', null],
  ['x-akamai-transformed', { 'x-akamai-transformed': '9 - 0 pmb=mRUM,1' }, 'akamai', null, 'cdn', null],
  ['x-akamai-request-id', { 'x-akamai-request-id': '1a2b3c' }, 'akamai', null, 'cdn', null],
  ['x-cache-azure', { 'x-cache': 'TCP_REMOTE_HIT' }, 'azure', null, 'front-door', null],
  ['x-cache-azure', { 'x-cache': 'CONFIG_NOCACHE' }, 'azure', null, 'front-door', null],
  ['x-fd-int-roxy-purgeid', { 'x-fd-int-roxy-purgeid': '12345' }, 'azure', null, 'front-door', null],
  [
    'x-ms-request-id',
    { 'x-ms-request-id': '0f1e2d3c-0001-0002-0003-000000000000' },
    'azure',
    null,
    null,
    null,
  ],
  ['server-edgecast', { server: 'ECAcc (nyd/D1E4)' }, 'edgecast', null, 'cdn', 'NYD'],
  ['server-edgecast', { server: 'ECS (sac/5D46)' }, 'edgecast', null, 'cdn', 'SAC'],
  ['x-ec-debug', { 'x-ec-debug': 'x-ec-cache: TCP_HIT' }, 'edgecast', null, 'cdn', null],
  ['x-0-version', { 'x-0-version': '42 5.1.0' }, 'edgecast', null, 'edgio', null],
  [
    'x-cloud-trace-context',
    { 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1' },
    'gcp',
    null,
    null,
    null,
  ],
  ['x-goog-hash', { 'x-goog-hash': 'crc32c=n03x6A==' }, 'gcp', null, 'cloud-storage', null],
  ['x-goog-storage-class', { 'x-goog-storage-class': 'STANDARD' }, 'gcp', null, 'cloud-storage', null],
  ['x-vercel-cache', { 'x-vercel-cache': 'PRERENDER' }, 'vercel', null, null, null],
  ['cache-status-netlify', { 'cache-status': '"Netlify Edge"; fwd=miss' }, 'netlify', null, null, null],
  ['cache-status-netlify', { 'cache-status': '"Netlify Durable"; hit' }, 'netlify', null, null, null],
  ['via-fly', { via: '2 fly.io' }, 'fly', null, null, null],
  ['x-github-request-id', { 'x-github-request-id': 'ABCD:1234:5678' }, 'github', null, null, null],
  ['x-railway-request-id', { 'x-railway-request-id': 'abc123' }, 'railway', null, null, null],
  ['x-do-orig-status', { 'x-do-orig-status': '200' }, 'digitalocean', null, 'app-platform', null],
  ['x-shopid', { 'x-shopid': '12345678' }, 'shopify', null, null, null],
  ['x-sorting-hat-shopid', { 'x-sorting-hat-shopid': '12345678' }, 'shopify', null, null, null],
  ['x-shopify-stage', { 'x-shopify-stage': 'production' }, 'shopify', null, null, null],
  ['x-shardid', { 'x-shardid': '42' }, 'shopify', null, null, null],
  ['powered-by-shopify', { 'powered-by': 'Shopify' }, 'shopify', null, null, null],
  ['server-cdn77', { server: 'CDN77-Turbo' }, 'cdn77', null, 'cdn', null],
  ['x-77-pop', { 'x-77-pop': 'frankfurtDE' }, 'cdn77', null, 'cdn', null],
  ['server-keycdn', { server: 'keycdn-engine' }, 'keycdn', null, 'cdn', null],
  ['x-id-fe-gcore', { 'x-id-fe': 'fr5-hw-edge-gc17' }, 'gcore', null, 'cdn', null],
  ['x-powered-by-wpengine', { 'x-powered-by': 'WP Engine' }, 'wpengine', null, null, null],
  ['wpe-backend', { 'wpe-backend': 'apache' }, 'wpengine', null, null, null],
  ['server-squarespace', { server: 'Squarespace' }, 'squarespace', null, null, null],
  ['x-wix-request-id', { 'x-wix-request-id': '1700000000.123' }, 'wix', null, null, null],
  ['x-kinsta-cache', { 'x-kinsta-cache': 'HIT' }, 'kinsta', null, null, null],
  ['x-pantheon-styx-hostname', { 'x-pantheon-styx-hostname': 'styx-fe1-a' }, 'pantheon', null, null, null],
  ['server-deno', { server: 'deno/gcp-europe-west3' }, 'deno', null, null, null],
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
    { 'x-cache': 'HIT' },
    { 'x-cache': 'Hit from somewhere' },
    { server: 'BunnyCDN' },
    { server: 'ECS' },
    { 'x-amzn-trace-id': 'Self=1-abc' },
    { 'x-77-pop': 'FRA' },
    { 'x-id-fe': 'fr5-hw-lb-1' },
    { 'x-shopid': 'abc' },
    {},
  ])('%j matches nothing', (headers) => {
    expect(matchHeaders(headers)).toEqual([]);
  });
});
