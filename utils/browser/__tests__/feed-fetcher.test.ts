import type { IncomingMessage, ServerResponse } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AKAMAI_MEMBERS,
  buildAkamaiZip,
  buildZip,
  readRealFeed,
} from '../../attribute/__tests__/helpers/zip-builder';
import type { FeedSource } from '../../attribute/feed-sources';
import { fetchFeed, fetchFeedSource, inflateRaw, type SharedDownloads } from '../feed-fetcher';
import { getRefusedUrl, type LoopbackServer, startLoopbackServer } from './helpers/loopback-server';

const BODY = '104.16.0.0/13\n173.245.48.0/20';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Sat, 01 Nov 2026 12:00:00 GMT';
const ZIP_ETAG = '"zip-1"';
const AKAMAI_ZIP = buildAkamaiZip();

let server: LoopbackServer;
let base = '';
const seen: IncomingMessage['headers'][] = [];

/** Loopback routes, one per case. */
function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push(req.headers);
  switch (req.url) {
    case '/feed':
      if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
        res.writeHead(304, { etag: ETAG }).end();
      } else {
        res
          .writeHead(200, { etag: ETAG, 'last-modified': LAST_MODIFIED, 'content-type': 'text/plain' })
          .end(BODY);
      }
      return;
    case '/error':
      res.writeHead(500).end('oops');
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-length': String(64 * 1024) }).end('x'.repeat(64 * 1024));
      return;
    case '/big-streamed': {
      // Chunked, no Content-Length: only counting while reading can stop it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const tick = () => {
        if (sent >= 256 * 1024 || res.destroyed) return res.end();
        sent += 16 * 1024;
        res.write('y'.repeat(16 * 1024), tick);
      };
      tick();
      return;
    }
    case '/hang':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
      return; // never ends: the timeout must cover the body too
    case '/download-page':
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<a href="${base}/tags_20261123.json">Download</a>`);
      return;
    case '/empty-page':
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>No longer available</p>');
      return;
    case '/tags_20261123.json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"values":[]}');
      return;
    case '/utf8':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"description":"Constant.com — Vultr"}');
      return;
    case '/akamai.zip':
      if (req.headers['if-none-match'] === ZIP_ETAG) return void res.writeHead(304, { etag: ZIP_ETAG }).end();
      res.writeHead(200, { etag: ZIP_ETAG, 'content-type': 'application/zip' }).end(AKAMAI_ZIP);
      return;
    case '/crc-mismatch.zip':
      res.writeHead(200).end(buildZip([{ name: 'akamai_ipv4_CIDRs.txt', data: 'x', crc32: 7 }]));
      return;
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  server = await startLoopbackServer(handle);
  base = server.base;
});

afterAll(() => server.close());

describe('fetchFeed (loopback server)', () => {
  it('downloads the text with its validators', async () => {
    const r = await fetchFeed({ url: `${base}/feed`, maxBytes: 1024 });
    expect(r).toEqual({ status: 200, text: BODY, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(seen.at(-1)?.cookie).toBeUndefined();
  });

  it.each([
    ['If-None-Match', { etag: ETAG }],
    ['If-Modified-Since', { lastModified: LAST_MODIFIED }],
  ])('sends %s and reports a 304', async (_header, validators) => {
    const r = await fetchFeed({ url: `${base}/feed`, maxBytes: 1024, ...validators });
    expect(r).toEqual({ status: 304, etag: ETAG });
  });

  it('a stale validator gets the full text again', async () => {
    const r = await fetchFeed({ url: `${base}/feed`, maxBytes: 1024, etag: '"v0"' });
    expect(r.status).toBe(200);
    expect(seen.at(-1)?.['if-none-match']).toBe('"v0"');
  });

  it.each([
    ['HTTP 500', '/error', 1024, /^HTTP 500$/],
    ['HTTP 404', '/missing', 1024, /^HTTP 404$/],
    ['a Content-Length over the limit', '/big-declared', 1024, /too large: 65536 bytes \(limit 1024\)/],
    ['a streamed body over the limit', '/big-streamed', 40 * 1024, /too large: over the 40960-byte limit/],
  ])('refuses %s', async (_label, route, maxBytes, error) => {
    const r = await fetchFeed({ url: `${base}${route}`, maxBytes });
    expect(r.status).toBe('error');
    expect(r.status === 'error' && r.error).toMatch(error);
  });

  it('gives up after the timeout, even mid-body', async () => {
    const r = await fetchFeed({ url: `${base}/hang`, maxBytes: 1024, timeoutMs: 200 });
    expect(r).toEqual({ status: 'error', error: 'timed out after 200 ms' });
  });

  it('reports a refused connection as a network error', async () => {
    const r = await fetchFeed({ url: await getRefusedUrl('/feed'), maxBytes: 1024 });
    expect(r.status === 'error' && r.error).toMatch(/^network error: /);
  });

  it('decodes UTF-8', async () => {
    const r = await fetchFeed({ url: `${base}/utf8`, maxBytes: 1024 });
    expect(r.status === 200 && r.text).toBe('{"description":"Constant.com — Vultr"}');
  });
});

describe('fetchFeedSource', () => {
  const fixed = (): FeedSource => ({ file: 'cloudflare-ips-v4.txt', url: `${base}/feed`, maxBytes: 1024 });
  const discovered = (page: string): FeedSource => ({
    file: 'azure-service-tags.json',
    url: null,
    maxBytes: 1024,
    discovery: {
      pageUrl: `${base}${page}`,
      maxPageBytes: 1024,
      find: (html) => /http:\/\/127\.0\.0\.1:\d+\/tags_\d{8}\.json/.exec(html)?.[0] ?? null,
    },
  });
  const STORED = { file: 'x', etag: ETAG, lastModified: LAST_MODIFIED };

  it('sends the stored validators only when a good copy is stored', async () => {
    expect(await fetchFeedSource(fixed(), STORED, true)).toEqual({ status: 304, etag: ETAG });
    const r = await fetchFeedSource(fixed(), STORED, false);
    expect(r.status).toBe(200);
    expect(seen.at(-1)?.['if-none-match']).toBeUndefined();
    expect(seen.at(-1)?.['if-modified-since']).toBeUndefined();
  });

  it('reads the current address from the page and downloads it', async () => {
    const r = await fetchFeedSource(discovered('/download-page'), undefined, false);
    expect(r).toEqual({ status: 200, text: '{"values":[]}', sourceUrl: `${base}/tags_20261123.json` });
  });

  it('an unchanged address with a stored copy is "not modified", without downloading the file', async () => {
    const before = seen.length;
    const r = await fetchFeedSource(
      discovered('/download-page'),
      { file: 'x', sourceUrl: `${base}/tags_20261123.json` },
      true,
    );
    expect(r).toEqual({ status: 304 });
    expect(seen.length - before).toBe(1);
  });

  it.each([
    ['a page without the link', '/empty-page', /download page has no link/],
    ['a failing page', '/error', /^download page: HTTP 500$/],
  ])('%s is an error', async (_label, page, error) => {
    const r = await fetchFeedSource(discovered(page), undefined, true);
    expect(r.status === 'error' && r.error).toMatch(error);
  });
});

describe('inflateRaw (the platform DecompressionStream)', () => {
  const text = readRealFeed('akamai-ipv4-cidrs.txt');

  it('inflates what node:zlib deflated', async () => {
    expect(await inflateRaw(new Uint8Array(deflateRawSync(text)), text.length + 1)).toEqual(text);
  });

  it('stops once the output passes the limit', async () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(8 * 1024 * 1024)));
    await expect(inflateRaw(bomb, 1024)).rejects.toThrow(/output passes 1024 bytes/);
  });

  it('rejects data that is not deflate', async () => {
    await expect(inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 1024)).rejects.toThrow();
  });
});

describe('fetchFeedSource for a feed inside a zip', () => {
  const zipped = (route: string, member: string, maxBytes = 64 * 1024): FeedSource => ({
    file: member === 'akamai_ipv4_CIDRs.txt' ? 'akamai-ipv4-cidrs.txt' : 'akamai-ipv6-cidrs.txt',
    url: `${base}${route}`,
    maxBytes,
    zipMember: { name: member, maxBytes: 4 * 1024 },
  });
  const realText = (file: string) => new TextDecoder().decode(readRealFeed(file));

  it.each(AKAMAI_MEMBERS.map((m) => [m.name, m.file]))(
    'reads member %s out of the downloaded archive',
    async (member, file) => {
      const r = await fetchFeedSource(zipped('/akamai.zip', member), undefined, false);
      expect(r).toEqual({ status: 200, text: realText(file), etag: ZIP_ETAG });
    },
  );

  it('the feeds of one zip share a download within a round', async () => {
    const downloads: SharedDownloads = new Map();
    const before = seen.length;
    const results = await Promise.all(
      AKAMAI_MEMBERS.map((m) =>
        fetchFeedSource(zipped('/akamai.zip', m.name), undefined, false, { downloads }),
      ),
    );
    expect(seen.length - before).toBe(1);
    expect(results.map((r) => r.status === 200 && r.text)).toEqual(
      AKAMAI_MEMBERS.map((m) => realText(m.file)),
    );
  });

  it('feeds with different validators do not share one response', async () => {
    const downloads: SharedDownloads = new Map();
    const [a, b] = await Promise.all([
      fetchFeedSource(zipped('/akamai.zip', 'akamai_ipv4_CIDRs.txt'), { file: 'x', etag: ZIP_ETAG }, true, {
        downloads,
      }),
      fetchFeedSource(zipped('/akamai.zip', 'akamai_ipv6_CIDRs.txt'), undefined, false, { downloads }),
    ]);
    expect(a).toEqual({ status: 304, etag: ZIP_ETAG });
    expect(b.status === 200 && b.text).toBe(realText('akamai-ipv6-cidrs.txt'));
  });

  // Sources are built when the test runs: the server's address is known only then.
  it.each<[string, () => FeedSource, RegExp]>([
    [
      'a missing member',
      () => ({
        ...zipped('/akamai.zip', 'akamai_ipv4_CIDRs.txt'),
        zipMember: { name: 'v4.txt', maxBytes: 1024 },
      }),
      /^zip: no member "v4\.txt" \(members: akamai_ipv4_CIDRs\.txt, /,
    ],
    [
      'a member over its limit',
      () => ({
        ...zipped('/akamai.zip', 'akamai_ipv4_CIDRs.txt'),
        zipMember: { name: 'akamai_ipv4_CIDRs.txt', maxBytes: 100 },
      }),
      /^zip: member "akamai_ipv4_CIDRs\.txt" declares 274 bytes \(limit 100\)$/,
    ],
    [
      'a CRC mismatch',
      () => zipped('/crc-mismatch.zip', 'akamai_ipv4_CIDRs.txt'),
      /^zip: member .*CRC mismatch/,
    ],
    [
      'a page that is not a zip',
      () => zipped('/utf8', 'akamai_ipv4_CIDRs.txt'),
      /^zip: no end-of-central-directory/,
    ],
    [
      'an archive over the download limit',
      () => zipped('/akamai.zip', 'akamai_ipv4_CIDRs.txt', 100),
      /^too large: /,
    ],
    ['a failed download', () => zipped('/error', 'akamai_ipv4_CIDRs.txt'), /^HTTP 500$/],
  ])('%s is an error result', async (_label, source, error) => {
    const r = await fetchFeedSource(source(), undefined, false);
    expect(r.status === 'error' && r.error).toMatch(error);
  });
});
