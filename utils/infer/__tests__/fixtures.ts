/**
 * Builders for engine tests: LoadEvents and the Attribution lists the attribute stage would give them.
 * Sites are registrable domains; `www.` and `api.` hosts of one site are first-party to each other.
 */
import type { Attribution, Role } from '../../attribute/types';
import type { LoadEvent, Outcome, ResourceType } from '../../observe/types';

export const T0 = Date.parse('2025-10-20T06:40:00Z');
export const sec = (s: number) => T0 + s * 1000;

export function at(provider: string, region: string | null, role: Role = 'hosting'): Attribution {
  return {
    provider,
    region,
    service: null,
    role,
    confidence: 0.9,
    evidence: [`test ${provider} ${region ?? ''}`],
  };
}

export const AWS_USE1 = [at('aws', 'us-east-1')];
export const AWS_EUW1 = [at('aws', 'eu-west-1')];
export const GCP = [at('gcp', 'us-central1')];
export const CLOUDFLARE = [at('cloudflare', null, 'cdn')];

export interface LoadSpec {
  site: string;
  outcome?: Outcome;
  host?: string;
  type?: ResourceType;
  pageSite?: string;
  error?: string;
  fromCache?: boolean;
  tabId?: number;
}

export function load(time: number, spec: LoadSpec): LoadEvent {
  const type = spec.type ?? 'main_frame';
  const ev: LoadEvent = {
    time,
    tabId: spec.tabId ?? 1,
    host: spec.host ?? `www.${spec.site}`,
    site: spec.site,
    type,
    outcome: spec.outcome ?? 'ok',
    pageSite: spec.pageSite ?? spec.site,
  };
  if (spec.error) ev.error = spec.error;
  if (spec.fromCache !== undefined) ev.fromCache = spec.fromCache;
  return ev;
}
