/**
 * Growable byte writer and bounds-checked reader for compact binary formats: unsigned LEB128 varints, raw bytes,
 * little-endian u16/u32 and length-prefixed UTF-8 strings. The reader throws on reading past the end.
 */
export function createByteWriter(initial = 1 << 16) {
  let buf = new Uint8Array(initial);
  let pos = 0;
  const ensure = (extra: number): void => {
    if (pos + extra <= buf.length) return;
    let size = buf.length * 2;
    while (size < pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(buf.subarray(0, pos));
    buf = next;
  };
  const encoder = new TextEncoder();
  const writer = {
    byte(v: number): void {
      ensure(1);
      buf[pos++] = v;
    },
    varint(v: number): void {
      ensure(5);
      while (v >= 0x80) {
        buf[pos++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      buf[pos++] = v;
    },
    u16(v: number): void {
      ensure(2);
      buf[pos++] = v & 0xff;
      buf[pos++] = (v >>> 8) & 0xff;
    },
    u32(v: number): void {
      ensure(4);
      for (let k = 0; k < 4; k++) buf[pos++] = (v >>> (8 * k)) & 0xff;
    },
    bytes(src: Uint8Array): void {
      ensure(src.length);
      buf.set(src, pos);
      pos += src.length;
    },
    string(s: string): void {
      const b = encoder.encode(s);
      writer.varint(b.length);
      writer.bytes(b);
    },
    get length(): number {
      return pos;
    },
    finish: (): Uint8Array => buf.slice(0, pos),
  };
  return writer;
}

export type ByteReader = ReturnType<typeof createByteReader>;

export function createByteReader(bytes: Uint8Array, start = 0, end = bytes.length) {
  let pos = start;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const need = (n: number): void => {
    if (pos + n > end) throw new RangeError(`unexpected end of data at byte ${pos}`);
  };
  const reader = {
    byte(): number {
      need(1);
      return bytes[pos++]!;
    },
    varint(): number {
      let v = 0;
      let scale = 1;
      for (let k = 0; k < 5; k++) {
        need(1);
        const b = bytes[pos++]!;
        v += (b & 0x7f) * scale;
        if (b < 0x80) return v;
        scale *= 0x80;
      }
      throw new RangeError(`varint too long at byte ${pos}`);
    },
    u16(): number {
      need(2);
      const v = bytes[pos]! | (bytes[pos + 1]! << 8);
      pos += 2;
      return v;
    },
    u32(): number {
      need(4);
      const v =
        (bytes[pos]! | (bytes[pos + 1]! << 8) | (bytes[pos + 2]! << 16) | (bytes[pos + 3]! << 24)) >>> 0;
      pos += 4;
      return v;
    },
    string(): string {
      const n = reader.varint();
      need(n);
      const s = decoder.decode(bytes.subarray(pos, pos + n));
      pos += n;
      return s;
    },
    get position(): number {
      return pos;
    },
  };
  return reader;
}
