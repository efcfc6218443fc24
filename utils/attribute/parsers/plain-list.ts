/**
 * One CIDR per line (Cloudflare ips-v4/v6, Akamai origin lists): no region, no service.
 * Tolerates what the real files do: no trailing newline, trailing TABs (Akamai), CRLF, `#` comments.
 */
import type { RangePrefix } from '../types';
import { checkFeedText, createPrefixSink, getDataLines } from './feed-input';

function parsePlainList(text: string, fileName: string, provider: string): RangePrefix[] {
  checkFeedText(text, fileName);
  const sink = createPrefixSink(fileName);
  for (const { line, number } of getDataLines(text)) sink.add(line, provider, null, null, `line ${number}`);
  return sink.prefixes;
}

export function parseCloudflareList(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'cloudflare');
}

export function parseAkamaiList(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'akamai');
}
