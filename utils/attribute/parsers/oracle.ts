/**
 * Oracle Cloud public_ip_ranges.json: `regions[].{region, cidrs[].{cidr, tags[]}}`.
 * Service = first tag, lower-case kebab (`OCI` → `oci`, `OBJECT_STORAGE` → `object-storage`), null when untagged.
 */
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

export function parseOracleRanges(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  requireArray(root.regions, fileName, 'regions').forEach((item, i) => {
    const where = `regions[${i}]`;
    const rec = requireRecord(item, fileName, where);
    const region = requireString(rec.region, fileName, `${where}.region`);
    requireArray(rec.cidrs, fileName, `${where}.cidrs`).forEach((c, j) => {
      const at = `${where}.cidrs[${j}]`;
      const entry = requireRecord(c, fileName, at);
      const tags = entry.tags === undefined ? [] : requireArray(entry.tags, fileName, `${at}.tags`);
      const tag = tags.length > 0 ? requireString(tags[0], fileName, `${at}.tags[0]`) : '';
      sink.add(
        requireString(entry.cidr, fileName, `${at}.cidr`),
        'oracle',
        region === '' ? null : region,
        tag === '' ? null : tag.toLowerCase().replace(/_/g, '-'),
        at,
      );
    });
  });
  return sink.finish();
}
