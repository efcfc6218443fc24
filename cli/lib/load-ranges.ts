/**
 * Node-only: reads the design.md §3 range files that exist in a directory, parses and compiles them with the same
 * code the extension runs. Missing files are skipped; malformed ones come back as errors naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FEED_FILE_NAMES, parseFeeds } from '../../utils/attribute/feeds';
import { RangeFeedError } from '../../utils/attribute/range-feed-error';
import { compileRangeTable, type RangeTable } from '../../utils/attribute/range-table';
import type { RangePrefix } from '../../utils/attribute/types';

export interface LoadedRanges {
  table: RangeTable;
  prefixes: RangePrefix[];
  errors: RangeFeedError[];
  counts: Record<string, number>;
  /** Entries per file left out as special-purpose addresses (documentation, private, 6to4, ...). */
  ignored: Record<string, number>;
}

export function readFeedFiles(dir: string): Array<{ name: string; text: string }> {
  return FEED_FILE_NAMES.filter((name) => existsSync(path.join(dir, name))).map((name) => ({
    name,
    text: readFileSync(path.join(dir, name), 'utf8'),
  }));
}

export function loadRangesFromDir(dir: string): LoadedRanges {
  if (!existsSync(dir)) {
    const table = compileRangeTable([]);
    return {
      table,
      prefixes: [],
      errors: [new RangeFeedError(dir, 'ranges directory does not exist')],
      counts: {},
      ignored: {},
    };
  }
  const { prefixes, errors, counts, ignored } = parseFeeds(readFeedFiles(dir));
  return { table: compileRangeTable(prefixes), prefixes, errors, counts, ignored };
}
