/**
 * `npm run -s bench [-- --json] [--quick] [--only NAME]`: runs every bench/*.bench.ts module in this process
 * and prints one table (or one JSON object) with each figure beside its peers and targets.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchSection } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const sharedDir = path.resolve(here, '../../shared');

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();

const sections: BenchSection[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as { default: BenchModule };
  sections.push(
    ...(await mod.default({ rangesDir: path.join(sharedDir, 'data/provider-ranges'), sharedDir, quick })),
  );
}

const fmt = (n: number) =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : Number(n.toPrecision(4)).toString();

if (json) {
  console.log(JSON.stringify({ node: process.version, sections }));
} else {
  for (const s of sections) {
    console.log(`\n## ${s.name}`);
    for (const r of s.rows) {
      const target = r.target ? `  target ${r.target.op} ${fmt(r.target.value)}` : '';
      const met = r.target
        ? r.target.op === '>='
          ? r.value >= r.target.value
          : r.value <= r.target.value
        : null;
      const peer = r.peer ? `  vs ${r.peer.name} ${fmt(r.peer.value)}` : '';
      const ratio = r.ratio !== undefined ? `  ratio ${r.ratio.toFixed(2)}x` : '';
      const flag = met === null ? '' : met ? '  [met]' : '  [MISSED]';
      console.log(
        `${r.metric.padEnd(48)} ${fmt(r.value).padStart(14)} ${r.unit}${peer}${ratio}${target}${flag}`,
      );
    }
    for (const n of s.notes ?? []) console.log(`  note: ${n}`);
  }
}
