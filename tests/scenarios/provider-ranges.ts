/**
 * A deliberately small, independent reader of the official range files, used only to check that
 * the scenarios' addresses are real (the extension's own parsers live in utils/attribute; this is
 * the test's oracle, not a second implementation for the product).
 *
 * Layout: Map<file name, RangeEntry[]>, each entry an IPv4 prefix with the region and service
 * (AWS service or Azure tag name) the file gives it, null where the file has none.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RangeFile } from './build/hosting';
import { type Cidr4, isInCidr4, parseCidr4 } from './build/ipv4';

export interface RangeEntry {
  cidr: Cidr4;
  region: string | null;
  service: string | null;
}

type Json = Record<string, unknown>;

function entry(cidrText: string, region: string | null, service: string | null): RangeEntry[] {
  const cidr = parseCidr4(cidrText);
  return cidr ? [{ cidr, region, service }] : [];
}

function readJson(dir: string, file: string): Json {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Json;
}

const READERS: Record<RangeFile, (dir: string, file: string) => RangeEntry[]> = {
  'aws-ip-ranges.json': (dir, file) =>
    (readJson(dir, file).prefixes as Json[]).flatMap((p) =>
      entry(String(p.ip_prefix), String(p.region), String(p.service)),
    ),
  'gcp-cloud.json': (dir, file) =>
    (readJson(dir, file).prefixes as Json[]).flatMap((p) =>
      p.ipv4Prefix ? entry(String(p.ipv4Prefix), String(p.scope), null) : [],
    ),
  'google-goog.json': (dir, file) =>
    (readJson(dir, file).prefixes as Json[]).flatMap((p) =>
      p.ipv4Prefix ? entry(String(p.ipv4Prefix), null, null) : [],
    ),
  'azure-service-tags.json': (dir, file) =>
    (readJson(dir, file).values as Json[]).flatMap((v) => {
      const props = v.properties as Json;
      return (props.addressPrefixes as string[]).flatMap((c) =>
        entry(c, String(props.region), String(v.name)),
      );
    }),
  'cloudflare-ips-v4.txt': (dir, file) => readLines(dir, file),
  'akamai-ipv4-cidrs.txt': (dir, file) => readLines(dir, file),
  'fastly-public-ip-list.json': (dir, file) =>
    (readJson(dir, file).addresses as string[]).flatMap((c) => entry(c, null, null)),
  'github-meta.json': (dir, file) =>
    Object.entries(readJson(dir, file)).flatMap(([key, value]) =>
      Array.isArray(value) ? value.flatMap((c) => (typeof c === 'string' ? entry(c, null, key) : [])) : [],
    ),
};

function readLines(dir: string, file: string): RangeEntry[] {
  return readFileSync(path.join(dir, file), 'utf8')
    .split(/\r?\n/)
    .flatMap((line) => entry(line.trim(), null, null));
}

export function loadRangeFiles(dir: string): Map<RangeFile, RangeEntry[]> {
  const files = new Map<RangeFile, RangeEntry[]>();
  for (const [file, read] of Object.entries(READERS) as Array<
    [RangeFile, (d: string, f: string) => RangeEntry[]]
  >) {
    files.set(file, read(dir, file));
  }
  return files;
}

export function getMatches(entries: RangeEntry[], ip: number): RangeEntry[] {
  return entries.filter((e) => isInCidr4(ip, e.cidr));
}
