/**
 * Google's two lists share one format: `prefixes[].{ipv4Prefix | ipv6Prefix, service?, scope?}`.
 * cloud.json → provider `gcp`, region = scope (`global` → null). goog.json (all Google) → provider `google`,
 * region null; where goog.json repeats a cloud.json prefix the compiled table prefers `gcp` (range-priority.ts).
 */
import { RangeFeedError } from '../range-feed-error';
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

function parseGooglePrefixes(text: string, fileName: string, provider: 'gcp' | 'google'): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  requireArray(root.prefixes, fileName, 'prefixes').forEach((item, i) => {
    const where = `prefixes[${i}]`;
    const rec = requireRecord(item, fileName, where);
    const family = rec.ipv4Prefix !== undefined ? 4 : 6;
    const field = family === 4 ? 'ipv4Prefix' : 'ipv6Prefix';
    if (rec[field] === undefined)
      throw new RangeFeedError(fileName, `${where} has neither ipv4Prefix nor ipv6Prefix`);
    if (family === 4 && rec.ipv6Prefix !== undefined)
      throw new RangeFeedError(fileName, `${where} has both ipv4Prefix and ipv6Prefix`);
    let region: string | null = null;
    if (provider === 'gcp') {
      const scope = requireString(rec.scope, fileName, `${where}.scope`);
      region = scope === 'global' || scope === '' ? null : scope;
    }
    const at = `${where}.${field}`;
    sink.add(requireString(rec[field], fileName, at), provider, region, null, at, family);
  });
  return sink.finish();
}

export function parseGcpCloud(text: string, fileName: string): RangePrefix[] {
  return parseGooglePrefixes(text, fileName, 'gcp');
}

export function parseGoogleGoog(text: string, fileName: string): RangePrefix[] {
  return parseGooglePrefixes(text, fileName, 'google');
}
