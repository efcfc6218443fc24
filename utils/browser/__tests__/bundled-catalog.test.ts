import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBundledCatalog } from '../bundled-catalog';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('bundled service catalog', () => {
  it('is the shared catalog, parsed and indexed', async () => {
    const shared = JSON.parse(
      await readFile(path.resolve(repoRoot, '../shared/data/service-catalog.json'), 'utf8'),
    );
    const { index, error } = getBundledCatalog();
    expect(error).toBeUndefined();
    expect(index?.services.map((s) => s.name)).toEqual(shared.services.map((s: { name: string }) => s.name));
    expect(getBundledCatalog().index).toBe(index);
  });
});
