import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** One axe rule that failed on the page, with how many elements break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** How many elements violate it. */
  nodes: number;
}

/** The fields of an axe-core result we keep. */
interface AxeRawViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: unknown[];
}

// page.evaluate runs through DevTools, which the extension page's CSP does not block.
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeRawViolation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.length,
    }));
  });
}

export function getSeriousViolations(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
