/**
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), the checksum of stored range tables.
 * Slicing-by-8: TABLES holds 8 × 256 u32 entries (table k = CRC of a byte followed by k zero bytes), so the main
 * loop folds 8 bytes per step, read as two little-endian u32 words when the bytes are 4-byte aligned (IndexedDB
 * and fetch hand out fresh, aligned buffers); it runs over the whole stored table on every load.
 */
const TABLES = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const prev = t[(k - 1) * 256 + n]!;
      t[k * 256 + n] = (t[prev & 0xff]! ^ (prev >>> 8)) >>> 0;
    }
  }
  return t;
})();

/** Whether a Uint32Array view reads bytes little-endian, as the word path assumes. */
const IS_LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  const t = TABLES;
  let c = 0xffffffff;
  let i = from;
  // Byte steps up to a 4-byte boundary, then whole 8-byte steps on a word view, then the tail byte by byte.
  if (IS_LITTLE_ENDIAN) {
    while (i < to && ((bytes.byteOffset + i) & 3) !== 0) c = t[(c ^ bytes[i++]!) & 0xff]! ^ (c >>> 8);
    const words = Math.floor((to - i) / 8) * 2;
    if (words > 0) {
      const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
      for (let w = 0; w < words; w += 2) {
        const a = c ^ view[w]!;
        const b = view[w + 1]!;
        c =
          t[1792 + (a & 0xff)]! ^
          t[1536 + ((a >>> 8) & 0xff)]! ^
          t[1280 + ((a >>> 16) & 0xff)]! ^
          t[1024 + (a >>> 24)]! ^
          t[768 + (b & 0xff)]! ^
          t[512 + ((b >>> 8) & 0xff)]! ^
          t[256 + ((b >>> 16) & 0xff)]! ^
          t[b >>> 24]!;
      }
      i += words * 4;
    }
  }
  for (; i < to; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
