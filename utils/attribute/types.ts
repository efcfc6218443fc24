/**
 * Where a host lives (design.md §1, step 2). Shared by the range table, the name/header/NS rules,
 * the dependency graph, the CLI and the inference engine.
 */

export type Role = 'hosting' | 'cdn' | 'dns' | 'platform';

export interface Attribution {
  /** Canonical lower-case provider id: aws, gcp, google, azure, cloudflare, vercel, ... (design.md §5). */
  provider: string;
  /** The provider's own region code, or null for provider-wide / unknown. */
  region: string | null;
  /** Provider product (ec2, s3, cloudfront, workers-kv, ...) or a catalog service id; null when unknown. */
  service: string | null;
  role: Role;
  /** 0..1 */
  confidence: number;
  /** Short machine-readable reasons, e.g. "ip 3.80.1.10 in aws-ip-ranges.json 3.80.0.0/12 (EC2)". */
  evidence: string[];
  /**
   * Upper-case code of the CDN edge / POP that answered, when known: the IATA-style code most CDNs use (cf-ray colo,
   * x-amz-cf-pop), or the CDN's own POP token where it has no IATA code (Bunny `DE1`, Edgecast `NYD`).
   */
  edge?: string;
  /**
   * For a `platform` entry from the dependency graph: the provider of the site's own platform it was inherited
   * through (`vercel` for AWS under a Vercel site). Absent on catalog entries, which a well-known service inherits
   * for itself, not through a platform in between.
   */
  via?: string;
}

/** What we know of one host from the network (the `--observations` JSON lines of design.md §4). */
export interface Observation {
  host: string;
  ips?: string[];
  cnames?: string[];
  ns?: string[];
  /** Lower-case header names. */
  headers?: Record<string, string>;
}

/** One normalized prefix out of an official range file. */
export interface RangePrefix {
  cidr: string;
  provider: string;
  region: string | null;
  service: string | null;
  /** The feed file it came from (e.g. `aws-ip-ranges.json`), quoted in evidence; absent for hand-made prefixes. */
  feed?: string;
}
