/**
 * The promise for every outage in the suite, checked on the real replay (scenario time, not wall-clock):
 * the right provider and region appear at most 90 s after the first failure, and by the third independent
 * failing site. Controls are covered by their own `never` expectations in the replay itself.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const scenarioFiles = [
  ...readdirSync(path.join(shared, 'scenarios')).map((f) => path.join(shared, 'scenarios', f)),
  ...readdirSync(path.join(repoRoot, 'tests/scenarios')).map((f) =>
    path.join(repoRoot, 'tests/scenarios', f),
  ),
].filter((f) => f.endsWith('.json'));

interface Timing {
  expectation: string;
  timeToVerdict?: number;
  bySite?: { count: number; site: string };
}
interface EvalSummary {
  passed: number;
  failed: number;
  scenarios: Array<{ id: string; pass: boolean; timeToVerdict: Timing[] }>;
}

function runEvalJson(): EvalSummary {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'cli/eval.ts',
      '--json',
      '--ranges',
      path.join(shared, 'data/provider-ranges'),
      ...scenarioFiles,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const json = r.stdout.split('\n').find((line) => line.startsWith('{'));
  if (json === undefined) throw new Error(`eval printed no JSON summary: ${r.stderr}`);
  return JSON.parse(json) as EvalSummary;
}

describe('time to verdict over the whole scenario suite', () => {
  const summary = runEvalJson();
  const outageTimings = summary.scenarios.flatMap((s) =>
    s.timeToVerdict.filter((t) => / outages /.test(` ${t.expectation} `)).map((t) => ({ id: s.id, ...t })),
  );
  const siteTimings = summary.scenarios.flatMap((s) =>
    s.timeToVerdict.filter((t) => t.expectation.includes('provider-outage')).map((t) => ({ id: s.id, ...t })),
  );

  it('replays every scenario without a failure', () => {
    expect(summary.failed).toBe(0);
    expect(summary.passed).toBe(scenarioFiles.length);
  });

  it('has outage expectations to judge (at least 20 scenarios with one)', () => {
    expect(new Set(outageTimings.map((t) => t.id)).size).toBeGreaterThanOrEqual(20);
  });

  it('names each outage at most 90 s after its first failure, by the third independent failing site', () => {
    const late = outageTimings.filter(
      (t) => t.timeToVerdict === undefined || t.timeToVerdict > 90 || (t.bySite?.count ?? Infinity) > 3,
    );
    expect(late).toEqual([]);
  });

  it('gives each failing site its provider-outage verdict at most 90 s after its own first failure', () => {
    const late = siteTimings.filter((t) => t.timeToVerdict === undefined || t.timeToVerdict > 90);
    expect(late).toEqual([]);
  });
});
