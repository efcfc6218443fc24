import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDefaultRangesDir, getRepoRoot } from '../lib/shared-paths';

const RANGES = getDefaultRangesDir();

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/attribute.ts', ...args], {
    cwd: getRepoRoot(),
    encoding: 'utf8',
  });
  const lines = r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { target: string; attributions: Array<Record<string, unknown>> });
  return { status: r.status, lines, stderr: r.stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'attribute-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run attribute', () => {
  it('places the three reference targets', () => {
    const { status, lines, stderr } = run([
      '--ranges',
      RANGES,
      '3.80.1.10',
      'my-lb-1.us-west-2.elb.amazonaws.com',
      'x.cloudfront.net',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(
      lines.map((l) => [
        l.target,
        l.attributions[0]?.provider,
        l.attributions[0]?.region,
        l.attributions[0]?.role,
      ]),
    ).toEqual([
      ['3.80.1.10', 'aws', 'us-east-1', 'hosting'],
      ['my-lb-1.us-west-2.elb.amazonaws.com', 'aws', 'us-west-2', 'hosting'],
      ['x.cloudfront.net', 'aws', null, 'cdn'],
    ]);
    expect(lines[0]!.attributions[0]!.evidence).toEqual([
      'ip 3.80.1.10 is in AWS EC2 us-east-1 (3.80.0.0/12, aws-ip-ranges.json)',
    ]);
  });

  it('prints exactly the six keys of design.md §4, for an ip, a host and an observation with headers', () => {
    const file = path.join(scratch, 'headers.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ host: 'www.site.example', headers: { 'cf-ray': '8a1b2c3d4e5f6a7b-SJC', server: 'cloudflare' } })}\n`,
    );
    const targets = run(['--ranges', RANGES, '3.80.1.10', 'my-app.vercel.app']);
    const observed = run(['--ranges', RANGES, '--observations', file]);
    const lines = [...targets.lines, ...observed.lines];
    expect(lines.map((l) => l.target)).toEqual(['3.80.1.10', 'my-app.vercel.app', 'www.site.example']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['target', 'attributions']);
      expect(line.attributions.length, line.target).toBeGreaterThan(0);
      for (const a of line.attributions) {
        expect(Object.keys(a)).toEqual(['provider', 'region', 'service', 'role', 'confidence', 'evidence']);
      }
    }
    // The edge the header named is told in the evidence, not as a seventh key.
    expect(observed.lines[0]!.attributions[0]).toMatchObject({ provider: 'cloudflare', role: 'cdn' });
    expect(observed.lines[0]!.attributions[0]!.evidence).toContain(
      'header cf-ray: 8a1b2c3d4e5f6a7b-SJC → Cloudflare (edge SJC)',
    );
  });

  it('matches a host-name target by its own name, not as a CNAME', () => {
    const { lines } = run(['--ranges', RANGES, 'my-lb-1.us-west-2.elb.amazonaws.com']);
    expect(lines[0]!.attributions[0]!.evidence).toEqual([
      'host name my-lb-1.us-west-2.elb.amazonaws.com matches aws-elb (region us-west-2)',
    ]);
  });

  it("places a platform's published apex address", () => {
    const { status, lines } = run(['--ranges', RANGES, '76.76.21.21', '75.2.60.5', '23.227.38.65']);
    expect(status).toBe(0);
    expect(lines.map((l) => [l.target, l.attributions[0]?.provider, l.attributions[0]?.role])).toEqual([
      ['76.76.21.21', 'vercel', 'hosting'],
      ['75.2.60.5', 'netlify', 'hosting'],
      ['23.227.38.65', 'shopify', 'hosting'],
    ]);
  });

  it('prints an empty list when nothing matches', () => {
    const { status, lines } = run(['--ranges', RANGES, '192.0.2.1', 'nothing.example']);
    // 192.0.2.1 is a documentation address that Vultr's geofeed claims: special-purpose blocks never match.
    expect(status).toBe(0);
    expect(lines).toEqual([
      { target: '192.0.2.1', attributions: [] },
      { target: 'nothing.example', attributions: [] },
    ]);
  });

  it('reads --observations JSON lines and reports bad lines on stderr', () => {
    const file = path.join(scratch, 'obs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          host: 'api.shop.example',
          cnames: ['x1.execute-api.us-east-1.amazonaws.com'],
          ns: ['ns-12.awsdns-01.org'],
        }),
        '{"host": 42}',
        JSON.stringify({
          host: 'www.site.example',
          ips: ['2600:1f18::1'],
          headers: { 'x-amz-cf-pop': 'IAD89-P1' },
        }),
      ].join('\n'),
    );
    const { status, lines, stderr } = run(['--ranges', RANGES, '--observations', file]);
    expect(status).toBe(0);
    expect(stderr).toMatch(/obs\.jsonl: line 2:/);
    expect(lines.map((l) => l.target)).toEqual(['api.shop.example', 'www.site.example']);
    expect(lines[0]!.attributions.map((a) => [a.provider, a.region, a.role])).toEqual([
      ['aws', null, 'dns'],
      ['aws', 'us-east-1', 'hosting'],
    ]);
    expect(lines[1]!.attributions[0]).toMatchObject({ provider: 'aws', region: 'us-east-1' });
  });

  it('reports a malformed feed on stderr and still uses the others', () => {
    const dir = mkdtempSync(path.join(scratch, 'ranges-'));
    copyFileSync(path.join(RANGES, 'cloudflare-ips-v4.txt'), path.join(dir, 'cloudflare-ips-v4.txt'));
    writeFileSync(path.join(dir, 'aws-ip-ranges.json'), '{"prefixes": [');
    const { status, lines, stderr } = run(['--ranges', dir, '104.16.1.1', '3.80.1.10']);
    expect(status).toBe(0);
    expect(stderr).toMatch(/aws-ip-ranges\.json: invalid JSON/);
    expect(lines[0]!.attributions[0]).toMatchObject({ provider: 'cloudflare' });
    expect(lines[1]!.attributions).toEqual([]);
  });

  it.each([
    [[]],
    [['--ranges']],
    [['--bogus', 'x']],
    [['--ranges', RANGES, '--observations', 'a.jsonl', '1.2.3.4']],
    [['--ranges', '/nonexistent/dir', '1.2.3.4']],
  ])('exits 2 with usage for bad arguments %j', (args) => {
    const { status, stderr, lines } = run(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(/usage: npm run -s attribute/);
    expect(lines).toEqual([]);
  });
});
