/**
 * One CIDR per line (Cloudflare ips-v4/v6, Akamai origin lists): no region, no service; each file holds one family.
 * Tolerates what the real files do: no trailing newline, trailing TABs (Akamai), CRLF, `#` comments.
 *
 * Truncation: these files are published without a final newline, so a missing one proves nothing. Instead every
 * line must be a complete prefix under feed-cidr.ts's rules, and a cut inside the last line always breaks one (no
 * length left, or a length cut to one broader than MIN_PREFIX_LEN). A cut exactly at a line break leaves a shorter
 * but correct list; the updater's count check (feed-update.ts) catches a large loss.
 */
import type { RangePrefix } from '../types';
import { checkFeedText, createPrefixSink } from './feed-input';
import { getDataLines } from './feed-lines';

function parsePlainList(text: string, fileName: string, provider: string, family: 4 | 6): RangePrefix[] {
  checkFeedText(text, fileName);
  const sink = createPrefixSink(fileName);
  for (const { line, number } of getDataLines(text)) {
    sink.add(line, provider, null, null, `line ${number}`, family);
  }
  return sink.finish();
}

export function parseCloudflareV4(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'cloudflare', 4);
}

export function parseCloudflareV6(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'cloudflare', 6);
}

export function parseAkamaiV4(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'akamai', 4);
}

export function parseAkamaiV6(text: string, fileName: string): RangePrefix[] {
  return parsePlainList(text, fileName, 'akamai', 6);
}
