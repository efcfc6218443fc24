/**
 * Host-name / CNAME fingerprints as data (fingerprints.md §3). Each rule: a regex over the lower-cased name
 * (trailing dot stripped) with an optional named group `region` holding the provider's region code (and `service`
 * for rules that read the service from the name), the provider, service and role, and optionally a fixed region or
 * a code map for short region codes. First match wins, so the more specific rules of a provider come before its
 * catch-alls; `generic` marks a catch-all the attributor trusts less than a specific rule.
 */
import type { Role } from './types';

export interface NameRule {
  id: string;
  pattern: RegExp;
  provider: string;
  service: string | null;
  role: Role;
  /** Region when the name implies one without spelling it (EC2 `compute-1` = us-east-1). */
  region?: string;
  /** Maps the captured `region` group through this table (Cloud Run short codes); unknown codes give null. */
  regionCodes?: Readonly<Record<string, string>>;
  /** A catch-all over a whole naming scheme (any AWS service endpoint): weaker evidence than a specific rule. */
  generic?: true;
}

const AWS_REGION = '(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)';
const GCP_REGION = '(?<region>[a-z]+-[a-z]+\\d+)';
const rx = (source: string): RegExp => new RegExp(source);

/**
 * Google's short region ids (App Engine `<app>.<id>.r.appspot.com`, reused by API Gateway `<gw>.<id>.gateway.dev`
 * and Cloud Run hash URLs) → Google Cloud region. App Engine's legacy `us-central` / `europe-west` are us-central1 /
 * europe-west1. Only ids we can vouch for; any other id gives region null rather than a guess.
 */
const GCP_SHORT_REGIONS: Readonly<Record<string, string>> = {
  uc: 'us-central1',
  ue: 'us-east1',
  uk: 'us-east4',
  uw: 'us-west1',
  nn: 'northamerica-northeast1',
  rj: 'southamerica-east1',
  ew: 'europe-west1',
  nw: 'europe-west2',
  ey: 'europe-west3',
  an: 'asia-northeast1',
  as: 'asia-southeast1',
  de: 'asia-east1',
  el: 'asia-south1',
  ts: 'australia-southeast1',
};

export const NAME_RULES: readonly NameRule[] = [
  // AWS
  {
    id: 'aws-cloudfront',
    pattern: /\.cloudfront\.net$/,
    provider: 'aws',
    service: 'cloudfront',
    role: 'cdn',
  },
  {
    id: 'aws-elb',
    pattern: rx(`^(?:dualstack\\.)?(?:internal-)?[a-z0-9-]+-\\d+\\.${AWS_REGION}\\.elb\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 'elb',
    role: 'hosting',
  },
  {
    id: 'aws-nlb',
    pattern: rx(`\\.elb\\.${AWS_REGION}\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 'elb',
    role: 'hosting',
  },
  {
    id: 'aws-api-gateway',
    pattern: rx(`\\.execute-api\\.${AWS_REGION}\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 'api-gateway',
    role: 'hosting',
  },
  {
    id: 'aws-lambda-url',
    pattern: rx(`\\.lambda-url\\.${AWS_REGION}\\.on\\.aws$`),
    provider: 'aws',
    service: 'lambda',
    role: 'hosting',
  },
  {
    id: 'aws-s3-website',
    pattern: rx(`(?:^|\\.)s3-website[.-]${AWS_REGION}\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'aws-s3-dualstack',
    pattern: rx(`(?:^|\\.)s3\\.dualstack\\.${AWS_REGION}\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'aws-s3-regional',
    pattern: rx(`(?:^|\\.)s3[.-]${AWS_REGION}\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'aws-s3-global',
    pattern: /(?:^|\.)s3(?:-external-1)?\.amazonaws\.com$/,
    provider: 'aws',
    service: 's3',
    role: 'hosting',
  },
  {
    id: 'aws-elastic-beanstalk',
    pattern: rx(`\\.${AWS_REGION}\\.elasticbeanstalk\\.com$`),
    provider: 'aws',
    service: 'elastic-beanstalk',
    role: 'hosting',
  },
  {
    id: 'aws-ec2-use1',
    pattern: /^ec2-[\d-]+\.compute-1\.amazonaws\.com$/,
    provider: 'aws',
    service: 'ec2',
    role: 'hosting',
    region: 'us-east-1',
  },
  {
    id: 'aws-ec2',
    pattern: rx(`\\.${AWS_REGION}\\.compute\\.amazonaws\\.com$`),
    provider: 'aws',
    service: 'ec2',
    role: 'hosting',
  },
  {
    id: 'aws-global-accelerator',
    pattern: /\.awsglobalaccelerator\.com$/,
    provider: 'aws',
    service: 'globalaccelerator',
    role: 'cdn',
  },
  {
    id: 'aws-app-runner',
    pattern: rx(`\\.${AWS_REGION}\\.awsapprunner\\.com$`),
    provider: 'aws',
    service: 'app-runner',
    role: 'hosting',
  },
  { id: 'aws-amplify', pattern: /\.amplifyapp\.com$/, provider: 'aws', service: 'amplify', role: 'hosting' },
  {
    id: 'aws-cognito',
    pattern: rx(`\\.auth\\.${AWS_REGION}\\.amazoncognito\\.com$`),
    provider: 'aws',
    service: 'cognito',
    role: 'hosting',
  },
  // Any other regional service endpoint: `<svc>[-fips][.dualstack].<region>.amazonaws.com[.cn]` or
  // `<svc>[-fips].<region>.api.aws` (the dual-stack scheme). Last among AWS rules so ELB, S3, API Gateway, EC2 ...
  // keep their own ids; the service is the label right before the region.
  {
    id: 'aws-regional-endpoint',
    pattern: rx(
      `(?:^|\\.)(?<service>[a-z0-9]+(?:-[a-z0-9]+)*?)(?:-fips)?(?:\\.dualstack)?\\.${AWS_REGION}\\.(?:amazonaws\\.com(?:\\.cn)?|api\\.aws)$`,
    ),
    provider: 'aws',
    service: null,
    role: 'hosting',
    generic: true,
  },
  // Azure
  {
    id: 'azure-app-service-regional',
    pattern: /-[0-9a-z]{16}\.(?<region>[a-z0-9]+)-01\.azurewebsites\.net$/,
    provider: 'azure',
    service: 'app-service',
    role: 'hosting',
  },
  {
    id: 'azure-app-service',
    pattern: /\.azurewebsites\.net$/,
    provider: 'azure',
    service: 'app-service',
    role: 'hosting',
  },
  {
    id: 'azure-cloudapp',
    pattern: /\.(?<region>[a-z0-9]+)\.cloudapp\.azure\.com$/,
    provider: 'azure',
    service: 'virtual-machines',
    role: 'hosting',
  },
  {
    id: 'azure-cloudapp-classic',
    pattern: /\.cloudapp\.net$/,
    provider: 'azure',
    service: 'cloud-services',
    role: 'hosting',
  },
  {
    id: 'azure-traffic-manager',
    pattern: /\.trafficmanager\.net$/,
    provider: 'azure',
    service: 'traffic-manager',
    role: 'dns',
  },
  {
    id: 'azure-front-door',
    pattern: /\.azurefd\.net$/,
    provider: 'azure',
    service: 'front-door',
    role: 'cdn',
  },
  { id: 'azure-cdn', pattern: /\.azureedge\.net$/, provider: 'azure', service: 'azure-cdn', role: 'cdn' },
  {
    id: 'azure-blob',
    pattern: /\.(?:blob|web)\.core\.windows\.net$/,
    provider: 'azure',
    service: 'storage',
    role: 'hosting',
  },
  {
    // Preview environments and some default hosts carry the Azure region as a label: `<app>-<env>.eastus2.…`;
    // numbered partitions (`<app>.2.…`) do not name a region and fall through to the catch-all.
    id: 'azure-static-web-apps-regional',
    pattern: /\.(?<region>[a-z]+\d?)\.azurestaticapps\.net$/,
    provider: 'azure',
    service: 'static-web-apps',
    role: 'hosting',
  },
  {
    id: 'azure-static-web-apps',
    pattern: /\.azurestaticapps\.net$/,
    provider: 'azure',
    service: 'static-web-apps',
    role: 'hosting',
  },
  {
    id: 'azure-api-management',
    pattern: /\.azure-api\.net$/,
    provider: 'azure',
    service: 'api-management',
    role: 'hosting',
  },
  {
    id: 'azure-container-instances',
    pattern: /\.(?<region>[a-z0-9]+)\.azurecontainer\.io$/,
    provider: 'azure',
    service: 'container-instances',
    role: 'hosting',
  },
  {
    // `<app>.<environment>.<region>.azurecontainerapps.io` (also `.internal.` and environment default domains).
    id: 'azure-container-apps',
    pattern: /(?:^|\.)(?<region>[a-z0-9]+)\.azurecontainerapps\.io$/,
    provider: 'azure',
    service: 'container-apps',
    role: 'hosting',
  },
  // Google Cloud
  {
    id: 'gcp-cloud-run',
    pattern: rx(`-\\d+\\.${GCP_REGION}\\.run\\.app$`),
    provider: 'gcp',
    service: 'cloud-run',
    role: 'hosting',
  },
  {
    id: 'gcp-cloud-run-hash',
    pattern: /-[a-z0-9]+-(?<region>[a-z]{2})\.a\.run\.app$/,
    provider: 'gcp',
    service: 'cloud-run',
    role: 'hosting',
    regionCodes: GCP_SHORT_REGIONS,
  },
  { id: 'gcp-cloud-run-any', pattern: /\.run\.app$/, provider: 'gcp', service: 'cloud-run', role: 'hosting' },
  {
    id: 'gcp-app-engine-regional',
    pattern: /\.(?<region>[a-z]{2,3})\.r\.appspot\.com$/,
    provider: 'gcp',
    service: 'app-engine',
    role: 'hosting',
    regionCodes: GCP_SHORT_REGIONS,
  },
  {
    id: 'gcp-app-engine',
    pattern: /\.appspot\.com$/,
    provider: 'gcp',
    service: 'app-engine',
    role: 'hosting',
  },
  {
    id: 'gcp-googlehosted',
    pattern: /^ghs\.googlehosted\.com$/,
    provider: 'gcp',
    service: 'app-engine',
    role: 'hosting',
  },
  {
    id: 'gcp-cloud-functions',
    pattern: rx(`^${GCP_REGION}-[a-z0-9-]+\\.cloudfunctions\\.net$`),
    provider: 'gcp',
    service: 'cloud-functions',
    role: 'hosting',
  },
  {
    id: 'gcp-api-gateway-regional',
    pattern: /\.(?<region>[a-z0-9]{2,4})\.gateway\.dev$/,
    provider: 'gcp',
    service: 'api-gateway',
    role: 'hosting',
    regionCodes: GCP_SHORT_REGIONS,
  },
  {
    id: 'gcp-api-gateway',
    pattern: /\.gateway\.dev$/,
    provider: 'gcp',
    service: 'api-gateway',
    role: 'hosting',
  },
  {
    id: 'gcp-cloud-storage',
    pattern: /(?:^|\.)storage\.googleapis\.com$/,
    provider: 'gcp',
    service: 'cloud-storage',
    role: 'hosting',
  },
  {
    id: 'gcp-firebase-hosting',
    pattern: /\.(?:web\.app|firebaseapp\.com)$/,
    provider: 'gcp',
    service: 'firebase-hosting',
    role: 'cdn',
  },
  // CDNs
  {
    id: 'cloudflare-cname',
    pattern: /\.cdn\.cloudflare\.net$/,
    provider: 'cloudflare',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'cloudflare-pages',
    pattern: /\.pages\.dev$/,
    provider: 'cloudflare',
    service: 'pages',
    role: 'hosting',
  },
  {
    id: 'cloudflare-workers',
    pattern: /\.workers\.dev$/,
    provider: 'cloudflare',
    service: 'workers',
    role: 'hosting',
  },
  { id: 'cloudflare-r2', pattern: /\.r2\.dev$/, provider: 'cloudflare', service: 'r2', role: 'hosting' },
  {
    id: 'fastly',
    pattern: /\.(?:fastly\.net|fastlylb\.net|edgecompute\.app)$/,
    provider: 'fastly',
    service: 'cdn',
    role: 'cdn',
  },
  {
    id: 'akamai',
    pattern: /\.(?:edgekey\.net|edgesuite\.net|akamaiedge\.net|akamai\.net|akamaized\.net|akamaihd\.net)$/,
    provider: 'akamai',
    service: 'cdn',
    role: 'cdn',
  },
  { id: 'akamai-gtm', pattern: /\.akadns\.net$/, provider: 'akamai', service: 'gtm', role: 'dns' },
  { id: 'bunny', pattern: /\.b-cdn\.net$/, provider: 'bunny', service: 'cdn', role: 'cdn' },
  { id: 'edgecast', pattern: /\.edgecastcdn\.net$/, provider: 'edgecast', service: 'cdn', role: 'cdn' },
  // Platforms
  {
    id: 'vercel',
    pattern: /(?:^|\.)(?:vercel-dns(?:-\d+)?\.com|vercel\.app|now\.sh)$/,
    provider: 'vercel',
    service: null,
    role: 'hosting',
  },
  {
    id: 'netlify',
    pattern: /\.(?:netlify\.app|netlify\.com|netlifyglobalcdn\.com)$/,
    provider: 'netlify',
    service: null,
    role: 'hosting',
  },
  {
    id: 'heroku',
    pattern: /\.(?:herokuapp\.com|herokudns\.com|herokussl\.com)$/,
    provider: 'heroku',
    service: null,
    role: 'hosting',
  },
  { id: 'github-pages', pattern: /\.github\.io$/, provider: 'github', service: 'pages', role: 'hosting' },
  { id: 'fly', pattern: /\.fly\.dev$/, provider: 'fly', service: null, role: 'hosting' },
  { id: 'render', pattern: /\.onrender\.com$/, provider: 'render', service: null, role: 'hosting' },
  { id: 'railway', pattern: /\.up\.railway\.app$/, provider: 'railway', service: null, role: 'hosting' },
  {
    id: 'digitalocean-app-platform',
    pattern: /\.ondigitalocean\.app$/,
    provider: 'digitalocean',
    service: 'app-platform',
    role: 'hosting',
  },
  {
    id: 'digitalocean-spaces',
    pattern: /\.(?<region>[a-z]{3}\d)(?:\.cdn)?\.digitaloceanspaces\.com$/,
    provider: 'digitalocean',
    service: 'spaces',
    role: 'hosting',
  },
  {
    id: 'oracle-object-storage',
    pattern: /(?:^|\.)objectstorage\.(?<region>[a-z]+-[a-z]+-\d)\.oraclecloud\.com$/,
    provider: 'oracle',
    service: 'object-storage',
    role: 'hosting',
  },
  {
    // OCI API Gateway / Functions (`….apigateway.<region>.oci.customer-oci.com`) and Autonomous DB apps
    // (`….adb.<region>.oraclecloudapps.com`) name the OCI region in a label.
    id: 'oracle-apps-regional',
    pattern: /\.(?<region>[a-z]{2}-[a-z]+-\d)\.(?:[a-z0-9-]+\.)*(?:oraclecloudapps|customer-oci)\.com$/,
    provider: 'oracle',
    service: null,
    role: 'hosting',
  },
  {
    id: 'oracle-apps',
    pattern: /\.(?:oraclecloudapps|customer-oci)\.com$/,
    provider: 'oracle',
    service: null,
    role: 'hosting',
  },
  { id: 'supabase', pattern: /\.supabase\.co$/, provider: 'supabase', service: null, role: 'hosting' },
  {
    id: 'auth0',
    pattern: /\.(?<region>us|eu|au|jp|uk|ca)\.auth0\.com$/,
    provider: 'auth0',
    service: null,
    role: 'hosting',
  },
  { id: 'shopify', pattern: /(?:^|\.)myshopify\.com$/, provider: 'shopify', service: null, role: 'hosting' },
  {
    id: 'wpengine',
    pattern: /\.(?:wpengine|wpenginepowered)\.com$/,
    provider: 'wpengine',
    service: null,
    role: 'hosting',
  },
  {
    id: 'squarespace',
    pattern: /\.squarespace\.com$/,
    provider: 'squarespace',
    service: null,
    role: 'hosting',
  },
  { id: 'wix', pattern: /\.wixdns\.net$/, provider: 'wix', service: null, role: 'hosting' },
];

export interface NameMatch {
  rule: NameRule;
  provider: string;
  region: string | null;
  service: string | null;
  role: Role;
}

/** Lower-cases, strips a trailing dot. */
export function normalizeHostName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function matchHostName(name: string, rules: readonly NameRule[] = NAME_RULES): NameMatch | null {
  const host = normalizeHostName(name);
  for (const rule of rules) {
    const m = rule.pattern.exec(host);
    if (!m) continue;
    const captured = m.groups?.region;
    let region: string | null = rule.region ?? null;
    if (captured !== undefined) region = rule.regionCodes ? (rule.regionCodes[captured] ?? null) : captured;
    const service = m.groups?.service ?? rule.service;
    return { rule, provider: rule.provider, region, service, role: rule.role };
  }
  return null;
}
