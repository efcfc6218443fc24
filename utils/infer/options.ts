/**
 * Tuning of the inference engine. Every figure is in ms of event time (never wall-clock time).
 *
 * Layout: one flat, JSON-safe record, stored inside engine snapshots so a restored engine keeps the
 * exact rules it was created with.
 */
export interface EngineOptions {
  /** How far back a failure or a success counts toward a (provider, region) window: "within minutes". */
  windowMs: number;
  /**
   * After a failure, a site (or a site on one key) counts as recovered after `recoverOks` successes in a row,
   * or once its last failure is `recoveryMs` old and its latest request succeeded: partial outages flap, and
   * one lucky request must not clear them.
   */
  recoverOks: number;
  recoveryMs: number;
  /** Independent failing sites (distinct registrable domains) that raise an outage from local evidence alone. */
  minSites: number;
  /** One-off failures of `minSites` independent sites this close together corroborate each other (see getFailingWeight). */
  burstMs: number;
  /** Independent failing sites that keep an already raised outage alive (hysteresis against flapping). */
  holdSites: number;
  /** How far back the local-network detector looks for failures spread over unrelated providers. */
  localWindowMs: number;
  /** Distinct failing sites, since the last success anywhere, before the engine asks for a connectivity probe. */
  localMinSites: number;
  /** A probe result is trusted this long; an open local-network episode asks again after it. */
  probeIntervalMs: number;
  /** How often (event time) an addLoad re-evaluates outages and sweeps expired window entries. */
  tickMs: number;
  /** Official status items older than this are ignored even without an `operational` follow-up. */
  statusTtlMs: number;
  /** A crowd aggregate counts for this long after its time. */
  crowdTtlMs: number;
  /** A crowd aggregate is a spike when reports >= crowdMinReports and reports >= crowdRatio x baseline. */
  crowdMinReports: number;
  crowdRatio: number;
  /** Memory caps: sites tracked, sites per (provider, region) window, hosts per site, outages kept in history. */
  maxSites: number;
  maxSitesPerKey: number;
  maxHostsPerSite: number;
  maxHistory: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  windowMs: 5 * 60_000,
  recoverOks: 3,
  recoveryMs: 2 * 60_000,
  minSites: 3,
  burstMs: 60_000,
  holdSites: 2,
  localWindowMs: 60_000,
  localMinSites: 3,
  probeIntervalMs: 30_000,
  tickMs: 5_000,
  statusTtlMs: 12 * 3_600_000,
  crowdTtlMs: 15 * 60_000,
  crowdMinReports: 20,
  crowdRatio: 5,
  maxSites: 5_000,
  maxSitesPerKey: 500,
  maxHostsPerSite: 16,
  maxHistory: 100,
};

/** Fills unset options with the defaults. */
export function getEngineOptions(partial?: Partial<EngineOptions>): EngineOptions {
  return { ...DEFAULT_ENGINE_OPTIONS, ...partial };
}
