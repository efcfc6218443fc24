import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRangesFromDir } from '../lib/load-ranges';
import { getDefaultRangesDir } from '../lib/shared-paths';

const scratch = mkdtempSync(path.join(tmpdir(), 'load-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadRangesFromDir', () => {
  it('loads the files that exist, skips missing ones, and reports malformed ones by name', () => {
    const dir = mkdtempSync(path.join(scratch, 'ranges-'));
    copyFileSync(
      path.join(getDefaultRangesDir(), 'fastly-public-ip-list.json'),
      path.join(dir, 'fastly-public-ip-list.json'),
    );
    writeFileSync(path.join(dir, 'github-meta.json'), '{"web": ["not-a-cidr"]}');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a feed');
    const { table, counts, errors, prefixes } = loadRangesFromDir(dir);
    expect(counts).toEqual({ 'fastly-public-ip-list.json': 21 });
    expect(prefixes).toHaveLength(21);
    expect(errors.map((e) => e.message)).toEqual(['github-meta.json: bad CIDR "not-a-cidr" at web[0]']);
    expect(table.lookup('151.101.1.1')).toMatchObject({ provider: 'fastly', cidr: '151.101.0.0/16' });
  });

  it('reports a missing directory as an error and gives an empty table', () => {
    const { table, errors } = loadRangesFromDir(path.join(scratch, 'nope'));
    expect(errors[0]!.message).toMatch(/ranges directory does not exist/);
    expect(table.lookup('151.101.1.1')).toBeNull();
  });
});
