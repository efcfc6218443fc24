/**
 * Turns replay results into the eval CLI's report (design.md §4): one line per scenario and a JSON summary
 * with time-to-verdict figures. Pure: the CLI does the file reading and printing.
 */
import type { ExpectationResult, ReplayResult } from './replay';

export interface ScenarioOutcome {
  id: string;
  file: string;
  pass: boolean;
  /** What differed (failed expectations), or why the file could not be replayed. */
  failures: string[];
  timeToVerdict: Array<
    Pick<ExpectationResult, 'firstCorrectAt' | 'timeToVerdict' | 'bySite'> & { expectation: string }
  >;
}

export interface EvalSummary {
  format: 'outage-lens-eval/1';
  passed: number;
  failed: number;
  /** Over every expectation that measured one, in seconds. */
  timeToVerdict: { count: number; median: number | null; p90: number | null; max: number | null };
  scenarios: ScenarioOutcome[];
}

export function describeExpectation(e: ExpectationResult['expectation']): string {
  if ('never' in e) return `never ${JSON.stringify(e.never)}`;
  if ('site' in e)
    return `at ${e.at} ${e.site} ${e.verdict}${e.provider ? ` ${e.provider}` : ''}${e.region !== undefined ? ` ${e.region}` : ''}`;
  return `at ${e.at} outages ${e.outages.map((o) => `${o.provider} ${o.region ?? ''}`.trim()).join(', ')}${e.only ? ' (only)' : ''}`;
}

export function summarizeReplay(id: string, file: string, replay: ReplayResult): ScenarioOutcome {
  const failures = replay.results.filter((r) => !r.pass).map((r) => r.detail);
  const timeToVerdict = replay.results
    .filter((r) => r.timeToVerdict !== undefined)
    .map((r) => ({
      expectation: describeExpectation(r.expectation),
      ...(r.firstCorrectAt !== undefined ? { firstCorrectAt: r.firstCorrectAt } : {}),
      ...(r.timeToVerdict !== undefined ? { timeToVerdict: r.timeToVerdict } : {}),
      ...(r.bySite ? { bySite: r.bySite } : {}),
    }));
  return { id, file, pass: failures.length === 0, failures, timeToVerdict };
}

export function failedToLoad(id: string, file: string, reason: string): ScenarioOutcome {
  return { id, file, pass: false, failures: [reason], timeToVerdict: [] };
}

/** `PASS id` or `FAIL id: what differed`. */
export function formatScenarioLine(o: ScenarioOutcome): string {
  return o.pass ? `PASS ${o.id}` : `FAIL ${o.id}: ${o.failures.join('; ')}`;
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
}

export function summarize(outcomes: readonly ScenarioOutcome[]): EvalSummary {
  const ttv = outcomes
    .flatMap((o) => o.timeToVerdict.map((t) => t.timeToVerdict))
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  const passed = outcomes.filter((o) => o.pass).length;
  return {
    format: 'outage-lens-eval/1',
    passed,
    failed: outcomes.length - passed,
    timeToVerdict: {
      count: ttv.length,
      median: quantile(ttv, 0.5),
      p90: quantile(ttv, 0.9),
      max: ttv.at(-1) ?? null,
    },
    scenarios: [...outcomes],
  };
}
