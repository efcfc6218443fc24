/**
 * Node-only: where the repository and the shared product data live. CI clones the repo elsewhere with `shared/`
 * beside it, so shared is always `<repo root>/../shared`, never a fixed absolute path.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function getRepoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
}

export function getSharedDir(): string {
  return path.resolve(getRepoRoot(), '../shared');
}

export function getDefaultRangesDir(): string {
  return path.join(getSharedDir(), 'data/provider-ranges');
}

export function getDefaultCatalogPath(): string {
  return path.join(getSharedDir(), 'data/service-catalog.json');
}
