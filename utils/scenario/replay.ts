/**
 * Pure replay of one scenario through the same pipeline the extension runs (utils/pipeline), with the
 * engine's connectivity probes answered from the scenario's current `network` state.
 *
 * Checkpoints: after every event and every `tickMs` of scenario time in between (so a verdict that flips on
 * quietly is caught). At each checkpoint: probes are answered, `never` expectations are checked, and
 * time-to-verdict is tracked for every `at` expectation. An `at` expectation is judged once all events with
 * t <= at are processed, at time start + at.
 *
 * Time-to-verdict: seconds from the first failing request of the expected site (or of the outage's failing
 * sites) to the first checkpoint where the expected verdict / outages appeared, and how many independent
 * failing sites the outage had at that moment (`bySite`: the one whose failure made it appear).
 */
import { createInferenceEngine, type InferenceEngine } from '../infer/engine';
import type { EngineOptions } from '../infer/options';
import type { Outage, Verdict } from '../infer/types';
import { isFailureOutcome } from '../observe/outcome';
import { type AttributorLike, createPipeline } from '../pipeline/pipeline';
import {
  describeExpectedVerdict,
  describeOutage,
  describeVerdict,
  isOutageMatch,
  isVerdictMatch,
  matchOutages,
} from './match';
import type {
  Expectation,
  NeverExpectationT,
  OutagesExpectationT,
  Scenario,
  SiteExpectationT,
} from './schema';

/** Simulated connectivity-probe endpoints (the extension fetches several on different providers). */
const PROBE_TOTAL = 3;
const DEFAULT_TICK_MS = 5_000;
const DEDUPE_WINDOW_MS = 2_000;

export interface ReplayDeps {
  attributor: AttributorLike;
  engineOptions?: Partial<EngineOptions>;
  tickMs?: number;
}

export interface ExpectationResult {
  expectation: Expectation;
  pass: boolean;
  detail: string;
  /** Scenario seconds at which the expected verdict/outages first appeared. */
  firstCorrectAt?: number;
  /** Seconds from the first failing request to firstCorrectAt. */
  timeToVerdict?: number;
  /** For outages: how many independent failing sites the outage had when it appeared, and the latest of them. */
  bySite?: { count: number; site: string };
}

export type TimelineEntry =
  | { t: number; kind: 'verdict'; site: string; verdict: string; confidence: number }
  | { t: number; kind: 'outage-start'; outage: string; failingSites: string[]; confidence: number }
  | { t: number; kind: 'outage-end'; outage: string }
  | { t: number; kind: 'probe'; reachable: number; total: number; dnsOk: boolean };

export interface ReplayResult {
  results: ExpectationResult[];
  timeline: TimelineEntry[];
}

interface Tracking {
  firstCorrectAt?: number;
  firstFailAt?: number;
  bySite?: { count: number; site: string };
}

export function replayScenario(scenario: Scenario, deps: ReplayDeps): ReplayResult {
  const startMs = Date.parse(scenario.start);
  const tickMs = deps.tickMs ?? DEFAULT_TICK_MS;
  const toT = (ms: number) => Math.round((ms - startMs) / 10) / 100;
  const engine: InferenceEngine = createInferenceEngine(deps.engineOptions);
  const dns = scenario.dns;
  const pipeline = createPipeline({
    attributor: deps.attributor,
    engine,
    dedupeWindowMs: DEDUPE_WINDOW_MS,
    ...(scenario.settings.doh ? { dnsAnswers: (host: string) => dns[host] } : {}),
  });
  let network = { up: true, dns: true };
  const firstFail = new Map<string, number>();
  const timeline: TimelineEntry[] = [];
  const lastVerdicts = new Map<string, string>();
  let lastOutages = new Map<string, Outage>();

  const atExpectations = scenario.expect
    .map((e, i) => ({ e, i }))
    .filter((x): x is { e: SiteExpectationT | OutagesExpectationT; i: number } => 'at' in x.e)
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i);
  const nevers = scenario.expect
    .map((e, i) => ({ e, i }))
    .filter((x): x is { e: NeverExpectationT; i: number } => 'never' in x.e);
  const tracking = new Map<number, Tracking>();
  const violations = new Map<number, string>();
  const judged = new Map<number, ExpectationResult>();

  function answerProbe(now: number): void {
    if (!engine.needsProbe(now)) return;
    const reachable = network.up ? PROBE_TOTAL : 0;
    const dnsOk = network.up && network.dns;
    engine.setProbeResult({ time: now, reachable, total: PROBE_TOTAL, dnsOk });
    timeline.push({ t: toT(now), kind: 'probe', reachable, total: PROBE_TOTAL, dnsOk });
  }

  function track(now: number, verdicts: readonly Verdict[], outages: readonly Outage[]): void {
    const t = toT(now);
    for (const { e, i } of atExpectations) {
      const tr = tracking.get(i) ?? {};
      tracking.set(i, tr);
      if (tr.firstCorrectAt !== undefined) continue;
      if ('site' in e) {
        const fail = firstFail.get(e.site);
        if (e.verdict === 'ok' || fail === undefined) continue;
        const v = verdicts.find((x) => x.site === e.site);
        if (!v || !isVerdictMatch(v, e)) continue;
        tr.firstCorrectAt = t;
        tr.firstFailAt = toT(fail);
        const o = v.provider
          ? outages.find((x) => x.provider === v.provider && x.region === (v.region ?? null))
          : undefined;
        if (o) tr.bySite = { count: o.failingSites.length, site: getNewestSite(o) };
      } else {
        const matched = matchOutages(outages, e);
        if (!matched || matched.length === 0) continue;
        const fails = matched.flatMap((o) => o.failingSites.map((s) => firstFail.get(s) ?? now));
        tr.firstCorrectAt = t;
        tr.firstFailAt = toT(Math.min(...fails));
        const first = matched[0] as Outage;
        tr.bySite = { count: first.failingSites.length, site: getNewestSite(first) };
      }
    }
  }

  function getNewestSite(o: Outage): string {
    let best = o.failingSites[0] ?? '';
    for (const s of o.failingSites) if ((firstFail.get(s) ?? 0) > (firstFail.get(best) ?? 0)) best = s;
    return best;
  }

  function checkpoint(now: number): void {
    answerProbe(now);
    const verdicts = engine.getVerdicts(now);
    const outages = engine.getOutages(now);
    const t = toT(now);
    for (const v of verdicts) {
      const d = describeVerdict(v);
      if (lastVerdicts.get(v.site) !== d) {
        lastVerdicts.set(v.site, d);
        timeline.push({ t, kind: 'verdict', site: v.site, verdict: d, confidence: v.confidence });
      }
    }
    const current = new Map(outages.map((o) => [describeOutage(o), o]));
    for (const [k, o] of current) {
      if (!lastOutages.has(k)) {
        timeline.push({
          t,
          kind: 'outage-start',
          outage: k,
          failingSites: o.failingSites,
          confidence: o.confidence,
        });
      }
    }
    for (const k of lastOutages.keys())
      if (!current.has(k)) timeline.push({ t, kind: 'outage-end', outage: k });
    lastOutages = current;
    for (const { e, i } of nevers) {
      if (violations.has(i)) continue;
      const n = e.never;
      if ('outage' in n) {
        const hit = outages.find((o) => isOutageMatch(o, n.outage));
        if (hit) violations.set(i, `never outage: ${describeOutage(hit)} was suspected at ${t} s`);
      } else {
        const hit = verdicts.find((v) => isVerdictMatch(v, n));
        if (hit) violations.set(i, `never ${n.verdict}: ${hit.site} was ${describeVerdict(hit)} at ${t} s`);
      }
    }
    track(now, verdicts, outages);
  }

  function judge(e: SiteExpectationT | OutagesExpectationT, i: number): void {
    const now = startMs + e.at * 1000;
    const tr = tracking.get(i) ?? {};
    const timing: Partial<ExpectationResult> = {};
    if (tr.firstCorrectAt !== undefined && tr.firstCorrectAt <= e.at) {
      timing.firstCorrectAt = tr.firstCorrectAt;
      if (tr.firstFailAt !== undefined)
        timing.timeToVerdict = Math.round((tr.firstCorrectAt - tr.firstFailAt) * 100) / 100;
      if (tr.bySite) timing.bySite = tr.bySite;
    }
    if ('site' in e) {
      const v = engine.getVerdict(e.site, now);
      const pass = isVerdictMatch(v, e);
      const detail = pass
        ? `${e.site} is ${describeVerdict(v)} at ${e.at} s`
        : `at ${e.at} s ${e.site}: expected ${describeExpectedVerdict(e)}, got ${describeVerdict(v)} (${v.evidence.join(' ')})`;
      judged.set(i, { expectation: e, pass, detail, ...timing });
      return;
    }
    const outages = engine.getOutages(now);
    const pass = matchOutages(outages, e) !== null;
    const got = outages.length === 0 ? 'none' : outages.map(describeOutage).join(', ');
    const want = e.outages
      .map((o) => describeOutage({ provider: o.provider, region: o.region ?? null }))
      .join(', ');
    const detail = pass
      ? `outages at ${e.at} s: ${got}`
      : `at ${e.at} s outages: expected ${e.only ? 'only ' : ''}${want || 'none'}, got ${got}`;
    judged.set(i, { expectation: e, pass, detail, ...timing });
  }

  const events = scenario.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i);
  let nextTick = startMs + tickMs;
  let atIdx = 0;
  const runTicksUntil = (ms: number) => {
    while (nextTick < ms) {
      checkpoint(nextTick);
      nextTick += tickMs;
    }
  };
  const judgeUntil = (t: number | null) => {
    while (atIdx < atExpectations.length) {
      const x = atExpectations[atIdx];
      if (!x || (t !== null && x.e.at >= t)) break;
      const at = startMs + x.e.at * 1000;
      runTicksUntil(at);
      checkpoint(at);
      judge(x.e, x.i);
      atIdx++;
    }
  };

  for (const { e } of events) {
    judgeUntil(e.t);
    const now = startMs + e.t * 1000;
    runTicksUntil(now);
    switch (e.kind) {
      case 'request': {
        const ev = pipeline.onRawRequest({
          time: now,
          tabId: e.tabId,
          url: e.url,
          type: e.type,
          source: 'webRequest',
          ...(e.error !== undefined ? { error: e.error } : {}),
          ...(e.status !== undefined ? { statusCode: e.status } : {}),
          ...(e.ip !== undefined ? { ip: e.ip } : {}),
          ...(e.headers !== undefined ? { headers: e.headers } : {}),
          ...(e.fromCache !== undefined ? { fromCache: e.fromCache } : {}),
        });
        if (ev && isFailureOutcome(ev.outcome) && !firstFail.has(ev.site)) firstFail.set(ev.site, ev.time);
        break;
      }
      case 'status':
        pipeline.onStatus({
          time: now,
          source: e.source,
          provider: e.provider,
          regions: e.regions,
          services: e.services,
          state: e.state,
          title: e.title,
        });
        break;
      case 'crowd':
        pipeline.onCrowd({
          time: now,
          provider: e.provider,
          region: e.region,
          reports: e.reports,
          baseline: e.baseline,
        });
        break;
      case 'network':
        // The user's connection from now on: only the engine's probes see it, as in real life.
        network = { up: e.up, dns: e.up && (e.dns ?? true) };
        break;
    }
    checkpoint(now);
  }
  judgeUntil(null);

  const results: ExpectationResult[] = scenario.expect.map((e, i) => {
    const j = judged.get(i);
    if (j) return j;
    const violation = violations.get(i);
    return violation
      ? { expectation: e, pass: false, detail: violation }
      : { expectation: e, pass: true, detail: 'never matched' };
  });
  return { results, timeline };
}
