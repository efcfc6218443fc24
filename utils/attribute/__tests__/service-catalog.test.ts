import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDefaultCatalogPath } from '../../../cli/lib/shared-paths';
import { createCatalogIndex, parseServiceCatalog } from '../service-catalog';

const raw = JSON.parse(readFileSync(getDefaultCatalogPath(), 'utf8')) as { services: unknown[] };

describe('service catalog', () => {
  const index = createCatalogIndex(parseServiceCatalog(raw));

  it('parses the real catalog and indexes every service', () => {
    expect(index.services).toHaveLength(raw.services.length);
  });

  it.each([
    ['chatgpt.com', 'chatgpt-openai'],
    ['www.chatgpt.com', 'chatgpt-openai'],
    ['CHATGPT.COM.', 'chatgpt-openai'],
    ['example.org', null],
    ['notchatgpt.com', null],
  ])('%s → %s', (host, id) => {
    expect(index.getServiceForHost(host)?.id ?? null).toBe(id);
  });

  it('normalizes provider names, roles and regions', () => {
    const providers = new Set(index.services.flatMap((s) => s.dependencies.map((d) => d.provider)));
    for (const p of providers) expect(p).toMatch(/^[a-z0-9-]+$/);
    expect(providers.has('aws')).toBe(true);
    expect(providers.has('gcp')).toBe(true);
    const deps = index.services.flatMap((s) => s.dependencies);
    expect(deps.some((d) => d.provider === 'aws' && d.region === 'us-east-1')).toBe(true);
    expect(deps.some((d) => d.role === 'dns')).toBe(true);
    expect(
      deps.every((d) => d.region === null || /^[a-z]{2}-[a-z]+-\d$|^[a-z]+-[a-z]+\d+$/.test(d.region)),
    ).toBe(true);
  });

  it.each([
    [null, /service catalog/],
    [{ schema_version: '1.0' }, /services/],
    [{ schema_version: '1.0', services: [{ name: 'X', domains: 'x.com', dependencies: [] }] }, /domains/],
  ])('rejects %j with a clear error', (json, message) => {
    expect(() => parseServiceCatalog(json)).toThrow(message);
  });
});
