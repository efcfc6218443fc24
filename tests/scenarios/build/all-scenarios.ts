/** Every scenario definition the suite ships; each becomes tests/scenarios/<id>.json. */

import { awsDynamoDns, awsS3 } from './defs/aws';
import { awsInternalNetwork, awsKinesis } from './defs/aws-control-plane';
import { azureCentralUs, azureFrontDoorDdos } from './defs/azure';
import {
  cloudflareBackboneRecovery,
  cloudflareBotFile,
  cloudflareMcp,
  cloudflareWaf,
} from './defs/cloudflare';
import {
  controlCaptivePortal,
  controlDeadResolver,
  controlOffline,
  controlQuietDay,
  controlSingleSite,
  crowdstrikeControl,
  githubConfounder,
  robloxConsul,
  slackTransitGateway,
} from './defs/controls';
import { akamaiEdgeDns, dynDdos, facebookBgpDns } from './defs/dns-providers';
import {
  gcpCongestion,
  gcpServiceControl,
  gcpUsCentral1Tail,
  googleServicesCongestion,
} from './defs/google-cloud';
import {
  awsSingleAzPartial,
  azureFrontDoorEmea,
  fastlyConfigBug,
  herokuOsUpdate,
  microsoftWan,
  vercelEdgeMiddleware,
} from './defs/platforms';
import type { ScenarioSpec } from './model';

export const ALL_SCENARIOS: ScenarioSpec[] = [
  awsDynamoDns,
  awsS3,
  awsSingleAzPartial,
  awsInternalNetwork,
  awsKinesis,
  cloudflareBotFile,
  cloudflareWaf,
  cloudflareMcp,
  cloudflareBackboneRecovery,
  gcpServiceControl,
  gcpUsCentral1Tail,
  gcpCongestion,
  googleServicesCongestion,
  herokuOsUpdate,
  vercelEdgeMiddleware,
  azureFrontDoorEmea,
  microsoftWan,
  azureCentralUs,
  azureFrontDoorDdos,
  fastlyConfigBug,
  akamaiEdgeDns,
  dynDdos,
  facebookBgpDns,
  githubConfounder,
  slackTransitGateway,
  robloxConsul,
  crowdstrikeControl,
  controlSingleSite,
  controlOffline,
  controlDeadResolver,
  controlCaptivePortal,
  controlQuietDay,
];
