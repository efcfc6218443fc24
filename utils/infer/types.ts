/**
 * Inputs and outputs of the inference engine (design.md §1, step 4 and §5).
 */

export type VerdictKind = 'ok' | 'local-network' | 'site' | 'provider-outage' | 'unknown';

export interface Verdict {
  /** Registrable domain the verdict is for. */
  site: string;
  kind: VerdictKind;
  provider?: string;
  /** null = provider-wide. */
  region?: string | null;
  confidence: number;
  /** Sentences a person can follow. */
  evidence: string[];
  /** ms since epoch the engine last changed this verdict. */
  since: number;
}

export interface Outage {
  provider: string;
  region: string | null;
  since: number;
  /** Set once the outage has cleared. */
  end?: number;
  /** ms since epoch the engine first raised it (since <= detectedAt: since dates the first failure). */
  detectedAt?: number;
  /** end - since, set once the outage has cleared. */
  durationMs?: number;
  confidence: number;
  failingSites: string[];
  healthySites: string[];
  sources: Array<'local' | 'status' | 'crowd'>;
  evidence: string[];
}

/** An official status item, normalized (scenario `status` event). */
export interface StatusItem {
  time: number;
  source: string;
  provider: string;
  /** Empty = provider-wide. */
  regions: string[];
  services: string[];
  state: 'operational' | 'degraded' | 'outage';
  title: string;
}

/** A crowd aggregate for one provider/region (scenario `crowd` event). */
export interface CrowdAggregate {
  time: number;
  provider: string;
  region: string | null;
  reports: number;
  baseline: number;
}

/** The user's own connection as last measured (scenario `network` event, or a real probe). */
export interface NetworkState {
  time: number;
  up: boolean;
  /** false when the connection works but the resolver does not. */
  dns: boolean;
}
