/**
 * Node-only: the one way the CLIs and benchmarks build an attributor from files — range feeds from a directory
 * plus the service catalog — so `attribute`, `eval` and the benches answer from the same inputs.
 *
 * Result layout: `attributor` (ready to use, even when some inputs failed), `ranges` (the loaded table with its
 * prefixes and per-file counts), `errors` (one human-readable line per unusable input, range feeds first then the
 * catalog, in the exact wording the CLIs print to stderr).
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Attributor, createAttributor } from '../../utils/attribute/attribute';
import {
  type CatalogIndex,
  createCatalogIndex,
  parseServiceCatalog,
} from '../../utils/attribute/service-catalog';
import { type LoadedRanges, loadRangesFromDir } from './load-ranges';
import { getDefaultCatalogPath } from './shared-paths';

export interface AttributionContextOptions {
  rangesDir: string;
  /** A catalog file; `undefined` = the shared catalog when it exists; `null` = no catalog at all. */
  catalogPath?: string | null;
}

export interface AttributionContext {
  attributor: Attributor;
  ranges: LoadedRanges;
  catalog: CatalogIndex | null;
  errors: string[];
}

function loadCatalog(file: string, errors: string[]): CatalogIndex | null {
  try {
    return createCatalogIndex(parseServiceCatalog(JSON.parse(readFileSync(file, 'utf8'))));
  } catch (e) {
    errors.push(`catalog ${file} not used: ${(e as Error).message}`);
    return null;
  }
}

export function loadAttributionContext(options: AttributionContextOptions): AttributionContext {
  const ranges = loadRangesFromDir(options.rangesDir);
  const errors = ranges.errors.map((e) => `range feed error: ${e.message}`);
  const fallback = existsSync(getDefaultCatalogPath()) ? getDefaultCatalogPath() : null;
  const catalogPath = options.catalogPath === undefined ? fallback : options.catalogPath;
  const catalog = catalogPath === null ? null : loadCatalog(catalogPath, errors);
  return { attributor: createAttributor({ table: ranges.table, catalog }), ranges, catalog, errors };
}
