import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSource } from '../../attribute/feed-sources';
import { fetchFeed, fetchFeedSource } from '../feed-fetcher';
import { getRefusedUrl, type LoopbackServer, startLoopbackServer } from './helpers/loopback-server';

const BODY = '104.16.0.0/13\n173.245.48.0/20';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Sat, 01 Nov 2026 12:00:00 GMT';

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
