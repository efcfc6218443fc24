import { readStore } from '../../e2e-shared/extension-probe';
import { waitFor } from '../../e2e-shared/wait-for';
import type { E2eContext } from './e2e-test';

export interface MappingInput {
  match: string;
  provider: string;
  region: string;
}

/** The stored user-mappings row, as the options page writes it. */
interface MappingsRow {
  key: string;
  value?: { mappings?: unknown[] };
}

/**
 * Adds user mappings the way a person does: types them into the real options page's form and submits.
 * Resolves once all of them are stored in IndexedDB.
 */
export async function addUserMappings(ctx: E2eContext, mappings: readonly MappingInput[]): Promise<void> {
  const page = await ctx.session.context.newPage();
  await page.goto(`chrome-extension://${ctx.session.extensionId}/options.html`);
  const form = page.getByRole('form', { name: 'Add a mapping' });
  for (const m of mappings) {
    await form.getByLabel('Address range or host name').fill(m.match);
    await form.getByLabel('Provider').fill(m.provider);
    await form.getByLabel('Region').fill(m.region);
    await form.getByRole('button', { name: 'Add mapping' }).click();
    await page.getByRole('list', { name: 'Your mappings' }).getByText(m.match, { exact: true }).waitFor();
  }
  await waitFor(`${mappings.length} stored user mappings`, async () => {
    const rows = await readStore<MappingsRow>(ctx.session.extension, 'outage-lens', 'kv');
    const stored = rows.find((r) => r.key === 'user-mappings')?.value?.mappings ?? [];
    return stored.length >= mappings.length ? true : undefined;
  });
  await page.close();
}
