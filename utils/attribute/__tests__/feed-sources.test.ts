import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDefaultRangesDir } from '../../../cli/lib/shared-paths';
import {
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

  it('finds Azure through the Download Center page, and only Akamai is left out', () => {
    expect(getFeedSource('azure-service-tags.json')?.discovery?.pageUrl).toBe(
      'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
    );
    expect(FEED_SOURCES.filter((s) => !isDownloadable(s)).map((s) => s.file)).toEqual([
      'akamai-ipv4-cidrs.txt',
      'akamai-ipv6-cidrs.txt',
    ]);
  });

  it.each(FEED_SOURCES.filter((s) => !isDownloadable(s)).map((s) => [s.file, s.note]))(
    '%s is not downloaded and says why',
    (_file, note) => {
      expect(note).toMatch(/not updated automatically/);
    },
  );

  // The real snapshots in ../shared: each limit leaves room to grow (at least twice today's size).
  it.each(FEED_SOURCES.map((s) => [s.file, s.maxBytes]))(
    '%s: limit %i bytes fits the real file twice',
    (file, max) => {
      const size = statSync(path.join(getDefaultRangesDir(), file)).size;
      expect(max).toBeGreaterThanOrEqual(2 * size);
    },
  );

  it('looks sources up by file name', () => {
    expect(getFeedSource('aws-ip-ranges.json')?.url).toBe('https://ip-ranges.amazonaws.com/ip-ranges.json');
    expect(getFeedSource('nope.json')).toBeUndefined();
  });
});
