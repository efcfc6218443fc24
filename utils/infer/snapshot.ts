/**
 * The engine's stored state, so the extension can rebuild it after a service-worker restart.
 *
 * Layout (JSON, version first):
 * {
 *   "format": "outage-lens-engine", "version": 1,
 *   "options": EngineOptions,
 *   "clock": { "lastEval": ms|null, "lastSweep": ms|null },      // event times, never wall-clock reads
 *   "windows": { "keys": [{ "key": "aws|us-east-1", "lastFail": ms|null, "sites": [[site, SiteMark], ...] }] },
 *   "sites": { "sites": [{ "site", "hosts": [[host, HostMark], ...], "lastOk", "lastFail", "streakStart", "okSince", "firstFail" }] },
 *   "local": { "lastLiveOk", "lastGoodCheck", "lastProbe", "recent": [RecentFailure], "episodes": [LocalEpisode] },
 *   "signals": { "status": [StatusItem], "crowd": [CrowdAggregate] },
 *   "outages": { "active": [{ "key", "lastFail", "outage": Outage }], "history": [Outage] }
 * }
 * `parseEngineSnapshot` rejects any other format or version with a message naming what is wrong.
 */
import * as v from 'valibot';
import { OUTCOMES } from '../observe/outcome';
import type { LocalNetworkSnapshot } from './local-network';
import type { EngineOptions } from './options';
import type { OutageLogSnapshot } from './outage-log';
import type { SignalsSnapshot } from './signals';
import type { SiteHealthSnapshot } from './site-health';
import { OutageSchema } from './verdict-schema';
import type { WindowsSnapshot } from './windows';

export const ENGINE_SNAPSHOT_FORMAT = 'outage-lens-engine';
export const ENGINE_SNAPSHOT_VERSION = 1;

export interface EngineSnapshot {
  format: typeof ENGINE_SNAPSHOT_FORMAT;
  version: typeof ENGINE_SNAPSHOT_VERSION;
  options: EngineOptions;
  clock: { lastEval: number | null; lastSweep: number | null };
  windows: WindowsSnapshot;
  sites: SiteHealthSnapshot;
  local: LocalNetworkSnapshot;
  signals: SignalsSnapshot;
  outages: OutageLogSnapshot;
}

const Time = v.nullable(v.number());
const Outcome = v.picklist(OUTCOMES);
const Role = v.picklist(['hosting', 'cdn', 'dns', 'platform']);
const Region = v.nullable(v.string());

const SiteMarkSchema = v.object({
  lastOk: Time,
  lastFail: Time,
  streakStart: Time,
  streakFails: v.pipe(v.number(), v.integer(), v.minValue(0)),
  okStreak: v.pipe(v.number(), v.integer(), v.minValue(0)),
  failClass: v.nullable(Outcome),
  group: v.string(),
});
const HostMarkSchema = v.object({
  time: v.number(),
  outcome: Outcome,
  error: v.nullable(v.string()),
  keys: v.array(v.object({ key: v.string(), role: Role, group: v.string() })),
  lastFailure: v.optional(v.object({ time: v.number(), outcome: Outcome, error: v.nullable(v.string()) })),
});
const StatusSchema = v.object({
  time: v.number(),
  source: v.string(),
  provider: v.string(),
  regions: v.array(v.string()),
  services: v.array(v.string()),
  state: v.picklist(['operational', 'degraded', 'outage']),
  title: v.string(),
});
const CrowdSchema = v.object({
  time: v.number(),
  provider: v.string(),
  region: Region,
  reports: v.number(),
  baseline: v.number(),
});
const ProbeSchema = v.object({
  time: v.number(),
  reachable: v.number(),
  total: v.number(),
  dnsOk: v.boolean(),
});
const Positive = v.pipe(v.number(), v.minValue(0));

export const EngineSnapshotSchema = v.object({
  format: v.literal(ENGINE_SNAPSHOT_FORMAT),
  version: v.literal(ENGINE_SNAPSHOT_VERSION),
  options: v.object({
    windowMs: Positive,
    recoverOks: Positive,
    recoveryMs: Positive,
    minSites: Positive,
    // Added after version 1 shipped: older snapshots take the default.
    burstMs: v.optional(Positive, 60_000),
    holdSites: Positive,
    localWindowMs: Positive,
    localMinSites: Positive,
    probeIntervalMs: Positive,
    tickMs: Positive,
    statusTtlMs: Positive,
    crowdTtlMs: Positive,
    crowdMinReports: Positive,
    crowdRatio: Positive,
    maxSites: Positive,
    maxSitesPerKey: Positive,
    maxHostsPerSite: Positive,
    maxHistory: Positive,
  }),
  clock: v.object({ lastEval: Time, lastSweep: Time }),
  windows: v.object({
    keys: v.array(
      v.object({
        key: v.pipe(v.string(), v.includes('|')),
        lastFail: Time,
        sites: v.array(v.tuple([v.string(), SiteMarkSchema])),
      }),
    ),
  }),
  sites: v.object({
    sites: v.array(
      v.object({
        site: v.string(),
        hosts: v.array(v.tuple([v.string(), HostMarkSchema])),
        lastOk: Time,
        lastFail: Time,
        streakStart: Time,
        okSince: Time,
        okStreak: v.pipe(v.number(), v.integer(), v.minValue(0)),
        firstFail: Time,
      }),
    ),
  }),
  local: v.object({
    lastLiveOk: Time,
    lastGoodCheck: Time,
    lastProbe: v.nullable(ProbeSchema),
    recent: v.array(
      v.object({
        time: v.number(),
        site: v.string(),
        group: v.string(),
        dnsGroup: v.string(),
        outcome: Outcome,
      }),
    ),
    episodes: v.array(
      v.object({
        start: v.number(),
        end: Time,
        reason: v.picklist(['local', 'offline', 'dns']),
        error: v.nullable(v.string()),
        reachable: v.nullable(v.number()),
        total: v.nullable(v.number()),
      }),
    ),
  }),
  signals: v.object({ status: v.array(StatusSchema), crowd: v.array(CrowdSchema) }),
  outages: v.object({
    active: v.array(v.object({ key: v.string(), lastFail: v.number(), outage: OutageSchema })),
    history: v.array(OutageSchema),
  }),
});

/** Validates stored engine state; throws an Error naming the first problem (path and reason). */
export function parseEngineSnapshot(input: unknown): EngineSnapshot {
  if (typeof input === 'object' && input !== null) {
    const { format, version } = input as { format?: unknown; version?: unknown };
    if (format !== ENGINE_SNAPSHOT_FORMAT) {
      throw new Error(
        `engine snapshot: format is ${JSON.stringify(format)}, expected "${ENGINE_SNAPSHOT_FORMAT}"`,
      );
    }
    if (version !== ENGINE_SNAPSHOT_VERSION) {
      throw new Error(
        `engine snapshot: version ${JSON.stringify(version)} is not supported (expected ${ENGINE_SNAPSHOT_VERSION})`,
      );
    }
  }
  const result = v.safeParse(EngineSnapshotSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    throw new Error(`engine snapshot: ${where ?? '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.output as EngineSnapshot;
}
