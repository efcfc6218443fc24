/** Fastly public-ip-list: `{addresses: string[], ipv6_addresses: string[]}`; anycast, so no region. */
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

export function parseFastlyList(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  for (const [key, family] of [
    ['addresses', 4],
    ['ipv6_addresses', 6],
  ] as const) {
    requireArray(root[key], fileName, key).forEach((cidr, i) => {
      const where = `${key}[${i}]`;
      sink.add(requireString(cidr, fileName, where), 'fastly', null, null, where, family);
    });
  }
  return sink.finish();
}
