/**
 * Writes tests/scenarios/<id>.json for every definition. Deterministic: run it twice, get the same
 * bytes (the scenario test checks the committed files against a fresh render).
 *
 *   node --import tsx tests/scenarios/build/generate.ts
 */

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAllScenarios } from './render-all';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const [name, text] of renderAllScenarios()) {
  writeFileSync(path.join(outDir, name), text);
  console.log(`wrote tests/scenarios/${name} (${text.length} bytes)`);
}
