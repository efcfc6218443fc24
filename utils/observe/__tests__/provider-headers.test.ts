import { describe, expect, it } from 'vitest';
import { MAX_HEADER_VALUE_LENGTH, MAX_PROVIDER_HEADERS, pickProviderHeaders } from '../provider-headers';

describe('pickProviderHeaders', () => {
  it('keeps provider headers with lower-cased names and drops the rest', () => {
    const picked = pickProviderHeaders({
      Server: 'cloudflare',
      'CF-RAY': '230b030023ae2822-SJC',
      'X-Amz-Cf-Pop': 'FRA56-P5',
      'x-goog-generation': '123',
      'X-Akamai-Request-ID': 'abc',
      'x-railway-edge': 'railway/us-west2',
      'x-vercel-id': 'cle1::iad1::abc',
      'Content-Type': 'text/html',
      'Content-Length': '42',
      etag: '"x"',
    });
    expect(picked).toEqual({
      server: 'cloudflare',
      'cf-ray': '230b030023ae2822-SJC',
      'x-amz-cf-pop': 'FRA56-P5',
      'x-goog-generation': '123',
      'x-akamai-request-id': 'abc',
      'x-railway-edge': 'railway/us-west2',
      'x-vercel-id': 'cle1::iad1::abc',
    });
  });

  it('never keeps cookies, auth or token headers (privacy)', () => {
    const picked = pickProviderHeaders({
      'Set-Cookie': 'sid=secret',
      Cookie: 'sid=secret',
      Authorization: 'Bearer secret',
      'WWW-Authenticate': 'Basic realm=x',
      'Proxy-Authenticate': 'Basic',
      'x-goog-auth-token': 'secret',
      'x-amz-security-token': 'secret',
      'x-heroku-session': 'secret',
      'x-akamai-api-key': 'secret',
      'X-CSRF-Token': 'secret',
      server: 'AmazonS3',
    });
    expect(picked).toEqual({ server: 'AmazonS3' });
    expect(JSON.stringify(picked)).not.toContain('secret');
  });

  it('accepts the browser [{name, value}] list and skips binary or odd entries', () => {
    const picked = pickProviderHeaders([
      { name: 'Via', value: '1.1 varnish' },
      { name: 'X-Served-By', value: 'cache-fra-1-FRA' },
      { name: 'x-cache' },
      { name: 42, value: 'x' },
      {},
    ]);
    expect(picked).toEqual({ via: '1.1 varnish', 'x-served-by': 'cache-fra-1-FRA' });
  });

  it('truncates long values and bounds the count', () => {
    const long = pickProviderHeaders({ server: 'x'.repeat(10_000) });
    expect(long?.server).toHaveLength(MAX_HEADER_VALUE_LENGTH);
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`x-goog-h${i}`, 'v']));
    expect(Object.keys(pickProviderHeaders(many) ?? {})).toHaveLength(MAX_PROVIDER_HEADERS);
  });

  it('returns undefined when nothing is kept or the input is not headers', () => {
    expect(pickProviderHeaders({ 'content-type': 'text/html' })).toBeUndefined();
    expect(pickProviderHeaders(undefined)).toBeUndefined();
    expect(pickProviderHeaders(null)).toBeUndefined();
    expect(pickProviderHeaders('server: x' as never)).toBeUndefined();
  });
});
