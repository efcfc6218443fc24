import { describe, expect, it } from 'vitest';
import { matchHostName, NAME_RULES } from '../name-rules';

const GENERIC = 'aws-regional-endpoint';

// host → [rule id, provider, region, service, role]
const CASES: Array<[string, string, string, string | null, string | null, string]> = [
  ['d111111abcdef8.cloudfront.net', 'aws-cloudfront', 'aws', null, 'cloudfront', 'cdn'],
  ['x.cloudfront.net.', 'aws-cloudfront', 'aws', null, 'cloudfront', 'cdn'],
  ['my-lb-1.us-west-2.elb.amazonaws.com', 'aws-elb', 'aws', 'us-west-2', 'elb', 'hosting'],
  [
    'dualstack.internal-app-123456.eu-west-1.elb.amazonaws.com',
    'aws-elb',
    'aws',
    'eu-west-1',
    'elb',
    'hosting',
  ],
  ['my-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com', 'aws-nlb', 'aws', 'us-east-1', 'elb', 'hosting'],
  ['us-west-2a.my-nlb-0a1b2c.elb.us-west-2.amazonaws.com', 'aws-nlb', 'aws', 'us-west-2', 'elb', 'hosting'],
  [
    'abcde12345.execute-api.us-east-1.amazonaws.com',
    'aws-api-gateway',
    'aws',
    'us-east-1',
    'api-gateway',
    'hosting',
  ],
  [
    'd-abcde12345.execute-api.ap-south-1.amazonaws.com',
    'aws-api-gateway',
    'aws',
    'ap-south-1',
    'api-gateway',
    'hosting',
  ],
  ['abc.lambda-url.eu-central-1.on.aws', 'aws-lambda-url', 'aws', 'eu-central-1', 'lambda', 'hosting'],
  ['bucket.s3.us-east-2.amazonaws.com', 'aws-s3-regional', 'aws', 'us-east-2', 's3', 'hosting'],
  ['bucket.s3-eu-west-1.amazonaws.com', 'aws-s3-regional', 'aws', 'eu-west-1', 's3', 'hosting'],
  ['s3.ap-northeast-1.amazonaws.com', 'aws-s3-regional', 'aws', 'ap-northeast-1', 's3', 'hosting'],
  ['bucket.s3.dualstack.us-west-1.amazonaws.com', 'aws-s3-dualstack', 'aws', 'us-west-1', 's3', 'hosting'],
  ['bucket.s3-website-us-east-1.amazonaws.com', 'aws-s3-website', 'aws', 'us-east-1', 's3', 'hosting'],
  ['bucket.s3-website.eu-central-1.amazonaws.com', 'aws-s3-website', 'aws', 'eu-central-1', 's3', 'hosting'],
  ['bucket.s3.amazonaws.com', 'aws-s3-global', 'aws', null, 's3', 'hosting'],
  [
    'myapp.us-east-1.elasticbeanstalk.com',
    'aws-elastic-beanstalk',
    'aws',
    'us-east-1',
    'elastic-beanstalk',
    'hosting',
  ],
  ['ec2-3-80-1-10.compute-1.amazonaws.com', 'aws-ec2-use1', 'aws', 'us-east-1', 'ec2', 'hosting'],
  ['ec2-3-8-1-1.eu-west-2.compute.amazonaws.com', 'aws-ec2', 'aws', 'eu-west-2', 'ec2', 'hosting'],
  [
    'a1234567890abcdef.awsglobalaccelerator.com',
    'aws-global-accelerator',
    'aws',
    null,
    'globalaccelerator',
    'cdn',
  ],
  ['abc.us-east-1.awsapprunner.com', 'aws-app-runner', 'aws', 'us-east-1', 'app-runner', 'hosting'],
  ['main.d1abc.amplifyapp.com', 'aws-amplify', 'aws', null, 'amplify', 'hosting'],
  ['myapp.auth.us-west-2.amazoncognito.com', 'aws-cognito', 'aws', 'us-west-2', 'cognito', 'hosting'],
  // Generic regional endpoints: the service is the label before the region.
  ['dynamodb.us-east-1.amazonaws.com', GENERIC, 'aws', 'us-east-1', 'dynamodb', 'hosting'],
  ['cognito-idp.us-east-1.amazonaws.com', GENERIC, 'aws', 'us-east-1', 'cognito-idp', 'hosting'],
  ['sts.eu-west-1.amazonaws.com', GENERIC, 'aws', 'eu-west-1', 'sts', 'hosting'],
  ['sts.cn-north-1.amazonaws.com.cn', GENERIC, 'aws', 'cn-north-1', 'sts', 'hosting'],
  ['dynamodb.us-east-1.api.aws', GENERIC, 'aws', 'us-east-1', 'dynamodb', 'hosting'],
  ['ec2-fips.us-east-1.api.aws', GENERIC, 'aws', 'us-east-1', 'ec2', 'hosting'],
  ['dynamodb-fips.us-gov-west-1.amazonaws.com', GENERIC, 'aws', 'us-gov-west-1', 'dynamodb', 'hosting'],
  ['ec2.dualstack.ap-southeast-2.amazonaws.com', GENERIC, 'aws', 'ap-southeast-2', 'ec2', 'hosting'],
  ['s3-fips.dualstack.us-east-1.amazonaws.com', GENERIC, 'aws', 'us-east-1', 's3', 'hosting'],
  ['abc123-ats.iot.eu-central-1.amazonaws.com', GENERIC, 'aws', 'eu-central-1', 'iot', 'hosting'],
  ['SQS.US-EAST-2.AMAZONAWS.COM.', GENERIC, 'aws', 'us-east-2', 'sqs', 'hosting'],
  // ...and never shadows the specific rules that share its shape.
  ['s3.dualstack.eu-west-1.amazonaws.com', 'aws-s3-dualstack', 'aws', 'eu-west-1', 's3', 'hosting'],
  ['s3-eu-west-1.amazonaws.com', 'aws-s3-regional', 'aws', 'eu-west-1', 's3', 'hosting'],
  ['s3-website.us-west-2.amazonaws.com', 'aws-s3-website', 'aws', 'us-west-2', 's3', 'hosting'],
  ['a1b2c3.elb.ca-central-1.amazonaws.com', 'aws-nlb', 'aws', 'ca-central-1', 'elb', 'hosting'],
  [
    'q1w2e3r4t5.execute-api.eu-west-3.amazonaws.com',
    'aws-api-gateway',
    'aws',
    'eu-west-3',
    'api-gateway',
    'hosting',
  ],
  [
    'myapp.happyhill-1a2b3c4d.eastus.azurecontainerapps.io',
    'azure-container-apps',
    'azure',
    'eastus',
    'container-apps',
    'hosting',
  ],
  [
    'api.internal.calmsea-9f8e7d.westeurope.azurecontainerapps.io',
    'azure-container-apps',
    'azure',
    'westeurope',
    'container-apps',
    'hosting',
  ],
  [
    'myapp-abcdefgh12345678.westus-01.azurewebsites.net',
    'azure-app-service-regional',
    'azure',
    'westus',
    'app-service',
    'hosting',
  ],
  ['myapp.azurewebsites.net', 'azure-app-service', 'azure', null, 'app-service', 'hosting'],
  ['myvm.eastus.cloudapp.azure.com', 'azure-cloudapp', 'azure', 'eastus', 'virtual-machines', 'hosting'],
  ['legacy.cloudapp.net', 'azure-cloudapp-classic', 'azure', null, 'cloud-services', 'hosting'],
  ['myapp.trafficmanager.net', 'azure-traffic-manager', 'azure', null, 'traffic-manager', 'dns'],
  ['ep-abc123.z01.azurefd.net', 'azure-front-door', 'azure', null, 'front-door', 'cdn'],
  ['myendpoint.azureedge.net', 'azure-cdn', 'azure', null, 'azure-cdn', 'cdn'],
  ['acct.blob.core.windows.net', 'azure-blob', 'azure', null, 'storage', 'hosting'],
  ['acct.z13.web.core.windows.net', 'azure-blob', 'azure', null, 'storage', 'hosting'],
  ['nice-sea-123.azurestaticapps.net', 'azure-static-web-apps', 'azure', null, 'static-web-apps', 'hosting'],
  [
    'nice-sea-123.2.azurestaticapps.net',
    'azure-static-web-apps',
    'azure',
    null,
    'static-web-apps',
    'hosting',
  ],
  [
    'nice-sea-123-42.eastus2.azurestaticapps.net',
    'azure-static-web-apps-regional',
    'azure',
    'eastus2',
    'static-web-apps',
    'hosting',
  ],
  [
    'nice-sea-123-dev.centralus.azurestaticapps.net',
    'azure-static-web-apps-regional',
    'azure',
    'centralus',
    'static-web-apps',
    'hosting',
  ],
  ['api.azure-api.net', 'azure-api-management', 'azure', null, 'api-management', 'hosting'],
  [
    'box.westeurope.azurecontainer.io',
    'azure-container-instances',
    'azure',
    'westeurope',
    'container-instances',
    'hosting',
  ],
  ['svc-123456789012.us-central1.run.app', 'gcp-cloud-run', 'gcp', 'us-central1', 'cloud-run', 'hosting'],
  ['svc-abc123xyz-uc.a.run.app', 'gcp-cloud-run-hash', 'gcp', 'us-central1', 'cloud-run', 'hosting'],
  ['svc-abc123xyz-zz.a.run.app', 'gcp-cloud-run-hash', 'gcp', null, 'cloud-run', 'hosting'],
  ['custom.run.app', 'gcp-cloud-run-any', 'gcp', null, 'cloud-run', 'hosting'],
  ['myapp.appspot.com', 'gcp-app-engine', 'gcp', null, 'app-engine', 'hosting'],
  ['myapp.uc.r.appspot.com', 'gcp-app-engine-regional', 'gcp', 'us-central1', 'app-engine', 'hosting'],
  ['myapp.uk.r.appspot.com', 'gcp-app-engine-regional', 'gcp', 'us-east4', 'app-engine', 'hosting'],
  [
    'v2-dot-api-dot-proj.ew.r.appspot.com',
    'gcp-app-engine-regional',
    'gcp',
    'europe-west1',
    'app-engine',
    'hosting',
  ],
  [
    'myapp.ts.r.appspot.com',
    'gcp-app-engine-regional',
    'gcp',
    'australia-southeast1',
    'app-engine',
    'hosting',
  ],
  ['myapp.qq.r.appspot.com', 'gcp-app-engine-regional', 'gcp', null, 'app-engine', 'hosting'],
  ['svc-abc123xyz-nw.a.run.app', 'gcp-cloud-run-hash', 'gcp', 'europe-west2', 'cloud-run', 'hosting'],
  ['ghs.googlehosted.com', 'gcp-googlehosted', 'gcp', null, 'app-engine', 'hosting'],
  [
    'europe-west1-proj.cloudfunctions.net',
    'gcp-cloud-functions',
    'gcp',
    'europe-west1',
    'cloud-functions',
    'hosting',
  ],
  // API Gateway names the region by Google's short id; unknown ids stay null, a bare name has no id.
  ['gw-abc.uc.gateway.dev', 'gcp-api-gateway-regional', 'gcp', 'us-central1', 'api-gateway', 'hosting'],
  [
    'my-gw-1a2b3c4d.nw.gateway.dev',
    'gcp-api-gateway-regional',
    'gcp',
    'europe-west2',
    'api-gateway',
    'hosting',
  ],
  ['gw-abc.zz.gateway.dev', 'gcp-api-gateway-regional', 'gcp', null, 'api-gateway', 'hosting'],
  ['my-gw-1a2b.gateway.dev', 'gcp-api-gateway', 'gcp', null, 'api-gateway', 'hosting'],
  ['storage.googleapis.com', 'gcp-cloud-storage', 'gcp', null, 'cloud-storage', 'hosting'],
  ['proj.web.app', 'gcp-firebase-hosting', 'gcp', null, 'firebase-hosting', 'cdn'],
  ['proj.firebaseapp.com', 'gcp-firebase-hosting', 'gcp', null, 'firebase-hosting', 'cdn'],
  ['www.example.com.cdn.cloudflare.net', 'cloudflare-cname', 'cloudflare', null, 'cdn', 'cdn'],
  ['site.pages.dev', 'cloudflare-pages', 'cloudflare', null, 'pages', 'hosting'],
  ['worker.acct.workers.dev', 'cloudflare-workers', 'cloudflare', null, 'workers', 'hosting'],
  ['pub-abc.r2.dev', 'cloudflare-r2', 'cloudflare', null, 'r2', 'hosting'],
  ['dualstack.j.sni.global.fastly.net', 'fastly', 'fastly', null, 'cdn', 'cdn'],
  ['example.map.fastly.net', 'fastly', 'fastly', null, 'cdn', 'cdn'],
  ['app.edgecompute.app', 'fastly', 'fastly', null, 'cdn', 'cdn'],
  ['www.example.com.edgekey.net', 'akamai', 'akamai', null, 'cdn', 'cdn'],
  ['www.example.com.edgesuite.net', 'akamai', 'akamai', null, 'cdn', 'cdn'],
  ['e1234.a.akamaiedge.net', 'akamai', 'akamai', null, 'cdn', 'cdn'],
  ['a1.g.akamai.net', 'akamai', 'akamai', null, 'cdn', 'cdn'],
  ['media.akamaized.net', 'akamai', 'akamai', null, 'cdn', 'cdn'],
  ['gtm.example.akadns.net', 'akamai-gtm', 'akamai', null, 'gtm', 'dns'],
  ['zone.b-cdn.net', 'bunny', 'bunny', null, 'cdn', 'cdn'],
  ['wpc.1234.edgecastcdn.net', 'edgecast', 'edgecast', null, 'cdn', 'cdn'],
  ['cname.vercel-dns.com', 'vercel', 'vercel', null, null, 'hosting'],
  ['my-app.vercel.app', 'vercel', 'vercel', null, null, 'hosting'],
  ['old.now.sh', 'vercel', 'vercel', null, null, 'hosting'],
  ['site.netlify.app', 'netlify', 'netlify', null, null, 'hosting'],
  ['apex-loadbalancer.netlify.com', 'netlify', 'netlify', null, null, 'hosting'],
  ['app-0123456789ab.herokuapp.com', 'heroku', 'heroku', null, null, 'hosting'],
  ['abc.herokudns.com', 'heroku', 'heroku', null, null, 'hosting'],
  ['user.github.io', 'github-pages', 'github', null, 'pages', 'hosting'],
  ['app.fly.dev', 'fly', 'fly', null, null, 'hosting'],
  ['app.onrender.com', 'render', 'render', null, null, 'hosting'],
  ['app.up.railway.app', 'railway', 'railway', null, null, 'hosting'],
  [
    'app-abc.ondigitalocean.app',
    'digitalocean-app-platform',
    'digitalocean',
    null,
    'app-platform',
    'hosting',
  ],
  ['bucket.nyc3.digitaloceanspaces.com', 'digitalocean-spaces', 'digitalocean', 'nyc3', 'spaces', 'hosting'],
  [
    'bucket.fra1.cdn.digitaloceanspaces.com',
    'digitalocean-spaces',
    'digitalocean',
    'fra1',
    'spaces',
    'hosting',
  ],
  [
    'objectstorage.us-ashburn-1.oraclecloud.com',
    'oracle-object-storage',
    'oracle',
    'us-ashburn-1',
    'object-storage',
    'hosting',
  ],
  ['proj.supabase.co', 'supabase', 'supabase', null, null, 'hosting'],
  ['tenant.eu.auth0.com', 'auth0', 'auth0', 'eu', null, 'hosting'],
  ['shops.myshopify.com', 'shopify', 'shopify', null, null, 'hosting'],
  ['mysite.wpengine.com', 'wpengine', 'wpengine', null, null, 'hosting'],
  ['mysite.wpenginepowered.com', 'wpengine', 'wpengine', null, null, 'hosting'],
  ['ext-cust.squarespace.com', 'squarespace', 'squarespace', null, null, 'hosting'],
  ['cdn1.wixdns.net', 'wix', 'wix', null, null, 'hosting'],
  [
    'abc123.apigateway.us-ashburn-1.oci.customer-oci.com',
    'oracle-apps-regional',
    'oracle',
    'us-ashburn-1',
    null,
    'hosting',
  ],
  [
    'xyz-db.adb.eu-frankfurt-1.oraclecloudapps.com',
    'oracle-apps-regional',
    'oracle',
    'eu-frankfurt-1',
    null,
    'hosting',
  ],
  ['app.oraclecloudapps.com', 'oracle-apps', 'oracle', null, null, 'hosting'],
  ['fn.customer-oci.com', 'oracle-apps', 'oracle', null, null, 'hosting'],
];

describe('NAME_RULES', () => {
  it.each(CASES)('%s → %s', (host, id, provider, region, service, role) => {
    const m = matchHostName(host);
    expect(
      m && { id: m.rule.id, provider: m.provider, region: m.region, service: m.service, role: m.role },
    ).toEqual({
      id,
      provider,
      region,
      service,
      role,
    });
  });

  it('has a case for every rule', () => {
    const covered = new Set(CASES.map((c) => c[1]));
    expect(NAME_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each([
    'example.com',
    'cloudfront.net.example.com',
    'elb.amazonaws.com.evil.com',
    'dynamodb.us-east-1.amazonaws.com.evil.com',
    'us-east-1.amazonaws.com',
    'sts.amazonaws.com',
    'eastus.azurecontainerapps.io.example.net',
    'github.com',
    'notvercel.app',
    'wpengine.com.example.org',
    'squarespace.com.evil.net',
    'r.appspot.com.example',
    '',
  ])('%j matches nothing', (host) => {
    expect(matchHostName(host)).toBeNull();
  });
});

describe('generic rules', () => {
  it('only the AWS service-endpoint catch-all is generic, and it comes after every other AWS rule', () => {
    const generic = NAME_RULES.filter((r) => r.generic).map((r) => r.id);
    expect(generic).toEqual([GENERIC]);
    const at = NAME_RULES.findIndex((r) => r.id === GENERIC);
    expect(NAME_RULES.slice(at + 1).filter((r) => r.provider === 'aws')).toEqual([]);
  });

  it('never answers for a host a specific AWS rule matches', () => {
    const specific = NAME_RULES.filter((r) => r.provider === 'aws' && !r.generic);
    for (const [host, id] of CASES) {
      if (specific.some((r) => r.id === id)) expect(matchHostName(host)?.rule.generic).toBeUndefined();
    }
  });
});
