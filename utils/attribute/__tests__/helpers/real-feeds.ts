/** The real provider range files from ../shared (read at test time, never copied into the repo). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readFeedFiles } from '../../../../cli/lib/load-ranges';
import { getDefaultRangesDir } from '../../../../cli/lib/shared-paths';

export const RANGES_DIR = getDefaultRangesDir();

export function readRealFeed(name: string): string {
  return readFileSync(path.join(RANGES_DIR, name), 'utf8');
}

export function readAllRealFeeds(): Array<{ name: string; text: string }> {
  return readFeedFiles(RANGES_DIR);
}
