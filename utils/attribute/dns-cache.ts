/**
 * A bounded DNS answer cache keyed by host name, honouring each answer's TTL. Time is passed in.
 *
 * Layout: one Map name → {answer, expiresAt}, in insertion order, which is also least-recently-set first:
 * when full, expired entries go first, then the oldest. Names are lower-cased without a trailing dot.
 * TTLs are clamped to [minTtlSeconds, maxTtlSeconds] so a 0-second answer does not cause a lookup per request
 * and a week-long one does not pin a stale address.
 */

/** What the extension learns about a name: the CNAME chain, the addresses, the nameservers. */
export interface DnsAnswer {
  cnames: string[];
  ips: string[];
  ns: string[];
  /** Seconds the answer may be cached. */
  ttl: number;
  /** The name does not exist (NXDOMAIN). */
  nxdomain?: boolean;
}

export interface DnsCacheOptions {
  maxEntries?: number;
  minTtlSeconds?: number;
  maxTtlSeconds?: number;
}

export interface DnsCache {
  get(name: string, now: number): DnsAnswer | undefined;
  set(name: string, answer: DnsAnswer, now: number): void;
  readonly size: number;
}

export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

export function createDnsCache(options: DnsCacheOptions = {}): DnsCache {
  const maxEntries = Math.max(1, options.maxEntries ?? 1000);
  const minTtl = options.minTtlSeconds ?? 30;
  const maxTtl = options.maxTtlSeconds ?? 24 * 60 * 60;
  const entries = new Map<string, { answer: DnsAnswer; expiresAt: number }>();

  const evict = (now: number): void => {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };

  return {
    get(name, now) {
      const key = normalizeDnsName(name);
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expiresAt <= now) {
        entries.delete(key);
        return undefined;
      }
      return entry.answer;
    },
    set(name, answer, now) {
      const key = normalizeDnsName(name);
      const ttl = Math.min(maxTtl, Math.max(minTtl, Number.isFinite(answer.ttl) ? answer.ttl : minTtl));
      entries.delete(key);
      if (entries.size >= maxEntries) evict(now);
      entries.set(key, { answer, expiresAt: now + ttl * 1000 });
    },
    get size() {
      return entries.size;
    },
  };
}
