/**
 * DNS-over-HTTPS, JSON API (Google https://dns.google/resolve and Cloudflare https://cloudflare-dns.com/dns-query,
 * same schema; fingerprints.md §1.5): build the request, and read the answer into a DnsAnswer. Pure: the fetch
 * is utils/browser/dns-resolver.ts. Used only when the user turned DoH on (it tells the resolver which names
 * the user visits).
 *
 * Answer JSON: {Status, TC, Question: [{name, type}], Answer?: [{name, type, TTL, data}], Authority?: [...]}.
 * Status is the DNS RCODE: 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN. Record types: 1 A, 2 NS, 5 CNAME, 6 SOA, 28 AAAA.
 */
import type { DnsAnswer } from './dns-cache';
import { normalizeDnsName } from './dns-cache';

export type DohProvider = 'cloudflare' | 'google';
export type DohQueryType = 'A' | 'AAAA' | 'CNAME' | 'NS';

export interface DohRequest {
  url: string;
  headers: Record<string, string>;
}

const ENDPOINTS: Readonly<Record<DohProvider, string>> = {
  cloudflare: 'https://cloudflare-dns.com/dns-query',
  google: 'https://dns.google/resolve',
};

const TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, AAAA: 28 } as const;
/** Without any TTL in the answer (an empty NOERROR, an NXDOMAIN without SOA), cache this long. */
export const DEFAULT_NEGATIVE_TTL = 300;

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*$/;

/** A host name DNS can be asked about; ip literals, URLs and empty strings are not. */
export function isDnsName(name: string): boolean {
  const host = normalizeDnsName(name);
  return HOST_NAME.test(host) && !/^[\d.]+$/.test(host);
}

/** Throws a RangeError for a name that is not a DNS host name (an ip literal, a URL, empty). */
export function buildDohRequest(
  name: string,
  type: DohQueryType,
  provider: DohProvider = 'cloudflare',
): DohRequest {
  const host = normalizeDnsName(name);
  if (!isDnsName(host)) throw new RangeError(`not a DNS name: ${JSON.stringify(name)}`);
  const url = `${ENDPOINTS[provider]}?name=${encodeURIComponent(host)}&type=${type}`;
  return { url, headers: { accept: 'application/dns-json' } };
}

export type DohParseResult = { ok: true; answer: DnsAnswer } | { ok: false; reason: string };

interface RecordShape {
  type: number;
  TTL: number;
  data: string;
}

function isRecord(x: unknown): x is RecordShape {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.type === 'number' && typeof r.data === 'string' && typeof r.TTL === 'number' && r.TTL >= 0;
}

/**
 * Reads a DoH JSON answer. NOERROR and NXDOMAIN are answers (NXDOMAIN: empty lists, `nxdomain: true`);
 * anything else (SERVFAIL, truncated, not the expected shape) is `{ok: false, reason}` and must not be cached.
 * Records that are not well formed are skipped.
 */
export function parseDohAnswer(json: unknown): DohParseResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'DoH answer is not a JSON object' };
  }
  const body = json as Record<string, unknown>;
  if (typeof body.Status !== 'number') return { ok: false, reason: 'DoH answer has no numeric Status' };
  if (body.Status !== 0 && body.Status !== 3) {
    const what = body.Status === 2 ? 'SERVFAIL' : `RCODE ${body.Status}`;
    return { ok: false, reason: `DoH resolver answered ${what}` };
  }
  if (body.TC === true) return { ok: false, reason: 'DoH answer truncated' };
  for (const key of ['Answer', 'Authority'] as const) {
    if (body[key] !== undefined && !Array.isArray(body[key])) {
      return { ok: false, reason: `DoH answer ${key} is not a list` };
    }
  }
  const answers = ((body.Answer as unknown[] | undefined) ?? []).filter(isRecord);
  const authority = ((body.Authority as unknown[] | undefined) ?? []).filter(isRecord);
  const cnames: string[] = [];
  const ips: string[] = [];
  const ns: string[] = [];
  let ttl = Number.POSITIVE_INFINITY;
  for (const r of answers) {
    const data = normalizeDnsName(r.data);
    if (r.type === TYPE.CNAME && isDnsName(data)) cnames.push(data);
    else if (r.type === TYPE.NS && isDnsName(data)) ns.push(data);
    else if (r.type === TYPE.A && /^\d{1,3}(\.\d{1,3}){3}$/.test(data)) ips.push(data);
    else if (r.type === TYPE.AAAA && /^[0-9a-f:.]+$/.test(data) && data.includes(':')) ips.push(data);
    else continue;
    ttl = Math.min(ttl, r.TTL);
  }
  // Negative answers are cached for the SOA record's TTL (RFC 2308), when the resolver passed it on.
  if (ttl === Number.POSITIVE_INFINITY) {
    const soa = authority.find((r) => r.type === TYPE.SOA);
    ttl = soa ? soa.TTL : DEFAULT_NEGATIVE_TTL;
  }
  const answer: DnsAnswer = { cnames, ips, ns, ttl };
  if (body.Status === 3) answer.nxdomain = true;
  return { ok: true, answer };
}

/** Combines the answers of several queries for one name (A + NS): lists joined without repeats, shortest TTL. */
export function mergeDnsAnswers(answers: readonly DnsAnswer[]): DnsAnswer {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const merged: DnsAnswer = {
    cnames: uniq(answers.flatMap((a) => a.cnames)),
    ips: uniq(answers.flatMap((a) => a.ips)),
    ns: uniq(answers.flatMap((a) => a.ns)),
    ttl: answers.length === 0 ? DEFAULT_NEGATIVE_TTL : Math.min(...answers.map((a) => a.ttl)),
  };
  if (answers.some((a) => a.nxdomain)) merged.nxdomain = true;
  return merged;
}
