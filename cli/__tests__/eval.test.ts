import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const ranges = path.join(shared, 'data/provider-ranges');
const fixtures = path.join(repoRoot, 'utils/scenario/__tests__/fixtures');
const sharedScenarios = readdirSync(path.join(shared, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => path.join(shared, 'scenarios', f));

function runEval(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/eval.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
}

describe('npm run eval', () => {
  it('passes the shared example scenarios and ends with the count line', () => {
    const { code, lines } = runEval(['--ranges', ranges, ...sharedScenarios]);
    expect(lines.slice(0, -1).sort()).toEqual([
      'PASS aws-use1-basic',
      'PASS single-site-down',
      'PASS user-offline',
    ]);
    expect(lines.at(-1)).toBe('3 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('fails a scenario whose expectations do not hold, and an invalid file, without crashing', () => {
    const { code, lines } = runEval([
      '--ranges',
      ranges,
      path.join(fixtures, 'mini-outage-wrong.json'),
      path.join(fixtures, 'not-a-scenario.json'),
      path.join(fixtures, 'does-not-exist.json'),
    ]);
    expect(lines[0]).toMatch(
      /^FAIL mini-outage-wrong: at 150 s bravo-news\.example: expected site, got provider-outage aws us-east-1/,
    );
    expect(lines[1]).toMatch(/^FAIL not-a-scenario: invalid scenario: format/);
    expect(lines[2]).toMatch(/^FAIL does-not-exist: cannot read/);
    expect(lines.at(-1)).toBe('0 passed, 3 failed');
    expect(code).toBe(1);
  });

  it('prints a JSON summary with time-to-verdict figures with --json', () => {
    const { code, lines } = runEval(['--ranges', ranges, '--json', path.join(fixtures, 'mini-outage.json')]);
    expect(lines[0]).toBe('PASS mini-outage');
    const summary = JSON.parse(lines[1] ?? '{}');
    expect(summary).toMatchObject({ format: 'outage-lens-eval/1', passed: 1, failed: 0 });
    expect(summary.timeToVerdict.count).toBeGreaterThan(0);
    expect(summary.scenarios[0].timeToVerdict).toContainEqual(
      expect.objectContaining({ timeToVerdict: 10, bySite: { count: 3, site: 'charlie-mail.example' } }),
    );
    expect(lines.at(-1)).toBe('1 passed, 0 failed');
    expect(code).toBe(0);
  });

  it.each([
    { name: 'no scenario', args: ['--ranges', ranges] },
    { name: 'an unknown option', args: ['--nope', path.join(fixtures, 'mini-outage.json')] },
    {
      name: 'a missing ranges directory',
      args: ['--ranges', path.join(fixtures, 'nowhere'), path.join(fixtures, 'mini-outage.json')],
    },
  ])('exits 2 with usage on $name', ({ args }) => {
    const { code, stderr } = runEval(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run -s eval/);
  });
});
