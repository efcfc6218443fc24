/** The text of every scenario file, keyed by file name (`<id>.json`). */

import { ALL_SCENARIOS } from './all-scenarios';
import { assembleScenario } from './assemble';
import { renderScenario } from './render';

export function renderAllScenarios(): Map<string, string> {
  const files = new Map<string, string>();
  for (const spec of ALL_SCENARIOS) {
    const name = `${spec.id}.json`;
    if (files.has(name)) throw new Error(`duplicate scenario id ${spec.id}`);
    files.set(name, renderScenario(assembleScenario(spec)));
  }
  return files;
}
