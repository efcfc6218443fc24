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
    const cidr = rec.ipv4Prefix ?? rec.ipv6Prefix;
    if (cidr === undefined)
      throw new RangeFeedError(fileName, `${where} has neither ipv4Prefix nor ipv6Prefix`);
    let region: string | null = null;
    if (provider === 'gcp') {
      const scope = requireString(rec.scope, fileName, `${where}.scope`);
      region = scope === 'global' || scope === '' ? null : scope;
    }
    sink.add(requireString(cidr, fileName, `${where}.ipv4Prefix`), provider, region, null, where);
  });
  return sink.prefixes;
}

export function parseGcpCloud(text: string, fileName: string): RangePrefix[] {
  return parseGooglePrefixes(text, fileName, 'gcp');
}

export function parseGoogleGoog(text: string, fileName: string): RangePrefix[] {
  return parseGooglePrefixes(text, fileName, 'google');
}
