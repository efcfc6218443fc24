/**
 * Where the hosts of the scenarios live: real prefixes copied from the provider range files in
 * ../shared/data/provider-ranges (the scenario test checks every address against those files), and
 * the response headers each kind of front end really sends.
 *
 * Layout: HOSTING maps a hosting id to { provider, region, file, cidrs, style }.
 * `provider`/`region` are what the range file says (region null = no region in the feed);
 * `file` names the range file that must contain every address, or null for networks that publish
 * no range file (Meta, Twitter, Vercel's anycast, a captive portal), which the test checks are in
 * none of the files.
 */

import type { Rng } from './prng';

export type HeaderStyle =
  | 'origin'
  | 'elb'
  | 'apigw'
  | 's3'
  | 'cloudfront'
  | 'cloudflare'
  | 'fastly'
  | 'akamai'
  | 'gcp'
  | 'google'
  | 'azure-afd'
  | 'azure-app'
  | 'github'
  | 'heroku'
  | 'vercel'
  | 'meta'
  | 'portal';

export type RangeFile =
  | 'aws-ip-ranges.json'
  | 'gcp-cloud.json'
  | 'google-goog.json'
  | 'azure-service-tags.json'
  | 'cloudflare-ips-v4.txt'
  | 'fastly-public-ip-list.json'
  | 'akamai-ipv4-cidrs.txt'
  | 'github-meta.json';

export interface Hosting {
  provider: string;
  region: string | null;
  /** AWS service or Azure tag the prefixes are listed under, for the range check. */
  service?: string;
  file: RangeFile | null;
  cidrs: readonly string[];
  style: HeaderStyle;
}

const AWS_USE1_EC2 = [
  '3.80.0.0/12',
  '44.192.0.0/11',
  '34.192.0.0/12',
  '54.80.0.0/13',
  '18.208.0.0/13',
  '3.208.0.0/12',
];

export const HOSTING = {
  awsUse1: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: AWS_USE1_EC2,
    style: 'origin',
  },
  awsUse1Elb: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: AWS_USE1_EC2,
    style: 'elb',
  },
  awsUse1Apigw: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'API_GATEWAY',
    file: 'aws-ip-ranges.json',
    cidrs: ['3.216.136.0/21', '44.206.4.0/22', '3.235.32.0/21'],
    style: 'apigw',
  },
  /** AWS's own regional API endpoints (Cognito, DynamoDB) answering from us-east-1 EC2-listed space. */
  awsUse1Api: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: ['3.208.0.0/12', '52.0.0.0/15'],
    style: 'apigw',
  },
  awsUse1S3: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'S3',
    file: 'aws-ip-ranges.json',
    cidrs: ['52.216.0.0/15', '54.231.0.0/16', '16.182.0.0/16'],
    style: 's3',
  },
  awsUsw2: {
    provider: 'aws',
    region: 'us-west-2',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: ['44.224.0.0/11', '35.80.0.0/12', '54.184.0.0/13'],
    style: 'elb',
  },
  awsEuw1: {
    provider: 'aws',
    region: 'eu-west-1',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: ['52.208.0.0/13', '34.240.0.0/13', '54.170.0.0/15'],
    style: 'origin',
  },
  cloudfront: {
    provider: 'aws',
    region: null,
    service: 'CLOUDFRONT',
    file: 'aws-ip-ranges.json',
    cidrs: ['108.156.0.0/14', '13.224.0.0/14', '18.64.0.0/14'],
    style: 'cloudfront',
  },
  heroku: {
    provider: 'aws',
    region: 'us-east-1',
    service: 'EC2',
    file: 'aws-ip-ranges.json',
    cidrs: ['54.80.0.0/13', '52.0.0.0/15', '34.192.0.0/12'],
    style: 'heroku',
  },
  cloudflare: {
    provider: 'cloudflare',
    region: null,
    file: 'cloudflare-ips-v4.txt',
    cidrs: ['104.16.0.0/13', '172.64.0.0/13', '104.24.0.0/14', '162.158.0.0/15', '188.114.96.0/20'],
    style: 'cloudflare',
  },
  fastly: {
    provider: 'fastly',
    region: null,
    file: 'fastly-public-ip-list.json',
    cidrs: ['151.101.0.0/16', '146.75.0.0/17', '199.232.0.0/16'],
    style: 'fastly',
  },
  akamai: {
    provider: 'akamai',
    region: null,
    file: 'akamai-ipv4-cidrs.txt',
    cidrs: [
      '23.32.0.0/11',
      '23.192.0.0/11',
      '2.16.0.0/13',
      '104.64.0.0/10',
      '184.24.0.0/13',
      '95.100.0.0/15',
    ],
    style: 'akamai',
  },
  gcpUsc1: {
    provider: 'gcp',
    region: 'us-central1',
    file: 'gcp-cloud.json',
    cidrs: ['23.236.48.0/20', '23.251.144.0/20'],
    style: 'gcp',
  },
  gcpUse1: {
    provider: 'gcp',
    region: 'us-east1',
    file: 'gcp-cloud.json',
    cidrs: ['34.23.0.0/16', '34.73.0.0/16', '34.74.0.0/15'],
    style: 'gcp',
  },
  gcpUse4: {
    provider: 'gcp',
    region: 'us-east4',
    file: 'gcp-cloud.json',
    cidrs: ['34.86.0.0/16', '34.48.0.0/16'],
    style: 'gcp',
  },
  gcpEuw1: {
    provider: 'gcp',
    region: 'europe-west1',
    file: 'gcp-cloud.json',
    cidrs: ['34.22.128.0/17', '23.251.128.0/20'],
    style: 'gcp',
  },
  gcpGlobalLb: {
    provider: 'gcp',
    region: null,
    file: 'gcp-cloud.json',
    cidrs: ['34.36.0.0/16', '34.120.0.0/16', '35.186.192.0/18'],
    style: 'gcp',
  },
  google: {
    provider: 'google',
    region: null,
    file: 'google-goog.json',
    cidrs: ['142.250.0.0/15', '172.217.0.0/16', '216.58.192.0/19'],
    style: 'google',
  },
  /** YouTube's video caches (rr*.googlevideo.com). */
  googleVideo: {
    provider: 'google',
    region: null,
    file: 'google-goog.json',
    cidrs: ['173.194.0.0/16', '74.125.0.0/16'],
    style: 'google',
  },
  azureAfd: {
    provider: 'azure',
    region: null,
    service: 'AzureFrontDoor.Frontend',
    file: 'azure-service-tags.json',
    cidrs: ['13.107.246.0/24', '13.107.213.0/24'],
    style: 'azure-afd',
  },
  azureFirstParty: {
    provider: 'azure',
    region: null,
    service: 'AzureFrontDoor.FirstParty',
    file: 'azure-service-tags.json',
    cidrs: ['13.107.6.152/31', '13.107.42.12/31', '13.107.21.0/24'],
    style: 'azure-afd',
  },
  azureWeu: {
    provider: 'azure',
    region: 'westeurope',
    service: 'AzureCloud.westeurope',
    file: 'azure-service-tags.json',
    cidrs: ['13.80.0.0/15', '4.175.0.0/16'],
    style: 'azure-app',
  },
  azureCus: {
    provider: 'azure',
    region: 'centralus',
    service: 'AzureCloud.centralus',
    file: 'azure-service-tags.json',
    cidrs: ['13.67.128.0/20', '4.249.128.0/17'],
    style: 'azure-app',
  },
  githubWeb: {
    provider: 'github',
    region: null,
    file: 'github-meta.json',
    cidrs: ['140.82.112.0/20', '192.30.252.0/22'],
    style: 'github',
  },
  githubPages: {
    provider: 'github',
    region: null,
    file: 'github-meta.json',
    cidrs: ['185.199.108.153/32', '185.199.109.153/32', '185.199.110.153/32', '185.199.111.153/32'],
    style: 'github',
  },
  /** Meta's own network AS32934: no published range file. */
  meta: {
    provider: 'meta',
    region: null,
    file: null,
    cidrs: ['157.240.0.0/17', '31.13.64.0/18'],
    style: 'meta',
  },
  /** Twitter's own network AS13414 (2016): no published range file. */
  twitter: { provider: 'twitter', region: null, file: null, cidrs: ['104.244.42.0/24'], style: 'origin' },
  /** Roblox's own data centres AS22697: no published range file. */
  roblox: { provider: 'roblox', region: null, file: null, cidrs: ['128.116.0.0/17'], style: 'origin' },
  /** Vercel's anycast front door (76.76.21.21): in no range file, recognised by headers. */
  vercel: { provider: 'vercel', region: null, file: null, cidrs: ['76.76.21.21/32'], style: 'vercel' },
} satisfies Record<string, Hosting>;

export type HostingId = keyof typeof HOSTING;

/** A private-range address that answers for public names (captive portal gateway). */
export const PORTAL_IP = '192.168.0.1';

const SERVERS = ['nginx', 'nginx/1.24.0', 'envoy', 'Apache/2.4.58', 'openresty'];

/** Response headers of a successful load from a front end of this style. */
export function getOkHeaders(
  style: HeaderStyle,
  rng: Rng,
  colo: string,
  host: string,
): Record<string, string> {
  switch (style) {
    case 'origin':
    case 'elb':
      return { server: getServer(host) };
    case 'apigw':
      return { 'x-amzn-requestid': uuid(rng), 'x-amz-apigw-id': `${rng.hex(12)}=` };
    case 's3':
      return {
        server: 'AmazonS3',
        'x-amz-request-id': rng.hex(16).toUpperCase(),
        'x-amz-id-2': `${rng.hex(24)}=`,
      };
    case 'cloudfront':
      return {
        server: 'CloudFront',
        via: `1.1 ${rng.hex(32)}.cloudfront.net (CloudFront)`,
        'x-cache': 'Hit from cloudfront',
        'x-amz-cf-pop': `${colo}${rng.int(50, 89)}-P${rng.int(1, 5)}`,
      };
    case 'cloudflare':
      return {
        server: 'cloudflare',
        'cf-ray': `${rng.hex(16)}-${colo}`,
        'cf-cache-status': rng.pick(['HIT', 'DYNAMIC']),
      };
    case 'fastly':
      return {
        via: '1.1 varnish',
        'x-served-by': `cache-${colo.toLowerCase()}-k${colo.toLowerCase()}${rng.int(7000, 8200)}-${colo}`,
        'x-cache': rng.pick(['HIT', 'MISS']),
      };
    case 'akamai':
      return { server: getServer(host), 'x-akamai-transformed': '9 - 0 pmb=mRUM,1' };
    case 'gcp':
      return { server: 'Google Frontend', via: '1.1 google', 'x-cloud-trace-context': `${rng.hex(32)};o=1` };
    case 'google':
      return { server: rng.pick(['ESF', 'gws']) };
    case 'azure-afd':
      return { 'x-azure-ref': `${rng.hex(20)}${rng.hex(12)}`, 'x-cache': rng.pick(['TCP_HIT', 'TCP_MISS']) };
    case 'azure-app':
      return { server: 'Microsoft-IIS/10.0', 'x-powered-by': 'ASP.NET' };
    case 'github':
      return {
        server: 'GitHub.com',
        'x-github-request-id': `${rng.hex(4)}:${rng.hex(5)}:${rng.hex(7)}`.toUpperCase(),
      };
    case 'heroku':
      return { server: 'Heroku', via: '1.1 heroku-router' };
    case 'vercel':
      return {
        server: 'Vercel',
        'x-vercel-id': getVercelId(colo, rng),
        'x-vercel-cache': 'HIT',
      };
    case 'meta':
      return { 'x-fb-debug': `${rng.hex(40)}==`, 'alt-svc': 'h3=":443"; ma=86400' };
    case 'portal':
      return { server: 'lighttpd/1.4.59' };
  }
}

/** Response headers of an error the front end itself generated (a 5xx page). */
export function getErrorHeaders(
  style: HeaderStyle,
  rng: Rng,
  colo: string,
  host: string,
): Record<string, string> {
  switch (style) {
    case 'elb':
      return { server: 'awselb/2.0' };
    case 'cloudfront':
      return {
        server: 'CloudFront',
        'x-cache': 'Error from cloudfront',
        'x-amz-cf-pop': `${colo}${rng.int(50, 89)}-P1`,
      };
    case 'fastly':
      return {
        server: 'Varnish',
        'x-served-by': `cache-${colo.toLowerCase()}-k${colo.toLowerCase()}${rng.int(7000, 8200)}-${colo}`,
      };
    case 'akamai':
      return { server: 'AkamaiGHost' };
    case 'apigw':
      return { 'x-amzn-requestid': uuid(rng), 'x-amzn-errortype': 'InternalServerErrorException' };
    case 'vercel':
      return {
        server: 'Vercel',
        'x-vercel-id': getVercelId(colo, rng),
        'x-vercel-error': 'MIDDLEWARE_INVOCATION_FAILED',
      };
    default:
      return getOkHeaders(style, rng, colo, host);
  }
}

/** One web server per host name, the same on every response. */
function getServer(host: string): string {
  let h = 0;
  for (let i = 0; i < host.length; i++) h = (h * 31 + host.charCodeAt(i)) >>> 0;
  return SERVERS[h % SERVERS.length]!;
}

/** `<pop>::<5 chars>-<ms timestamp>-<12 hex>`, the shape Vercel's request ids have. */
function getVercelId(colo: string, rng: Rng): string {
  return `${colo}::${rng.hex(5)}-${1723057980000 + rng.int(0, 3_600_000)}-${rng.hex(12)}`;
}

function uuid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
}
