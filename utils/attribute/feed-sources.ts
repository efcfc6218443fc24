/**
 * Where the extension's updater downloads each range feed (design.md §3 file name → the provider's official
 * address) and the most bytes it accepts for it. Limits are a few times the real size of each file today
 * (../shared/data/provider-ranges/SOURCES.md), so growth is fine but a runaway or wrong response is refused.
 *
 * Azure Service Tags have no fixed address: Microsoft publishes them weekly under a new dated name
 * (`ServiceTags_Public_YYYYMMDD.json`) linked only from its Download Center page. That feed has `url: null` and a
 * `discovery`: the updater reads the page, takes the newest dated address (feed-discovery.ts), and downloads it
 * only when the address changed (the same address counts as "not modified"). When the page cannot be read or
 * has no link, the last good Azure text stays in use.
 *
 * Akamai publishes its two lists only as members of one zip (AKAMAI_ZIP_URL). Those feeds have that zip as `url`
 * and a `zipMember`: the fetcher downloads the zip (once a round for both; `maxBytes` caps the archive), reads
 * the member out (zip-reader.ts; `zipMember.maxBytes` caps its declared and inflated size) and hands its text on
 * like any other download, so validators, limits and "keep the last good copy" work as for the other feeds.
 */
import { findAzureServiceTagsUrl } from './feed-discovery';
import { FEED_FILE_NAMES } from './feeds';

/** How to find the current address of a feed whose address changes with each release. */
export interface FeedDiscovery {
  /** The page that links the current file. */
  pageUrl: string;
  maxPageBytes: number;
  /** The current file's address in the page, or null. */
  find: (html: string) => string | null;
}

/** The member of the zip at FeedSource.url that holds the feed. */
export interface FeedZipMember {
  /** Its name inside the archive. */
  name: string;
  /** The most bytes it may declare or inflate to. */
  maxBytes: number;
}

export interface FeedSource {
  /** The design.md §3 file name, a key of FEEDS. */
  file: string;
  /**
   * Official download address (for a `zipMember` feed, the archive's); null when it changes (see `discovery`)
   * or the extension cannot download it.
   */
  url: string | null;
  discovery?: FeedDiscovery;
  /** Responses larger than this are refused (checked on Content-Length and while streaming). */
  maxBytes: number;
  /** Set when the download is a zip archive and the feed is one file inside it. */
  zipMember?: FeedZipMember;
  /** Why the feed is not downloaded, shown on the options page. */
  note?: string;
}

const KB = 1024;
const MB = 1024 * KB;

/** Akamai's published archive of its origin-facing ranges (../shared/data/provider-ranges/SOURCES.md). */
export const AKAMAI_ZIP_URL =
  'https://techdocs.akamai.com/property-manager/pdfs/akamai_ipv4_ipv6_CIDRs-txt.zip';

export const FEED_SOURCES: readonly FeedSource[] = [
  { file: 'aws-ip-ranges.json', url: 'https://ip-ranges.amazonaws.com/ip-ranges.json', maxBytes: 12 * MB },
  { file: 'gcp-cloud.json', url: 'https://www.gstatic.com/ipranges/cloud.json', maxBytes: 2 * MB },
  { file: 'google-goog.json', url: 'https://www.gstatic.com/ipranges/goog.json', maxBytes: 512 * KB },
  {
    file: 'azure-service-tags.json',
    url: null,
    maxBytes: 24 * MB,
    discovery: {
      pageUrl: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519',
      maxPageBytes: 2 * MB,
      find: findAzureServiceTagsUrl,
    },
  },
  {
    file: 'oracle-public-ip-ranges.json',
    url: 'https://docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json',
    maxBytes: 2 * MB,
  },
  { file: 'cloudflare-ips-v4.txt', url: 'https://www.cloudflare.com/ips-v4', maxBytes: 64 * KB },
  { file: 'cloudflare-ips-v6.txt', url: 'https://www.cloudflare.com/ips-v6', maxBytes: 64 * KB },
  { file: 'fastly-public-ip-list.json', url: 'https://api.fastly.com/public-ip-list', maxBytes: 64 * KB },
  {
    file: 'akamai-ipv4-cidrs.txt',
    url: AKAMAI_ZIP_URL,
    maxBytes: 512 * KB,
    zipMember: { name: 'akamai_ipv4_CIDRs.txt', maxBytes: 256 * KB },
  },
  {
    file: 'akamai-ipv6-cidrs.txt',
    url: AKAMAI_ZIP_URL,
    maxBytes: 512 * KB,
    zipMember: { name: 'akamai_ipv6_CIDRs.txt', maxBytes: 256 * KB },
  },
  { file: 'digitalocean-geo.csv', url: 'https://digitalocean.com/geo/google.csv', maxBytes: 1 * MB },
  { file: 'linode-geofeed.csv', url: 'https://geoip.linode.com/', maxBytes: 2 * MB },
  { file: 'vultr-geofeed.json', url: 'https://geofeed.constant.com/?json', maxBytes: 1 * MB },
  { file: 'github-meta.json', url: 'https://api.github.com/meta', maxBytes: 2 * MB },
];

const BY_FILE = new Map(FEED_SOURCES.map((s) => [s.file, s]));

export function getFeedSource(file: string): FeedSource | undefined {
  return BY_FILE.get(file);
}

export function isDownloadable(source: FeedSource): boolean {
  return source.url !== null || source.discovery !== undefined;
}

/** The feeds the extension downloads itself. */
export function getDownloadableSources(): FeedSource[] {
  return FEED_SOURCES.filter(isDownloadable);
}

/** Feed file names that FEEDS knows but this list lacks (a test keeps it empty). */
export function getMissingSources(): string[] {
  return FEED_FILE_NAMES.filter((f) => !BY_FILE.has(f));
}
