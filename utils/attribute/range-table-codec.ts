/**
 * Stored form of a compiled range table (what the extension keeps in IndexedDB and loads at startup).
 *
 * Layout, format version 1, little-endian:
 *   0   4 bytes  magic "OLRT"
 *   4   u16      format version (RANGE_TABLE_FORMAT_VERSION)
 *   6   u16      reserved, 0
 *   8   u32      body length in bytes
 *   12  u32      CRC-32 of the body
 *   16  body:
 *       varint S, then S strings (varint byte length + UTF-8)             provider/region/service/feed texts
 *       varint M, then M metas: provider, region+1, service+1, feed+1    string indexes, 0 = null
 *       varint P4, then three columns of P4 IPv4 prefixes:
 *                  addresses  varint (address − previous address) each
 *                  lengths    u8 each
 *                  metas      u16 each (index into the metas above)
 *       varint P6, then three columns of P6 IPv6 prefixes:
 *                  addresses  u8 c = leading bytes equal to the previous address, u8 e = end of the significant
 *                             bytes (bytes ≥ e are zero), then bytes [c, e)
 *                  lengths    u8 each
 *                  metas      u16 each
 * Prefixes are sorted by address then length, so deltas are small; columns keep the length and meta loops trivial.
 * Intervals and the lookup index are not stored: createRangeTable rebuilds them (a linear sweep). At most 65,535
 * metas (the real feeds give ~4,000). Any mismatch throws; the caller keeps its previous table.
 */
import { createByteReader, createByteWriter } from './byte-buffer';
import { crc32 } from './crc32';
import {
  createRangeTable,
  type FamilyPrefixes,
  type RangeMeta,
  type RangeTable,
  type RangeTableData,
} from './range-table-data';

export const RANGE_TABLE_MAGIC = 'OLRT';
export const RANGE_TABLE_FORMAT_VERSION = 1;
const HEADER_BYTES = 16;

export function serializeRangeTable(table: RangeTable): Uint8Array {
  const { metas, v4, v6 } = table.data;
  const body = createByteWriter(1 << 20);
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const intern = (s: string): number => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const metaIds = metas.map((m) => [
    intern(m.provider),
    m.region === null ? 0 : intern(m.region) + 1,
    m.service === null ? 0 : intern(m.service) + 1,
    m.feed === null ? 0 : intern(m.feed) + 1,
  ]);
  body.varint(strings.length);
  for (const s of strings) body.string(s);
  body.varint(metaIds.length);
  for (const ids of metaIds) for (const id of ids) body.varint(id);

  if (metas.length > 0xffff) throw new Error(`range table: too many metas (${metas.length}, limit 65535)`);
  body.varint(v4.count);
  let prev = 0;
  for (let i = 0; i < v4.count; i++) {
    body.varint(v4.words[i]! - prev);
    prev = v4.words[i]!;
  }
  body.bytes(v4.lens.subarray(0, v4.count));
  for (let i = 0; i < v4.count; i++) body.u16(v4.meta[i]!);

  body.varint(v6.count);
  const prevBytes = new Uint8Array(16);
  const cur = new Uint8Array(16);
  for (let i = 0; i < v6.count; i++) {
    for (let k = 0; k < 16; k++) cur[k] = (v6.words[i * 4 + (k >> 2)]! >>> (24 - 8 * (k & 3))) & 0xff;
    let c = 0;
    while (c < 16 && cur[c] === prevBytes[c]) c++;
    let e = 16;
    while (e > c && cur[e - 1] === 0) e--;
    body.byte(c);
    body.byte(e);
    body.bytes(cur.subarray(c, e));
    prevBytes.set(cur);
  }
  body.bytes(v6.lens.subarray(0, v6.count));
  for (let i = 0; i < v6.count; i++) body.u16(v6.meta[i]!);

  const bodyBytes = body.finish();
  const out = createByteWriter(HEADER_BYTES + bodyBytes.length);
  for (const ch of RANGE_TABLE_MAGIC) out.byte(ch.charCodeAt(0));
  out.u16(RANGE_TABLE_FORMAT_VERSION);
  out.u16(0);
  out.u32(bodyBytes.length);
  out.u32(crc32(bodyBytes));
  out.bytes(bodyBytes);
  return out.finish();
}

/** Throws a plain Error saying what is wrong: bad magic, unsupported version, truncated, checksum, bad content. */
export function loadRangeTable(bytes: Uint8Array): RangeTable {
  if (!(bytes instanceof Uint8Array)) throw new Error('range table: not a byte array');
  if (bytes.length < HEADER_BYTES)
    throw new Error(`range table: truncated (${bytes.length} bytes, header is 16)`);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== RANGE_TABLE_MAGIC) throw new Error(`range table: bad magic ${JSON.stringify(magic)}`);
  const header = createByteReader(bytes, 4, HEADER_BYTES);
  const version = header.u16();
  if (version !== RANGE_TABLE_FORMAT_VERSION) {
    throw new Error(
      `range table: unsupported format version ${version} (expected ${RANGE_TABLE_FORMAT_VERSION})`,
    );
  }
  header.u16();
  const bodyLength = header.u32();
  const checksum = header.u32();
  if (bytes.length !== HEADER_BYTES + bodyLength) {
    throw new Error(
      `range table: truncated or padded (${bytes.length} bytes, header says ${HEADER_BYTES + bodyLength})`,
    );
  }
  if (crc32(bytes, HEADER_BYTES) !== checksum)
    throw new Error('range table: checksum mismatch (corrupted bytes)');
  try {
    return createRangeTable(decodeBody(bytes));
  } catch (e) {
    throw new Error(`range table: malformed body (${(e as Error).message})`);
  }
}

function decodeBody(bytes: Uint8Array): RangeTableData {
  const r = createByteReader(bytes, HEADER_BYTES);
  const strings: string[] = [];
  const sCount = r.varint();
  for (let i = 0; i < sCount; i++) strings.push(r.string());
  const str = (id: number): string => {
    const s = strings[id];
    if (s === undefined) throw new RangeError(`string index ${id} out of range`);
    return s;
  };
  const metas: RangeMeta[] = [];
  const mCount = r.varint();
  for (let i = 0; i < mCount; i++) {
    const provider = str(r.varint());
    const region = r.varint();
    const service = r.varint();
    const feed = r.varint();
    metas.push({
      provider,
      region: region === 0 ? null : str(region - 1),
      service: service === 0 ? null : str(service - 1),
      feed: feed === 0 ? null : str(feed - 1),
    });
  }

  const { v4, v6 } = decodePrefixSections(bytes, r.position, metas.length);
  return { metas, v4, v6 };
}

/** Kept outside the decoder so that its cursor stays a plain local (a closure over it would slow every read). */
function fail(what: string, pos: number): never {
  throw new RangeError(`${what} at byte ${pos}`);
}

/**
 * The two prefix sections, the bulk of the bytes: decoded inline on a local cursor (no reader closures, no
 * allocation per prefix), since this runs on every table load.
 */
function decodePrefixSections(
  bytes: Uint8Array,
  start: number,
  metaCount: number,
): { v4: FamilyPrefixes; v6: FamilyPrefixes } {
  const end = bytes.length;
  let pos = start;
  let x = 0;
  let v = 0;
  let scale = 1;

  // Each varint below is the same inlined loop: v = value.
  v = 0;
  scale = 1;
  do {
    if (pos >= end) fail('unexpected end of data', pos);
    x = bytes[pos++]!;
    v += (x & 0x7f) * scale;
    scale *= 0x80;
  } while (x >= 0x80);
  const n4 = v;
  if (n4 > end) fail('bad IPv4 prefix count', pos);
  const words4 = new Uint32Array(n4);
  let prev = 0;
  for (let i = 0; i < n4; i++) {
    v = 0;
    scale = 1;
    do {
      if (pos >= end) fail('unexpected end of data', pos);
      x = bytes[pos++]!;
      v += (x & 0x7f) * scale;
      scale *= 0x80;
    } while (x >= 0x80);
    prev += v;
    if (prev > 0xffffffff) fail(`bad IPv4 prefix ${i}`, pos);
    words4[i] = prev;
  }
  if (pos + 3 * n4 > end) fail('unexpected end of data', pos);
  const lens4 = bytes.slice(pos, pos + n4);
  pos += n4;
  const meta4 = readMetas(bytes, pos, n4, metaCount);
  pos += 2 * n4;
  for (let i = 0; i < n4; i++) if (lens4[i]! > 32) fail(`bad IPv4 prefix length ${lens4[i]}`, pos);

  v = 0;
  scale = 1;
  do {
    if (pos >= end) fail('unexpected end of data', pos);
    x = bytes[pos++]!;
    v += (x & 0x7f) * scale;
    scale *= 0x80;
  } while (x >= 0x80);
  const n6 = v;
  if (n6 > end) fail('bad IPv6 prefix count', pos);
  const words6 = new Uint32Array(4 * n6);
  const cur = new Uint8Array(16);
  for (let i = 0; i < n6; i++) {
    if (pos + 2 > end) fail('unexpected end of data', pos);
    const c = bytes[pos++]!;
    const e = bytes[pos++]!;
    if (c > 16 || e > 16 || e < c || pos + (e - c) > end) fail(`bad IPv6 prefix ${i}`, pos);
    for (let k = c; k < e; k++) cur[k] = bytes[pos++]!;
    for (let k = e; k < 16; k++) cur[k] = 0;
    for (let w = 0; w < 4; w++) {
      words6[i * 4 + w] =
        ((cur[w * 4]! << 24) | (cur[w * 4 + 1]! << 16) | (cur[w * 4 + 2]! << 8) | cur[w * 4 + 3]!) >>> 0;
    }
  }
  if (pos + 3 * n6 > end) fail('unexpected end of data', pos);
  const lens6 = bytes.slice(pos, pos + n6);
  pos += n6;
  const meta6 = readMetas(bytes, pos, n6, metaCount);
  pos += 2 * n6;
  for (let i = 0; i < n6; i++) if (lens6[i]! > 128) fail(`bad IPv6 prefix length ${lens6[i]}`, pos);
  if (pos !== end) fail(`${end - pos} trailing bytes`, pos);
  return {
    v4: { count: n4, words: words4, lens: lens4, meta: meta4 },
    v6: { count: n6, words: words6, lens: lens6, meta: meta6 },
  };
}

/** A column of n little-endian u16 meta indexes at `pos`, each checked against the meta count. */
function readMetas(bytes: Uint8Array, pos: number, n: number, metaCount: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const m = bytes[pos + 2 * i]! | (bytes[pos + 2 * i + 1]! << 8);
    if (m >= metaCount) fail(`meta index ${m} out of range`, pos + 2 * i);
    out[i] = m;
  }
  return out;
}
