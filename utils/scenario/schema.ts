/**
 * `outage-lens-scenario/1` (design.md §5): what one browser saw over time, the outside signals it got,
 * and what the verdicts must be. Times `t` and `at` are seconds from `start`.
 *
 * Layout:
 * { "format": "outage-lens-scenario/1", "id", "title", "start": ISO-8601,
 *   "settings": { "doh": bool }, "dns": { host: { "cnames"?: [..], "ns"?: [..] } },
 *   "events": [ request | status | crowd | network ],
 *   "expect": [ {at, site, verdict, provider?, region?} | {at, outages: [{provider, region?}], only?}
 *             | {never: {verdict, site?, provider?, region?}} | {never: {outage: {provider?, region?}}} ] }
 * Unknown fields (notes, sources) are allowed and ignored.
 */
import * as v from 'valibot';
import { VERDICT_KINDS } from '../infer/verdict-schema';

export const SCENARIO_FORMAT = 'outage-lens-scenario/1';

const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const VerdictKind = v.picklist(VERDICT_KINDS);
const Region = v.nullable(v.string());

const RequestEvent = v.object({
  t: Seconds,
  kind: v.literal('request'),
  tabId: v.pipe(v.number(), v.integer()),
  url: v.string(),
  type: v.string(),
  ip: v.optional(v.string()),
  status: v.optional(v.pipe(v.number(), v.integer())),
  headers: v.optional(v.record(v.string(), v.string())),
  error: v.optional(v.string()),
  fromCache: v.optional(v.boolean()),
});
const StatusEvent = v.object({
  t: Seconds,
  kind: v.literal('status'),
  source: v.string(),
  provider: v.string(),
  regions: v.array(v.string()),
  services: v.optional(v.array(v.string()), []),
  state: v.picklist(['operational', 'degraded', 'outage']),
  title: v.optional(v.string(), ''),
});
const CrowdEvent = v.object({
  t: Seconds,
  kind: v.literal('crowd'),
  provider: v.string(),
  region: Region,
  reports: v.pipe(v.number(), v.minValue(0)),
  baseline: v.pipe(v.number(), v.minValue(0)),
});
const NetworkEvent = v.object({
  t: Seconds,
  kind: v.literal('network'),
  up: v.boolean(),
  dns: v.optional(v.boolean()),
});
export const ScenarioEventSchema = v.variant('kind', [RequestEvent, StatusEvent, CrowdEvent, NetworkEvent]);

const SiteExpectation = v.object({
  at: Seconds,
  site: v.string(),
  verdict: VerdictKind,
  provider: v.optional(v.string()),
  region: v.optional(Region),
});
const OutageMatch = v.object({ provider: v.string(), region: v.optional(Region) });
const OutagesExpectation = v.object({
  at: Seconds,
  outages: v.array(OutageMatch),
  only: v.optional(v.boolean()),
});
const NeverVerdict = v.object({
  verdict: VerdictKind,
  site: v.optional(v.string()),
  provider: v.optional(v.string()),
  region: v.optional(Region),
});
const NeverOutage = v.object({
  outage: v.object({ provider: v.optional(v.string()), region: v.optional(Region) }),
});
const NeverExpectation = v.object({ never: v.union([NeverVerdict, NeverOutage]) });
export const ExpectationSchema = v.union([SiteExpectation, OutagesExpectation, NeverExpectation]);

export const ScenarioSchema = v.object({
  format: v.literal(SCENARIO_FORMAT),
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.optional(v.string(), ''),
  start: v.pipe(v.string(), v.isoTimestamp()),
  settings: v.optional(v.object({ doh: v.optional(v.boolean(), false) }), { doh: false }),
  dns: v.optional(
    v.record(
      v.string(),
      v.object({ cnames: v.optional(v.array(v.string())), ns: v.optional(v.array(v.string())) }),
    ),
    {},
  ),
  events: v.array(ScenarioEventSchema),
  expect: v.array(ExpectationSchema),
});

export type Scenario = v.InferOutput<typeof ScenarioSchema>;
export type ScenarioEvent = v.InferOutput<typeof ScenarioEventSchema>;
export type Expectation = v.InferOutput<typeof ExpectationSchema>;
export type SiteExpectationT = v.InferOutput<typeof SiteExpectation>;
export type OutagesExpectationT = v.InferOutput<typeof OutagesExpectation>;
export type NeverExpectationT = v.InferOutput<typeof NeverExpectation>;

/** Validates a parsed JSON scenario; throws an Error naming the first problem's path. */
export function parseScenario(input: unknown): Scenario {
  const result = v.safeParse(ScenarioSchema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  throw new Error(
    `invalid scenario: ${path ?? '(root)'}: ${issue?.message ?? 'does not match outage-lens-scenario/1'}`,
  );
}
