/**
 * Thin adapter: downloads one range feed with a conditional request, a size limit and a timeout, and reports
 * the outcome as a FeedFetchResult (utils/attribute/feed-update.ts). Never throws. `fetchFeedSource` adds the
 * per-source choices: which validators to send, the page lookup for feeds without a fixed address, and the
 * member read for feeds published inside a zip (utils/attribute/zip-reader.ts, inflated by the platform's
 * DecompressionStream). No cookies are sent (`credentials: 'omit'`), and the HTTP cache is bypassed so that
 * our own validators decide (a 304 is ours).
 */
import type { FeedSource, FeedZipMember } from '../attribute/feed-sources';
import type { FeedFetchResult, FeedState } from '../attribute/feed-update';
import { DEFAULT_ZIP_LIMITS, type Inflate, readZipEntries, ZipError } from '../attribute/zip-reader';

export interface FeedFetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  maxBytes: number;
  timeoutMs?: number;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
}

export const DEFAULT_FEED_TIMEOUT_MS = 60_000;

/** A download's outcome before it is decoded: the body as bytes. */
export type FeedBytesResult =
  | { status: 200; bytes: Uint8Array; etag?: string; lastModified?: string }
  | { status: 304; etag?: string; lastModified?: string }
  | { status: 'error'; error: string };

/** Reads at most `maxBytes` of a stream; null when it is larger (the rest is cancelled, not read). */
async function readLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const reader = stream?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function describeError(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut)
    return `timed out after ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `network error: ${e?.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
}

/** Raw deflate through the platform's DecompressionStream, stopping once the output passes `maxBytes`. */
export const inflateRaw: Inflate = async (data, maxBytes) => {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const out = await readLimited(stream, maxBytes);
  if (out === null) throw new Error(`output passes ${maxBytes} bytes`);
  return out;
};

/** The body as bytes, with its validators; the same request, limits and errors as fetchFeed. */
export async function fetchFeedBytes(request: FeedFetchRequest): Promise<FeedBytesResult> {
  const doFetch = request.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = request.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers: Record<string, string> = {};
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;
  try {
    const response = await doFetch(request.url, {
      headers,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    const validators = {
      ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
      ...(response.headers.get('last-modified')
        ? { lastModified: response.headers.get('last-modified')! }
        : {}),
    };
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 304, ...validators };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'error', error: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > request.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 'error', error: `too large: ${declared} bytes (limit ${request.maxBytes})` };
    }
    const bytes = await readLimited(response.body, request.maxBytes);
    if (bytes === null)
      return { status: 'error', error: `too large: over the ${request.maxBytes}-byte limit` };
    return { status: 200, bytes, ...validators };
  } catch (error) {
    return { status: 'error', error: describeError(error, timedOut, timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}

function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export async function fetchFeed(request: FeedFetchRequest): Promise<FeedFetchResult> {
  const r = await fetchFeedBytes(request);
  if (r.status !== 200) return r;
  const { bytes, ...validators } = r;
  return { ...validators, text: decodeText(bytes) };
}

/** One member of a downloaded zip as text; a bad archive is an error result naming the problem. */
async function readZipMember(r: FeedBytesResult, member: FeedZipMember): Promise<FeedFetchResult> {
  if (r.status !== 200) return r;
  const { bytes, ...validators } = r;
  try {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxArchiveBytes: bytes.length, maxEntryBytes: member.maxBytes };
    const out = await readZipEntries(bytes, [member.name], inflateRaw, limits);
    return { ...validators, text: decodeText(out[member.name]!) };
  } catch (error) {
    const message =
      error instanceof ZipError ? error.message : `zip: ${(error as Error).message ?? String(error)}`;
    return { status: 'error', error: message };
  }
}

/**
 * Downloads shared by the feeds of one round, keyed by address and validators: the feeds packed in one zip
 * fetch it once. Make a new one per round.
 */
export type SharedDownloads = Map<string, Promise<FeedBytesResult>>;

export interface FeedSourceFetchOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  downloads?: SharedDownloads;
}

/**
 * Downloads one feed as its source says: from its fixed address with the stored validators, or, for a feed
 * found through a page, by reading the page for today's address first. Validators (and the "same address"
 * shortcut) are used only when a good copy is stored, so a 304 always has a text to reuse.
 */
export async function fetchFeedSource(
  source: FeedSource,
  feed: FeedState | undefined,
  hasCopy: boolean,
  options: FeedSourceFetchOptions = {},
): Promise<FeedFetchResult> {
  const common = {
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const validators = {
    ...(hasCopy && feed?.etag ? { etag: feed.etag } : {}),
    ...(hasCopy && feed?.lastModified ? { lastModified: feed.lastModified } : {}),
  };
  if (source.url !== null && source.zipMember) {
    const request = { url: source.url, maxBytes: source.maxBytes, ...validators, ...common };
    const key = JSON.stringify([request.url, request.maxBytes, request.etag, request.lastModified]);
    let download = options.downloads?.get(key);
    if (!download) {
      download = fetchFeedBytes(request);
      options.downloads?.set(key, download);
    }
    return readZipMember(await download, source.zipMember);
  }
  if (source.url !== null) {
    return fetchFeed({ url: source.url, maxBytes: source.maxBytes, ...validators, ...common });
  }
  if (!source.discovery) return { status: 'error', error: 'no download address' };
  const { pageUrl, maxPageBytes, find } = source.discovery;
  const page = await fetchFeed({ url: pageUrl, maxBytes: maxPageBytes, ...common });
  if (page.status === 'error') return { status: 'error', error: `download page: ${page.error}` };
  if (page.status === 304) return { status: 'error', error: 'download page: unexpected 304' };
  const url = find(page.text);
  if (url === null)
    return { status: 'error', error: `download page has no link to the current file (${pageUrl})` };
  if (hasCopy && feed?.sourceUrl === url) return { status: 304 };
  const file = await fetchFeed({ url, maxBytes: source.maxBytes, ...common });
  return file.status === 200 ? { ...file, sourceUrl: url } : file;
}
