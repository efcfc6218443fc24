/**
 * Special-purpose address blocks (RFC 6890 registries: private, loopback, link-local, documentation, 6to4, ...).
 * No provider can own them, yet real feeds list some (Vultr's geofeed claims 192.0.2.0/24, 2001:db8::/32 and
 * 2002::/16, the 6to4 block). Feed prefixes inside these blocks are ignored with a count (feeds.ts), so that a
 * documentation or 6to4 address never reads as a provider. User mappings may still name private ranges.
 */
import { parseCidr } from './cidr';

export const SPECIAL_PURPOSE_BLOCKS: readonly string[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '::ffff:0:0/96',
  '64:ff9b::/96',
  '100::/64',
  '2001::/23',
  '2001:db8::/32',
  '2002::/16',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
];

const BLOCKS = SPECIAL_PURPOSE_BLOCKS.map((text) => ({ text, cidr: parseCidr(text)! }));

/** The special-purpose block a prefix lies in (or equals), or null. */
export function getSpecialPurposeBlock(cidrText: string): string | null {
  const c = parseCidr(cidrText);
  if (c === null) return null;
  for (const { text, cidr: b } of BLOCKS) {
    if (b.family !== c.family || c.len < b.len) continue;
    let inside = true;
    for (let k = 0, bits = b.len; k < b.words.length && bits > 0; k++, bits -= 32) {
      const keep = Math.min(bits, 32);
      const size = 2 ** (32 - keep);
      if (Math.floor(c.words[k]! / size) !== Math.floor(b.words[k]! / size)) {
        inside = false;
        break;
      }
    }
    if (inside) return text;
  }
  return null;
}
