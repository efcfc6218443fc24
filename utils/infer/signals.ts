/**
 * Outside evidence: official status items and crowd aggregates, per provider.
 *
 * Layout: `status` is the list of active (not yet resolved) status items, oldest first, capped at
 * MAX_STATUS; an `operational` item from a source removes that source's earlier items for the provider.
 * `crowd` maps `provider|region` to the latest aggregate for that key. Both are plain JSON.
 */
import type { CrowdAggregate, StatusItem } from './types';

const MAX_STATUS = 200;

export interface Support {
  /** Active status items that cover the regions asked about. */
  status: StatusItem[];
  outage: boolean;
  degraded: boolean;
  /** Latest crowd aggregate that covers the regions asked about, when fresh. */
  crowd: CrowdAggregate | null;
  /** reports far above the usual baseline. */
  spike: boolean;
  /** reports near the baseline: the crowd sees nothing unusual. */
  quiet: boolean;
}

export interface SignalsSnapshot {
  status: StatusItem[];
  crowd: CrowdAggregate[];
}

export interface Signals {
  addStatus(item: StatusItem): void;
  addCrowd(agg: CrowdAggregate): void;
  /** Outside evidence about `provider` in any of `regions` (null = provider-wide). */
  getSupport(provider: string, regions: ReadonlyArray<string | null>, now: number): Support;
  /** Drops items and aggregates too old to matter. */
  sweep(now: number): void;
  toJSON(): SignalsSnapshot;
}

export function createSignals(
  opts: { statusTtlMs: number; crowdTtlMs: number; crowdMinReports: number; crowdRatio: number },
  from?: SignalsSnapshot,
): Signals {
  let status: StatusItem[] = (from?.status ?? []).map((s) => ({
    ...s,
    regions: [...s.regions],
    services: [...s.services],
  }));
  const crowd = new Map<string, CrowdAggregate>();
  for (const c of from?.crowd ?? []) crowd.set(`${c.provider}|${c.region ?? ''}`, { ...c });

  const covers = (itemRegions: readonly string[], regions: ReadonlyArray<string | null>) =>
    itemRegions.length === 0 || regions.some((r) => r !== null && itemRegions.includes(r));

  return {
    addStatus(item) {
      if (item.state === 'operational') {
        status = status.filter(
          (s) => !(s.source === item.source && s.provider === item.provider && s.time <= item.time),
        );
        return;
      }
      status.push({ ...item, regions: [...item.regions], services: [...item.services] });
      if (status.length > MAX_STATUS) status.shift();
    },
    addCrowd(agg) {
      crowd.set(`${agg.provider}|${agg.region ?? ''}`, { ...agg });
    },
    getSupport(provider, regions, now) {
      const items = status.filter(
        (s) =>
          s.provider === provider &&
          s.time <= now &&
          now - s.time <= opts.statusTtlMs &&
          covers(s.regions, regions),
      );
      let latest: CrowdAggregate | null = null;
      for (const c of crowd.values()) {
        if (c.provider !== provider || c.time > now || now - c.time > opts.crowdTtlMs) continue;
        if (c.region !== null && !regions.includes(c.region)) continue;
        if (!latest || c.time > latest.time) latest = c;
      }
      const base = Math.max(latest?.baseline ?? 0, 1);
      return {
        status: items,
        outage: items.some((s) => s.state === 'outage'),
        degraded: items.some((s) => s.state === 'degraded'),
        crowd: latest,
        spike:
          latest !== null &&
          latest.reports >= opts.crowdMinReports &&
          latest.reports >= opts.crowdRatio * base,
        quiet: latest !== null && latest.reports <= 2 * base,
      };
    },
    sweep(now) {
      status = status.filter((s) => now - s.time <= opts.statusTtlMs);
      for (const [k, c] of crowd) if (now - c.time > opts.crowdTtlMs) crowd.delete(k);
    },
    toJSON: () => ({
      status: status.map((s) => ({ ...s, regions: [...s.regions], services: [...s.services] })),
      crowd: [...crowd.values()].map((c) => ({ ...c })),
    }),
  };
}
