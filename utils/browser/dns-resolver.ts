/**
 * Thin adapter: DNS names for a host. Firefox's `browser.dns.resolve` (canonical name + addresses) where present;
 * DNS-over-HTTPS (JSON API) only when the user turned it on in the options page, which is also the only way to
 * get nameservers and, on Chrome, anything at all. Answers are cached by TTL (utils/attribute/dns-cache.ts);
 * `peek` reads the cache synchronously, for the per-request pipeline, and `resolve` fills it off that path.
 */
import { getDomain } from 'tldts';
import { browser } from 'wxt/browser';
import { createDnsCache, type DnsAnswer, type DnsCache, normalizeDnsName } from '../attribute/dns-cache';
import {
  buildDohRequest,
  type DohProvider,
  type DohQueryType,
  isDnsName,
  mergeDnsAnswers,
  parseDohAnswer,
} from '../attribute/doh';

/** The part of Firefox's `dns` API used here (absent on Chrome, and without the "dns" permission). */
export interface FirefoxDns {
  resolve(host: string, flags?: string[]): Promise<{ addresses: string[]; canonicalName?: string }>;
}

export interface DnsResolverDeps {
  /** The user's `doh` setting, read at lookup time so the toggle applies at once. */
  isDohEnabled: () => Promise<boolean>;
  now: () => number;
  fetch?: typeof fetch;
  /** Defaults to `browser.dns` when the browser has it. */
  dns?: FirefoxDns | null;
  cache?: DnsCache;
  provider?: DohProvider;
  timeoutMs?: number;
  onError?: (host: string, reason: string) => void;
}

export interface DnsResolver {
  /** The cached answer, if fresh; never starts a lookup. */
  peek(host: string): DnsAnswer | undefined;
  /** Looks `host` up (once at a time per name), caches and returns the answer; undefined when not possible. */
  resolve(host: string): Promise<DnsAnswer | undefined>;
}

/** Firefox gives no TTL: its own cache already applies one, so keep its answer this long. */
const FIREFOX_TTL = 300;

function getBrowserDns(): FirefoxDns | null {
  const dns = (browser as unknown as { dns?: FirefoxDns }).dns;
  return dns && typeof dns.resolve === 'function' ? dns : null;
}

export function createDnsResolver(deps: DnsResolverDeps): DnsResolver {
  const cache = deps.cache ?? createDnsCache();
  const dns = deps.dns === undefined ? getBrowserDns() : deps.dns;
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const inFlight = new Map<string, Promise<DnsAnswer | undefined>>();

  async function queryDoh(name: string, type: DohQueryType): Promise<DnsAnswer> {
    const request = buildDohRequest(name, type, deps.provider);
    const response = await doFetch(request.url, {
      headers: request.headers,
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) throw new Error(`DoH HTTP ${response.status}`);
    const parsed = parseDohAnswer(await response.json());
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.answer;
  }

  async function lookup(host: string): Promise<DnsAnswer | undefined> {
    const doh = await deps.isDohEnabled();
    const parts: DnsAnswer[] = [];
    if (dns) {
      const r = await dns.resolve(host, ['canonical_name']);
      const canonical = r.canonicalName ? normalizeDnsName(r.canonicalName) : host;
      parts.push({
        cnames: canonical !== host ? [canonical] : [],
        ips: r.addresses,
        ns: [],
        ttl: FIREFOX_TTL,
      });
    } else if (doh) {
      parts.push(await queryDoh(host, 'A'));
    }
    // Nameservers belong to the registrable domain; only DoH can ask for them.
    const domain = getDomain(host);
    if (doh && domain) parts.push(await queryDoh(domain, 'NS'));
    return parts.length === 0 ? undefined : mergeDnsAnswers(parts);
  }

  return {
    peek(host) {
      return cache.get(host, deps.now());
    },
    resolve(rawHost) {
      const host = normalizeDnsName(rawHost);
      if (!isDnsName(host)) return Promise.resolve(undefined);
      const cached = cache.get(host, deps.now());
      if (cached) return Promise.resolve(cached);
      const pending = inFlight.get(host);
      if (pending) return pending;
      const run = lookup(host)
        .then((answer) => {
          if (answer) cache.set(host, answer, deps.now());
          return answer;
        })
        .catch((error: unknown) => {
          deps.onError?.(host, (error as Error).message ?? String(error));
          return undefined;
        })
        .finally(() => inFlight.delete(host));
      inFlight.set(host, run);
      return run;
    },
  };
}
