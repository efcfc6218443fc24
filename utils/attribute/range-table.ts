/**
 * The range table: every provider prefix from the official feeds, compiled for fast ip → provider/region lookups.
 * Layout and lookup: range-table-data.ts. Overlap rule: range-priority.ts. Stored form: range-table-codec.ts.
 */
import { compileRangeData } from './range-table-compile';
import { createRangeTable, type RangeTable } from './range-table-data';
import type { RangePrefix } from './types';

export { loadRangeTable, RANGE_TABLE_FORMAT_VERSION, serializeRangeTable } from './range-table-codec';
export type { RangeEntry, RangeTable, RangeTableStats } from './range-table-data';

export function compileRangeTable(prefixes: readonly RangePrefix[]): RangeTable {
  return createRangeTable(compileRangeData(prefixes));
}
