/**
 * AWS ip-ranges.json: `prefixes[].{ip_prefix, region, service}` and `ipv6_prefixes[].{ipv6_prefix, ...}`.
 * Region `GLOBAL` → null. Service `AMAZON` (the catch-all every other service's ranges also sit in) → null, so that
 * the specific service wins on identical prefixes; others become lower-case kebab (`API_GATEWAY` → `api-gateway`).
 */
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireArray, requireRecord, requireString } from './feed-input';

export function getAwsService(service: string): string | null {
  return service === 'AMAZON' ? null : service.toLowerCase().replace(/_/g, '-');
}

export function parseAwsRanges(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  for (const [key, field, family] of [
    ['prefixes', 'ip_prefix', 4],
    ['ipv6_prefixes', 'ipv6_prefix', 6],
  ] as const) {
    const list = requireArray(root[key], fileName, key);
    list.forEach((item, i) => {
      const where = `${key}[${i}]`;
      const rec = requireRecord(item, fileName, where);
      const region = requireString(rec.region, fileName, `${where}.region`);
      const service = requireString(rec.service, fileName, `${where}.service`);
      sink.add(
        requireString(rec[field], fileName, `${where}.${field}`),
        'aws',
        region === 'GLOBAL' || region === '' ? null : region,
        getAwsService(service),
        where,
        family,
      );
    });
  }
  return sink.finish();
}
