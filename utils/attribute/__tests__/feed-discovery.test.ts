import { describe, expect, it } from 'vitest';
import { findAzureServiceTagsUrl } from '../feed-discovery';

const BASE = 'https://download.microsoft.com/download/7/1/D/71D86715-5596-4529-9B13-DA13A5DE5B63';

describe('findAzureServiceTagsUrl', () => {
  it.each([
    [
      'a plain link',
      `<a href="${BASE}/ServiceTags_Public_20261123.json">Download</a>`,
      `${BASE}/ServiceTags_Public_20261123.json`,
    ],
    [
      'an embedded JSON blob with escaped slashes',
      `<script>window.__DLCDetails__={"dlcDetailsView":{"downloadFile":[{"name":"ServiceTags_Public_20261116.json","url":"${BASE.replaceAll('/', '\\/')}\\/ServiceTags_Public_20261116.json"}]}}</script>`,
      `${BASE}/ServiceTags_Public_20261116.json`,
    ],
    [
      'several links: the newest date wins',
      `${BASE}/ServiceTags_Public_20261109.json ${BASE}/ServiceTags_Public_20261123.json ${BASE}/ServiceTags_Public_20261116.json`,
      `${BASE}/ServiceTags_Public_20261123.json`,
    ],
  ])('finds %s', (_label, html, url) => {
    expect(findAzureServiceTagsUrl(html)).toBe(url);
  });

  it.each([
    ['an empty page', ''],
    ['a page without the link', '<html><body>Sorry, this download is no longer available.</body></html>'],
    ['another host', 'https://download.example.com/download/7/1/D/ServiceTags_Public_20261123.json'],
    ['the US Government cloud file', `${BASE}/ServiceTags_AzureGovernment_20261123.json`],
    ['plain http', `http://download.microsoft.com/download/7/1/D/x/ServiceTags_Public_20261123.json`],
  ])('finds nothing in %s', (_label, html) => {
    expect(findAzureServiceTagsUrl(html)).toBeNull();
  });
});
