import { describe, expect, it } from 'vitest';
import { DEPENDENCY_EDGES, getDependencies } from '../dependencies';

describe('dependency graph', () => {
  it.each([
    ['vercel', null, null, 'aws', 'us-east-1'],
    ['vercel', 'iad1', 'functions', 'aws', 'us-east-1'],
    ['vercel', 'fra1', 'functions', 'aws', 'eu-central-1'],
    ['vercel', 'cle1', null, 'aws', 'us-east-2'],
    ['heroku', 'us', null, 'aws', 'us-east-1'],
    ['heroku', 'eu', null, 'aws', 'eu-west-1'],
    ['heroku', null, null, 'aws', 'us-east-1'],
    ['netlify', null, null, 'aws', 'us-east-2'],
    ['cloudflare', null, 'workers-kv', 'gcp', null],
    ['render', null, null, 'cloudflare', null],
    ['github', null, 'pages', 'fastly', null],
    ['digitalocean', null, 'app-platform', 'cloudflare', null],
    ['pantheon', null, null, 'fastly', null],
    ['shopify', null, null, 'cloudflare', null],
  ])('%s %s %s runs on %s %s', (provider, region, service, to, toRegion) => {
    const edges = getDependencies(provider, region, service);
    expect(edges.map((e) => [e.to.provider, e.to.region])).toEqual([[to, toRegion]]);
  });

  it.each([
    ['aws', 'us-east-1', 'ec2'],
    ['cloudflare', null, 'cdn'],
    ['github', null, 'api'],
    ['vercel', 'yul1', null],
    ['fly', 'iad', null],
  ])('%s %s %s inherits nothing', (provider, region, service) => {
    expect(getDependencies(provider, region, service)).toEqual([]);
  });

  it('adds every edge as role platform and never points a platform at itself', () => {
    for (const e of DEPENDENCY_EDGES) {
      expect(e.role, e.note).toBe('platform');
      expect(e.to.provider, e.note).not.toBe(e.from.provider);
    }
  });

  it('gives every edge a source and a confidence in (0, 1]', () => {
    for (const e of DEPENDENCY_EDGES) {
      expect(e.source.length, e.note).toBeGreaterThan(5);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });
});
