/**
 * `npm run -s attribute -- --ranges DIR [--catalog FILE] TARGET...` or `... --observations FILE` (design.md §4).
 * TARGET is an IPv4/IPv6 address or a host name (matched by its own name, no live DNS). Prints one JSON line per
 * target: {"target", "attributions": [...]}, each attribution with exactly the six keys of design.md §4. Feed
 * errors go to stderr; bad arguments print usage to stderr and exit 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Observation } from '../utils/attribute/types';
import { loadAttributionContext } from './lib/attribution-context';
import { formatAttributionLine } from './lib/attribution-output';
import { parseObservationLines } from './lib/observations';
import { getDefaultRangesDir } from './lib/shared-paths';

const USAGE = `usage: npm run -s attribute -- [--ranges DIR] [--catalog FILE] TARGET...
       npm run -s attribute -- [--ranges DIR] [--catalog FILE] --observations FILE
  TARGET        an IPv4/IPv6 address or a host name
  --ranges      directory of provider range files (default: ../shared/data/provider-ranges)
  --catalog     service catalog JSON (default: ../shared/data/service-catalog.json when present)
  --observations JSON lines {"host","ips"?,"cnames"?,"ns"?,"headers"?}`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let ranges = getDefaultRangesDir();
  let catalog: string | null = null;
  let observations: string | null = null;
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${arg} needs a value`);
      return v;
    };
    if (arg === '--ranges') ranges = value();
    else if (arg === '--catalog') catalog = value();
    else if (arg === '--observations') observations = value();
    else if (arg === '--help' || arg === '-h') fail('');
    else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else targets.push(arg);
  }
  if (observations !== null && targets.length > 0) fail('give either TARGET... or --observations, not both');
  if (observations === null && targets.length === 0) fail('no TARGET given');
  return { ranges, catalog, observations, targets };
}

const args = parseArgs(process.argv.slice(2));
if (!existsSync(args.ranges)) fail(`ranges directory not found: ${args.ranges}`);
const { attributor, errors } = loadAttributionContext({
  rangesDir: args.ranges,
  catalogPath: args.catalog ?? undefined,
});
for (const e of errors) process.stderr.write(`${e}\n`);

let inputs: Array<{ target: string; obs: Observation }>;
if (args.observations !== null) {
  if (!existsSync(args.observations)) fail(`observations file not found: ${args.observations}`);
  const { observations, errors } = parseObservationLines(readFileSync(args.observations, 'utf8'));
  for (const e of errors) process.stderr.write(`${args.observations}: ${e}\n`);
  inputs = observations.map((obs) => ({ target: obs.host, obs }));
} else {
  inputs = args.targets.map((target) => ({ target, obs: { host: target } }));
}

for (const { target, obs } of inputs) {
  process.stdout.write(`${formatAttributionLine(target, attributor.attribute(obs))}\n`);
}
