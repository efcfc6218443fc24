/**
 * Runtime shapes of the engine's outputs (types.ts Verdict and Outage), for anything read back from
 * storage: the engine snapshot and the stored verdict record both validate with these.
 * Plain objects: fields the types do not name are dropped on reading.
 */
import * as v from 'valibot';

/** Every VerdictKind value, in one place for schemas and tables. */
export const VERDICT_KINDS = ['ok', 'local-network', 'site', 'provider-outage', 'unknown'] as const;

/** Every Outage source, in one place for schemas and tables. */
export const OUTAGE_SOURCES = ['local', 'status', 'crowd'] as const;

const Time = v.pipe(v.number(), v.finite());

export const VerdictSchema = v.object({
  site: v.string(),
  kind: v.picklist(VERDICT_KINDS),
  provider: v.optional(v.string()),
  region: v.optional(v.nullable(v.string())),
  confidence: v.number(),
  evidence: v.array(v.string()),
  since: Time,
});

export const OutageSchema = v.object({
  provider: v.string(),
  region: v.nullable(v.string()),
  since: Time,
  end: v.optional(Time),
  detectedAt: v.optional(Time),
  durationMs: v.optional(v.number()),
  confidence: v.number(),
  failingSites: v.array(v.string()),
  healthySites: v.array(v.string()),
  sources: v.array(v.picklist(OUTAGE_SOURCES)),
  evidence: v.array(v.string()),
});
