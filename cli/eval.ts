/**
 * `npm run -s eval -- --ranges DIR [--catalog FILE] [--json] SCENARIO.json...` (design.md §4).
 * Replays each scenario through the real pipeline (utils/pipeline, utils/infer) with the real range table and
 * prints `PASS id` / `FAIL id: what differed`, with --json one JSON summary line (time-to-verdict figures),
 * and last `N passed, N failed`. Exit 0 all passed, 1 any failed, 2 usage error. A scenario file that cannot be
 * read or is not a valid scenario is a FAIL with its reason, never a crash.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { replayScenario } from '../utils/scenario/replay';
import { parseScenario } from '../utils/scenario/schema';
import {
  failedToLoad,
  formatScenarioLine,
  type ScenarioOutcome,
  summarize,
  summarizeReplay,
} from '../utils/scenario/summary';
import { loadAttributionContext } from './lib/attribution-context';
import { getDefaultRangesDir } from './lib/shared-paths';

const USAGE = `usage: npm run -s eval -- [--ranges DIR] [--catalog FILE] [--json] SCENARIO.json...
  --ranges   directory of provider range files (default: ../shared/data/provider-ranges)
  --catalog  service catalog JSON (default: ../shared/data/service-catalog.json when present)
  --json     also print a JSON summary with time-to-verdict figures`;

function usage(message: string): never {
  process.stderr.write(`${message ? `${message}\n` : ''}${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let ranges = getDefaultRangesDir();
  let catalog: string | null = null;
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === '--ranges') ranges = value();
    else if (arg === '--catalog') catalog = value();
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') usage('');
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) usage('no SCENARIO.json given');
  return { ranges, catalog, json, files };
}

const args = parseArgs(process.argv.slice(2));
if (!existsSync(args.ranges)) usage(`ranges directory not found: ${args.ranges}`);
const { attributor, errors } = loadAttributionContext({
  rangesDir: args.ranges,
  catalogPath: args.catalog ?? undefined,
});
for (const e of errors) process.stderr.write(`${e}\n`);

const outcomes: ScenarioOutcome[] = [];
for (const file of args.files) {
  const fallbackId = path.basename(file).replace(/\.json$/, '');
  let outcome: ScenarioOutcome;
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
    const scenario = parseScenario(raw);
    outcome = summarizeReplay(scenario.id, file, replayScenario(scenario, { attributor }));
  } catch (e) {
    outcome = failedToLoad(fallbackId, file, (e as Error).message);
  }
  outcomes.push(outcome);
  process.stdout.write(`${formatScenarioLine(outcome)}\n`);
}

const summary = summarize(outcomes);
if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
process.stdout.write(`${summary.passed} passed, ${summary.failed} failed\n`);
process.exitCode = summary.failed > 0 ? 1 : 0;
