/**
 * RFC 8805 geofeeds: CSV `prefix,country,subdivision,city,postal` (DigitalOcean, Linode) and Vultr's JSON form
 * `subnets[].{ip_prefix, alpha2code, region, city}`. Region = the provider's region id for the city
 * (geofeed-regions.ts) or null. Rows with fewer columns (DigitalOcean's `165.245.148.0/22,None`) keep the prefix
 * with region null.
 *
 * Truncation: both CSV geofeeds are published with a line break after every line, so a last line without one is a
 * cut download and the whole file is rejected (feed-lines.ts), even when that line still reads as a valid row: the
 * cut may have shortened its prefix or city. A cut exactly after a line break leaves complete rows; the updater's
 * count check (feed-update.ts) catches a large loss. Vultr's JSON form is guarded by the JSON syntax itself.
 */
import type { RangePrefix } from '../types';
import {
  checkFeedText,
  createPrefixSink,
  parseFeedJson,
  requireArray,
  requireRecord,
  requireString,
} from './feed-input';
import { getDataLines, requireFinalLineBreak } from './feed-lines';
import {
  DIGITALOCEAN_CITY_REGIONS,
  getGeofeedRegion,
  LINODE_CITY_REGIONS,
  VULTR_CITY_REGIONS,
} from './geofeed-regions';

function parseGeofeedCsv(
  text: string,
  fileName: string,
  provider: string,
  regions: Readonly<Record<string, string>>,
): RangePrefix[] {
  checkFeedText(text, fileName);
  requireFinalLineBreak(text, fileName);
  const sink = createPrefixSink(fileName);
  for (const { line, number } of getDataLines(text)) {
    const [prefix = '', country = '', , city = ''] = line.split(',');
    sink.add(prefix, provider, getGeofeedRegion(regions, country, city), null, `line ${number}`);
  }
  return sink.finish();
}

export function parseDigitalOceanGeofeed(text: string, fileName: string): RangePrefix[] {
  return parseGeofeedCsv(text, fileName, 'digitalocean', DIGITALOCEAN_CITY_REGIONS);
}

export function parseLinodeGeofeed(text: string, fileName: string): RangePrefix[] {
  return parseGeofeedCsv(text, fileName, 'linode', LINODE_CITY_REGIONS);
}

export function parseVultrGeofeed(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  requireArray(root.subnets, fileName, 'subnets').forEach((item, i) => {
    const where = `subnets[${i}]`;
    const rec = requireRecord(item, fileName, where);
    const country = typeof rec.alpha2code === 'string' ? rec.alpha2code : '';
    const city = typeof rec.city === 'string' ? rec.city : '';
    sink.add(
      requireString(rec.ip_prefix, fileName, `${where}.ip_prefix`),
      'vultr',
      getGeofeedRegion(VULTR_CITY_REGIONS, country, city),
      null,
      where,
    );
  });
  return sink.finish();
}
