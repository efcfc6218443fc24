/**
 * The per-event path shared by the extension's background and the scenario replay:
 * RawRequest -> normalizeRequest -> dedupe -> attribute -> inference engine.
 *
 * State it keeps (bounded, least recently used first out):
 * - `pageSiteByTab`: tabId -> registrable domain of the tab's last main-frame request, so subresources whose
 *   adapter did not know the document still get a `pageSite` (first-party checks in isCriticalRequest);
 * - `profiles`: host -> the attributions it had when it last answered with an address or headers, so a host
 *   that now fails before connecting (no ip, no headers) is still placed by what it was a moment ago;
 * - `bySignature`: host + address + headers + DNS answers -> attributions, so a repeat of the same inputs
 *   skips the attributor (and the engine gets the same array, which it caches derived keys on).
 *   The extension can seed and persist it through `rememberHost` / `onAttributed` (utils/store keeps it in IndexedDB).
 */
import type { Attribution, Observation } from '../attribute/types';
import type { InferenceEngine } from '../infer/engine';
import type { CrowdAggregate, NetworkState, StatusItem } from '../infer/types';
import { createDeduper } from '../observe/dedupe';
import { normalizeRequest } from '../observe/normalize-request';
import type { LoadEvent, RawRequest } from '../observe/types';

export interface AttributorLike {
  attribute(obs: Observation): Attribution[];
}

/** DNS answers for a host (DNS-over-HTTPS, opt-in); undefined when not looked up. */
export type DnsAnswers = (host: string) => { cnames?: string[]; ns?: string[] } | undefined;

export interface PipelineOptions {
  attributor: AttributorLike;
  engine: InferenceEngine;
  /** Repeats of one (tab, url, outcome) within this many ms count once (Chromium auto-reloads error pages). */
  dedupeWindowMs: number;
  dnsAnswers?: DnsAnswers;
  /** Called with every event that reached the engine and the attributions it was given. */
  onAttributed?: (ev: LoadEvent, attributions: readonly Attribution[]) => void;
  maxTabs?: number;
  maxProfiles?: number;
}

export interface Pipeline {
  /** Feeds one browser request; returns the LoadEvent the engine got, or null (not observed, or a duplicate). */
  onRawRequest(raw: RawRequest): LoadEvent | null;
  onStatus(item: StatusItem): void;
  onCrowd(agg: CrowdAggregate): void;
  onNetwork(state: NetworkState): void;
  /** Seeds what a host was last seen on (for instance from stored profiles after a restart). */
  rememberHost(host: string, attributions: readonly Attribution[]): void;
  getRemembered(host: string): readonly Attribution[] | undefined;
  /**
   * Swaps in a new attributor (a new range table, changed user mappings). Answers cached from the old one are
   * dropped; the dedupe window, the tabs' pages and the remembered hosts stay.
   */
  setAttributor(next: AttributorLike): void;
}

function touch<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

/** host + address + provider headers + DNS answers: everything the attributor reads. */
function getSignature(ev: LoadEvent, dns: ReturnType<DnsAnswers>): string {
  let sig = `${ev.host}\n${ev.ip ?? ''}`;
  if (ev.headers) for (const k in ev.headers) sig += `\n${k}:${ev.headers[k]}`;
  if (dns) sig += `\n@${dns.cnames?.join(',') ?? ''}@${dns.ns?.join(',') ?? ''}`;
  return sig;
}

function getObservation(ev: LoadEvent, dns: ReturnType<DnsAnswers>): Observation {
  const obs: Observation = { host: ev.host };
  if (ev.ip) obs.ips = [ev.ip];
  if (ev.headers) obs.headers = ev.headers;
  if (dns?.cnames) obs.cnames = dns.cnames;
  if (dns?.ns) obs.ns = dns.ns;
  return obs;
}

const sameAttribution = (a: Attribution, b: Attribution) =>
  a.provider === b.provider && a.region === b.region && a.role === b.role;

export function createPipeline(options: PipelineOptions): Pipeline {
  const { engine, dnsAnswers, onAttributed } = options;
  let attributor = options.attributor;
  const maxTabs = options.maxTabs ?? 1_000;
  const maxProfiles = options.maxProfiles ?? 10_000;
  const deduper = createDeduper({ windowMs: options.dedupeWindowMs });
  const pageSiteByTab = new Map<number, string>();
  const profiles = new Map<string, readonly Attribution[]>();
  const bySignature = new Map<string, readonly Attribution[]>();

  function attributeEvent(ev: LoadEvent): readonly Attribution[] {
    // Neither a user abort nor the user's own network says anything about where the host lives.
    if (ev.outcome === 'ignored' || ev.outcome === 'local') return [];
    const dns = dnsAnswers?.(ev.host);
    const remembered = profiles.get(ev.host);
    if (ev.ip === undefined && ev.headers === undefined) {
      const found = attributor.attribute(getObservation(ev, dns));
      if (!remembered) return found;
      return [...remembered, ...found.filter((a) => !remembered.some((r) => sameAttribution(r, a)))];
    }
    // Same host, address, headers and DNS answers as before: the attribution cannot differ.
    const signature = getSignature(ev, dns);
    let found = bySignature.get(signature);
    if (found) touch(bySignature, signature, found, maxProfiles);
    else {
      found = attributor.attribute(getObservation(ev, dns));
      touch(bySignature, signature, found, maxProfiles);
    }
    if (found.length > 0 && remembered !== found) touch(profiles, ev.host, found, maxProfiles);
    return found;
  }

  return {
    onRawRequest(raw) {
      const ev = normalizeRequest(raw);
      if (!ev) return null;
      if (ev.type === 'main_frame') touch(pageSiteByTab, ev.tabId, ev.site, maxTabs);
      else if (ev.pageSite === undefined) {
        const page = pageSiteByTab.get(ev.tabId);
        if (page !== undefined) ev.pageSite = page;
      }
      if (!deduper.accept(ev, raw.url, raw.source)) return null;
      const attributions = attributeEvent(ev);
      engine.addLoad(ev, attributions);
      onAttributed?.(ev, attributions);
      return ev;
    },
    onStatus: (item) => engine.addStatus(item),
    onCrowd: (agg) => engine.addCrowd(agg),
    onNetwork: (state) => engine.setNetwork(state),
    rememberHost: (host, attributions) => touch(profiles, host, [...attributions], maxProfiles),
    getRemembered: (host) => profiles.get(host),
    setAttributor(next) {
      attributor = next;
      bySignature.clear();
    },
  };
}
