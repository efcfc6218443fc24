import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultRangesDir } from '../../../cli/lib/shared-paths';
import {
  AKAMAI_ZIP_URL,
  FEED_SOURCES,
  getDownloadableSources,
  getFeedSource,
  getMissingSources,
  isDownloadable,
} from '../feed-sources';
import { FEED_FILE_NAMES } from '../feeds';

describe('FEED_SOURCES', () => {
  it('has an entry for every feed the parsers know, and no other', () => {
    expect(getMissingSources()).toEqual([]);
    expect(FEED_SOURCES.map((s) => s.file).sort()).toEqual([...FEED_FILE_NAMES].sort());
  });

  it.each(getDownloadableSources().map((s) => [s.file, s.url ?? s.discovery!.pageUrl]))(
    '%s downloads over https (%s)',
    (_file, url) => {
      expect(new URL(url).protocol).toBe('https:');
    },
  );

  it('finds Azure through the Download Center page, and downloads every feed', () => {
    expect(getFeedSource('azure-service-tags.json')?.discovery?.pageUrl).toBe(
      'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
    );
    expect(FEED_SOURCES.filter((s) => !isDownloadable(s))).toEqual([]);
  });

  it.each([
    ['akamai-ipv4-cidrs.txt', 'akamai_ipv4_CIDRs.txt'],
    ['akamai-ipv6-cidrs.txt', 'akamai_ipv6_CIDRs.txt'],
  ])('%s is member %s of the zip Akamai publishes', (file, member) => {
    const source = getFeedSource(file);
    expect(source?.url).toBe(
      'https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip',
    );
    expect(source?.url).toBe(AKAMAI_ZIP_URL);
    expect(source?.zipMember?.name).toBe(member);
  });

  it('only the Akamai feeds come in a zip', () => {
    expect(FEED_SOURCES.filter((s) => s.zipMember).map((s) => s.file)).toEqual([
      'akamai-ipv4-cidrs.txt',
      'akamai-ipv6-cidrs.txt',
    ]);
  });

  // The real snapshots in ../shared: each limit leaves room to grow (at least twice today's size). For a zip
  // feed the member's limit is checked; the archive's limit must hold it (a stored member is no smaller).
  it.each(FEED_SOURCES.map((s) => [s.file, s.zipMember?.maxBytes ?? s.maxBytes, s.maxBytes]))(
    '%s: limit %i bytes fits the real file twice',
    (file, max, downloadMax) => {
      const size = statSync(path.join(getDefaultRangesDir(), file)).size;
      expect(max).toBeGreaterThanOrEqual(2 * size);
      expect(downloadMax).toBeGreaterThanOrEqual(max);
    },
  );

  it('the feeds of one zip agree on its download limit (they share one download)', () => {
    const zipped = FEED_SOURCES.filter((s) => s.zipMember);
    expect(new Set(zipped.map((s) => `${s.url} ${s.maxBytes}`)).size).toBe(1);
  });

  it('looks sources up by file name', () => {
    expect(getFeedSource('aws-ip-ranges.json')?.url).toBe('https://ip-ranges.amazonaws.com/ip-ranges.json');
    expect(getFeedSource('nope.json')).toBeUndefined();
  });
});
