/**
 * The service catalog as bundled into the extension at build time (`@shared` is an alias to ../shared set in
 * wxt.config.ts; the JSON is never copied into the repo). Parsed and indexed once, on first use; a catalog
 * that does not fit the schema gives null and a reason, and the extension works on without it.
 */
import catalogJson from '@shared/data/service-catalog.json';
import { type CatalogIndex, createCatalogIndex, parseServiceCatalog } from '../attribute/service-catalog';

let cached: { index: CatalogIndex | null; error?: string } | null = null;

export function getBundledCatalog(): { index: CatalogIndex | null; error?: string } {
  if (cached === null) {
    try {
      cached = { index: createCatalogIndex(parseServiceCatalog(catalogJson)) };
    } catch (error) {
      cached = { index: null, error: (error as Error).message };
    }
  }
  return cached;
}
