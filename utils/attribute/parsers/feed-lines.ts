/**
 * Line-based feeds (plain CIDR lists, RFC 8805 CSV geofeeds): data lines, and the truncation check for feeds that
 * are published with a final line break.
 */
import { RangeFeedError } from '../range-feed-error';

/** Splits a text feed into trimmed lines, dropping blanks and `#` comments; CRLF and trailing tabs are fine. */
export function getDataLines(text: string): Array<{ line: string; number: number }> {
  const out: Array<{ line: string; number: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    out.push({ line, number: i + 1 });
  }
  return out;
}

/**
 * Throws when the last data line has no line break after it. Only for feeds whose published file ends every line
 * with one (both real geofeeds do): there, an unterminated line is a cut download, whose last row may still look
 * valid (`104.64.224.0/19,US,US-NJ,Cedar Kn`, or a prefix cut to a shorter one).
 */
export function requireFinalLineBreak(text: string, file: string): void {
  const lastBreak = text.lastIndexOf('\n');
  const tail = text.slice(lastBreak + 1).trim();
  if (tail === '' || tail.startsWith('#')) return;
  const number = lastBreak < 0 ? 1 : text.slice(0, lastBreak + 1).split('\n').length;
  throw new RangeFeedError(
    file,
    `truncated: line ${number} (${JSON.stringify(tail.slice(0, 60))}) has no line break after it`,
  );
}
