/** Fastly public-ip-list: `{addresses: string[], ipv6_addresses: string[]}`; anycast, so no region. */
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

export function parseFastlyList(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  for (const key of ['addresses', 'ipv6_addresses']) {
    requireArray(root[key], fileName, key).forEach((cidr, i) => {
      sink.add(requireString(cidr, fileName, `${key}[${i}]`), 'fastly', null, null, `${key}[${i}]`);
    });
  }
  return sink.prefixes;
}
