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

  it('keeps what each provider is to the service (hosting, cdn, dns) and drops a provider running on itself', () => {
    const deps = index.services.flatMap((s) => s.dependencies.map((d) => ({ service: s.id, ...d })));
    expect(new Set(deps.map((d) => d.role))).toEqual(new Set(['hosting', 'cdn', 'dns']));
    expect(deps.filter((d) => d.provider === d.service)).toEqual([]);
    // "Heroku own platform" is no dependency of Heroku; AWS is.
    expect(index.getServiceForHost('a.herokuapp.com')?.dependencies.map((d) => [d.provider, d.role])).toEqual(
      [['aws', 'hosting']],
    );
  });

  it('names a URL as the source when the catalog has one, else the catalog basis in words', () => {
    const deps = index.services.flatMap((s) => s.dependencies);
    for (const d of deps)
      expect(d.source).toMatch(/^https?:\/\/\S+$|^service catalog: [a-z ]+(, see [a-z0-9-]+)?$/);
    const openai = index.getServiceForHost('chatgpt.com')!.dependencies;
    expect(openai.find((d) => d.provider === 'azure')?.source).toBe(
      'https://dgtlinfra.com/chatgpt-openai-azure-cloud/',
    );
    expect(openai.find((d) => d.provider === 'cloudflare')?.source).toBe(
      'service catalog: inferred from incident, see cloudflare-2025-11-18-bot-feature-file',
    );
  });

  it.each([
    [{ sources: [], incidents: [] }, 'service catalog: stated by provider'],
    [{ sources: ['https://example.org/post'], incidents: ['x-1'] }, 'https://example.org/post'],
    [{}, 'service catalog: stated by provider'],
  ])('source of %j is %s', (fields, source) => {
    const one = createCatalogIndex(
      parseServiceCatalog({
        schema_version: '1.0',
        services: [
          {
            name: 'Example',
            domains: ['example.org'],
            dependencies: [
              { provider: 'AWS', role: 'hosting', regions: null, basis: 'stated_by_provider', ...fields },
            ],
          },
        ],
      }),
    );
    expect(one.services[0]!.dependencies[0]!.source).toBe(source);
  });

  it.each([
    [null, /service catalog/],
    [{ schema_version: '1.0' }, /services/],
    [{ schema_version: '1.0', services: [{ name: 'X', domains: 'x.com', dependencies: [] }] }, /domains/],
  ])('rejects %j with a clear error', (json, message) => {
    expect(() => parseServiceCatalog(json)).toThrow(message);
  });
});
