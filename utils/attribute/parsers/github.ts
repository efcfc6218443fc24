/**
 * GitHub meta API: every array-of-CIDR key (`hooks`, `web`, `api`, `git`, `pages`, `actions`, ...) becomes
 * service = key name; no region. Non-range keys (`ssh_keys`, `ssh_key_fingerprints`, `domains`,
 * `verifiable_password_authentication`) are skipped by name; any other non-array key is ignored.
 */
import { RangeFeedError } from '../range-feed-error';
import type { RangePrefix } from '../types';
import { createPrefixSink, parseFeedJson, requireRecord, requireString } from './feed-input';

const NON_RANGE_KEYS = new Set([
  'ssh_keys',
  'ssh_key_fingerprints',
  'domains',
  'verifiable_password_authentication',
]);

export function parseGithubMeta(text: string, fileName: string): RangePrefix[] {
  const root = requireRecord(parseFeedJson(text, fileName), fileName, 'the top level');
  const sink = createPrefixSink(fileName);
  let lists = 0;
  for (const [key, value] of Object.entries(root)) {
    if (NON_RANGE_KEYS.has(key) || !Array.isArray(value)) continue;
    lists++;
    value.forEach((cidr, i) => {
      sink.add(
        requireString(cidr, fileName, `${key}[${i}]`),
        'github',
        null,
        key.replace(/_/g, '-'),
        `${key}[${i}]`,
      );
    });
  }
  if (lists === 0)
    throw new RangeFeedError(fileName, 'no range lists (expected keys such as "web", "api", "pages")');
  return sink.finish();
}
