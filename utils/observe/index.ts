/** Public API of the observe stage: browser request → normalized LoadEvent (design.md §1, step 1). */
export { isAddressJudgedHost, isCaptivePortalAnswer } from './captive-portal';
export { classifyError, ERROR_CLASSES } from './classify-error';
export { classifyStatus } from './classify-status';
export { getCriticalSite, isCriticalRequest } from './critical';
export { createDeduper, type Deduper, type DeduperOptions, type EventSource } from './dedupe';
export { LoadEventSchema } from './load-event-schema';
export { normalizeRequest } from './normalize-request';
export { isFailureOutcome, OUTCOMES } from './outcome';
export { isPlatformTenantHost } from './platform-tenant';
export { isPrivateAddress } from './private-address';
export { isProviderHeader, pickProviderHeaders } from './provider-headers';
export { RESOURCE_TYPES, toResourceType } from './resource-type';
export { getSite, normalizeHost } from './site';
export type * from './types';
