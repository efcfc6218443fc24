/**
 * Builds zip archives for tests: members stored or deflated (node:zlib), with knobs to write the lies a broken
 * or hostile archive tells (wrong CRC, wrong declared size, encryption flag, another method). CRCs come from
 * node:zlib, independent of ../../crc32. Layout as APPNOTE 6.3: local headers + data, central directory, EOCD.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { getDefaultRangesDir } from '../../../../cli/lib/shared-paths';
import type { Inflate } from '../../zip-reader';

export interface ZipMemberSpec {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** General-purpose flags written as is; 0x8 also writes a data descriptor after the data. */
  flags?: number;
  /** Written instead of the real values. */
  crc32?: number;
  size?: number;
  methodCode?: number;
}

const FLAG_DATA_DESCRIPTOR = 0x8;

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export function buildZip(members: readonly ZipMemberSpec[], { comment = '' } = {}): Uint8Array {
  const enc = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  for (const m of members) {
    const raw = typeof m.data === 'string' ? enc.encode(m.data) : m.data;
    const method = m.method ?? 8;
    const body = method === 8 ? new Uint8Array(deflateRawSync(raw)) : raw;
    const name = enc.encode(m.name);
    const flags = m.flags ?? 0;
    const crc = m.crc32 ?? crc32(raw);
    const size = m.size ?? raw.length;
    const code = m.methodCode ?? method;
    const offset = local.length;
    const described = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
    // With a data descriptor the local header leaves CRC and sizes zero, as streaming zippers do.
    const sizes = described
      ? [...u32(0), ...u32(0), ...u32(0)]
      : [...u32(crc), ...u32(body.length), ...u32(size)];
    local.push(...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(code), ...u16(0), ...u16(0x5821));
    local.push(...sizes, ...u16(name.length), ...u16(0), ...name, ...body);
    if (described) local.push(...u32(0x08074b50), ...u32(crc), ...u32(body.length), ...u32(size));
    central.push(...u32(0x02014b50), ...u16(0x031e), ...u16(20), ...u16(flags), ...u16(code), ...u16(0));
    central.push(...u16(0x5821), ...u32(crc), ...u32(body.length), ...u32(size), ...u16(name.length));
    central.push(...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const note = enc.encode(comment);
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(members.length),
    ...u16(members.length),
    ...u32(central.length),
    ...u32(local.length),
    ...u16(note.length),
    ...note,
  ];
  return Uint8Array.from([...local, ...central, ...end]);
}

/** node:zlib as the reader's inflater; zlib refuses output past maxOutputLength. */
export const nodeInflate: Inflate = async (data, maxBytes) =>
  new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }));

/** The real Akamai member files from ../shared, under the names they have inside Akamai's zip. */
export const AKAMAI_MEMBERS = [
  { name: 'akamai_ipv4_CIDRs.txt', file: 'akamai-ipv4-cidrs.txt' },
  { name: 'akamai_ipv6_CIDRs.txt', file: 'akamai-ipv6-cidrs.txt' },
] as const;

export function readRealFeed(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(getDefaultRangesDir(), file)));
}

/**
 * Akamai's archive as published: both lists plus the `__MACOSX/` resource forks that macOS's zipper adds,
 * written with data descriptors.
 */
export function buildAkamaiZip(method: 0 | 8 = 8, flags = FLAG_DATA_DESCRIPTOR): Uint8Array {
  const fork = new Uint8Array(82).fill(0x41);
  return buildZip([
    ...AKAMAI_MEMBERS.map((m) => ({ name: m.name, data: readRealFeed(m.file), method, flags })),
    ...AKAMAI_MEMBERS.map((m) => ({ name: `__MACOSX/._${m.name}`, data: fork, method, flags })),
  ]);
}

/** Offset of the last occurrence of a 4-byte little-endian signature. */
export function lastSignatureAt(zip: Uint8Array, signature: number): number {
  for (let i = zip.length - 4; i >= 0; i--) {
    if ((zip[i]! | (zip[i + 1]! << 8) | (zip[i + 2]! << 16) | (zip[i + 3]! << 24)) >>> 0 === signature)
      return i;
  }
  return -1;
}
