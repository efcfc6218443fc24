/**
 * A small zip reader for feeds published inside an archive (Akamai's range lists). Only what such a file needs:
 * one disk, no ZIP64, no encryption, members stored (method 0) or deflated (method 8). Anything else is refused
 * with a ZipError naming the problem, before any member is inflated.
 *
 * Archive layout (PKWARE APPNOTE 6.3, all numbers little-endian):
 *   [local header 30 B + name + extra, then the member's data] × members
 *   [central directory: one record per member, 46 B + name + extra + comment]
 *   [end of central directory (EOCD): 22 B + archive comment of up to 65,535 B]
 * The reader starts from the EOCD, walks the central directory (sizes, CRC and offsets come from there, so
 * members written with a trailing data descriptor read the same), then checks each wanted member's local header.
 *
 * Inflating is passed in (`Inflate`): the browser uses DecompressionStream, tests may use node:zlib; this module
 * stays free of either. Sizes are checked twice: the declared size against the limit before inflating, and the
 * inflater is told to stop past the declared size, so a member that lies about its size cannot grow without end.
 */
import { crc32 } from './crc32';

/** Inflates raw deflate data; must fail (reject) rather than produce more than `maxBytes` bytes. */
export type Inflate = (data: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

export class ZipError extends Error {
  constructor(message: string) {
    super(`zip: ${message}`);
    this.name = 'ZipError';
  }
}

/** One member as the central directory describes it. */
export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** Declared inflated size. */
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest archive accepted. */
  maxArchiveBytes: number;
  /** Largest member, declared or inflated. */
  maxEntryBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveBytes: 16 * 1024 * 1024,
  maxEntryBytes: 32 * 1024 * 1024,
  maxEntries: 1000,
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const METHOD_AES = 99;

const nameDecoder = new TextDecoder('utf-8');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The EOCD offset: the last signature whose comment ends exactly at the end of the archive. */
function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const last = bytes.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (
      dv.getUint32(at, true) === EOCD_SIGNATURE &&
      at + EOCD_SIZE + dv.getUint16(at + 20, true) === bytes.length
    )
      return at;
  }
  throw new ZipError('no end-of-central-directory record (truncated, or not a zip file)');
}

/** A checked central directory: the members, and where their data must end (the directory's start). */
export interface ZipDirectory {
  bytes: Uint8Array;
  entries: ZipEntry[];
  directoryOffset: number;
}

/** Reads the central directory; throws ZipError on anything this reader does not accept. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipDirectory {
  if (bytes.length > limits.maxArchiveBytes)
    throw new ZipError(`archive is ${bytes.length} bytes (limit ${limits.maxArchiveBytes})`);
  if (bytes.length < EOCD_SIZE) throw new ZipError(`archive is only ${bytes.length} bytes (truncated)`);
  const dv = view(bytes);
  const eocd = findEndRecord(bytes, dv);
  const disk = dv.getUint16(eocd + 4, true);
  const cdDisk = dv.getUint16(eocd + 6, true);
  const onDisk = dv.getUint16(eocd + 8, true);
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE)
  )
    throw new ZipError('ZIP64 archives are not supported');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count)
    throw new ZipError('multi-disk archives are not supported');
  if (count > limits.maxEntries) throw new ZipError(`${count} members (limit ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) throw new ZipError('central directory runs past its end record (truncated)');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > cdOffset + cdSize)
      throw new ZipError(`central directory ends after ${i} of ${count} members`);
    if (dv.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw new ZipError(`bad central directory signature at byte ${at} (member ${i + 1})`);
    const nameLength = dv.getUint16(at + 28, true);
    const next = at + CENTRAL_SIZE + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
    if (next > cdOffset + cdSize)
      throw new ZipError(`central directory record ${i + 1} runs past the directory`);
    const entry: ZipEntry = {
      name: nameDecoder.decode(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength)),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.size === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    )
      throw new ZipError(`member ${JSON.stringify(entry.name)} uses ZIP64 sizes, which are not supported`);
    // Two members of one name would make "the" feed ambiguous.
    if (seen.has(entry.name)) throw new ZipError(`member ${JSON.stringify(entry.name)} appears twice`);
    seen.add(entry.name);
    entries.push(entry);
    at = next;
  }
  return { bytes, entries, directoryOffset: cdOffset };
}

/**
 * The member called `name`: an exact match, else the one member (outside macOS's `__MACOSX/` resource forks)
 * whose last path part is `name`, so a release that moves the files into a folder still reads.
 */
export function findZipEntry(entries: readonly ZipEntry[], name: string): ZipEntry {
  const exact = entries.find((e) => e.name === name);
  if (exact) return exact;
  const nested = entries.filter((e) => e.name.endsWith(`/${name}`) && !e.name.startsWith('__MACOSX/'));
  if (nested.length === 1) return nested[0]!;
  const listed = entries.map((e) => e.name).join(', ');
  if (nested.length > 1) throw new ZipError(`${JSON.stringify(name)} is ambiguous (members: ${listed})`);
  throw new ZipError(`no member ${JSON.stringify(name)} (members: ${listed || 'none'})`);
}

/** The member's bytes as stored in the archive (still compressed), after checking its local header. */
function getStoredData(bytes: Uint8Array, entry: ZipEntry, dataEnd: number): Uint8Array {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  const label = JSON.stringify(entry.name);
  if (at + LOCAL_SIZE > dataEnd) throw new ZipError(`member ${label}: local header is outside the archive`);
  if (dv.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw new ZipError(`member ${label}: bad local header signature`);
  const start = at + LOCAL_SIZE + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dataEnd) throw new ZipError(`member ${label}: data runs past the central directory (truncated)`);
  return bytes.subarray(start, end);
}

/** One member's content, checked against the limit, its declared size and its CRC. */
export async function extractZipEntry(
  { bytes, directoryOffset }: ZipDirectory,
  entry: ZipEntry,
  inflate: Inflate,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Uint8Array> {
  const label = JSON.stringify(entry.name);
  if (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || entry.method === METHOD_AES)
    throw new ZipError(`member ${label} is encrypted`);
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED)
    throw new ZipError(
      `member ${label} uses compression method ${entry.method} (only stored and deflate are read)`,
    );
  if (entry.size > limits.maxEntryBytes)
    throw new ZipError(`member ${label} declares ${entry.size} bytes (limit ${limits.maxEntryBytes})`);
  const stored = getStoredData(bytes, entry, directoryOffset);

  let data: Uint8Array;
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.size)
      throw new ZipError(
        `member ${label} is stored but its sizes differ (${entry.compressedSize} vs ${entry.size})`,
      );
    data = stored;
  } else {
    try {
      // One byte of slack: output past the declared size is then seen as a lie, not a silent cut.
      data = await inflate(stored, entry.size + 1);
    } catch (error) {
      throw new ZipError(`member ${label}: inflate failed (${(error as Error).message ?? String(error)})`);
    }
    if (data.length !== entry.size)
      throw new ZipError(
        `member ${label} inflated to ${data.length} bytes, not the ${entry.size} it declares`,
      );
  }
  const actual = crc32(data);
  if (actual !== entry.crc32)
    throw new ZipError(
      `member ${label}: CRC mismatch (stored ${entry.crc32.toString(16).padStart(8, '0')}, content ${actual.toString(16).padStart(8, '0')})`,
    );
  return data;
}

/** The named members' contents, by the names asked for; the first problem rejects with its ZipError. */
export async function readZipEntries(
  bytes: Uint8Array,
  wanted: readonly string[],
  inflate: Inflate,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Record<string, Uint8Array>> {
  const directory = readZipDirectory(bytes, limits);
  const picked = wanted.map((name) => [name, findZipEntry(directory.entries, name)] as const);
  const out: Record<string, Uint8Array> = {};
  for (const [name, entry] of picked) out[name] = await extractZipEntry(directory, entry, inflate, limits);
  return out;
}
