import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAttributionContext } from '../lib/attribution-context';
import { getDefaultCatalogPath, getDefaultRangesDir } from '../lib/shared-paths';

const scratch = mkdtempSync(path.join(tmpdir(), 'attribution-context-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A host the shared catalog knows, so catalog-based attributions show whether the catalog was loaded.
const CATALOG_HOST = { host: 'github.com' };

function makeRangesDir(): string {
  const dir = mkdtempSync(path.join(scratch, 'ranges-'));
  copyFileSync(
    path.join(getDefaultRangesDir(), 'fastly-public-ip-list.json'),
    path.join(dir, 'fastly-public-ip-list.json'),
  );
  return dir;
}

describe('loadAttributionContext', () => {
  it('loads the ranges and the shared catalog by default', () => {
    const { attributor, ranges, catalog, errors } = loadAttributionContext({ rangesDir: makeRangesDir() });
    expect(errors).toEqual([]);
    expect(ranges.counts).toEqual({ 'fastly-public-ip-list.json': 21 });
    expect(catalog).not.toBeNull();
    expect(attributor.attribute({ host: 'x.example', ips: ['151.101.1.1'] })[0]).toMatchObject({
      provider: 'fastly',
    });
    expect(attributor.attribute(CATALOG_HOST).some((a) => a.evidence[0]!.startsWith('catalog: '))).toBe(true);
  });

  it('uses the given catalog file, and none at all with null', () => {
    const rangesDir = makeRangesDir();
    const given = loadAttributionContext({ rangesDir, catalogPath: getDefaultCatalogPath() });
    expect(given.catalog).not.toBeNull();
    const none = loadAttributionContext({ rangesDir, catalogPath: null });
    expect(none.catalog).toBeNull();
    expect(none.errors).toEqual([]);
    expect(none.attributor.attribute(CATALOG_HOST).some((a) => a.evidence[0]!.startsWith('catalog: '))).toBe(
      false,
    );
  });

  it('reports bad inputs in CLI wording, feeds first, and still gives a working attributor', () => {
    const rangesDir = makeRangesDir();
    writeFileSync(path.join(rangesDir, 'github-meta.json'), '{"web": ["not-a-cidr"]}');
    const badCatalog = path.join(scratch, 'catalog.json');
    writeFileSync(badCatalog, '{ not json');
    const { attributor, catalog, errors } = loadAttributionContext({ rangesDir, catalogPath: badCatalog });
    expect(catalog).toBeNull();
    expect(errors).toHaveLength(2);
    // The parser may add why the CIDR is bad; the feed, the value and its place are what the CLI must name.
    expect(errors[0]).toMatch(/^range feed error: github-meta\.json: bad CIDR "not-a-cidr" at web\[0\]/);
    expect(errors[1]).toMatch(new RegExp(`^catalog ${badCatalog.replace(/[.\\]/g, '\\$&')} not used: `));
    expect(attributor.attribute({ host: 'x.example', ips: ['151.101.1.1'] })).toHaveLength(1);
  });

  it('reports a missing ranges directory and still answers from names', () => {
    const { attributor, errors } = loadAttributionContext({
      rangesDir: path.join(scratch, 'nope'),
      catalogPath: null,
    });
    expect(errors).toEqual([expect.stringMatching(/^range feed error: .*ranges directory does not exist/)]);
    expect(attributor.attribute({ host: 'd1.cloudfront.net' })[0]).toMatchObject({ provider: 'aws' });
  });
});
