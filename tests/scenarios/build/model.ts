/**
 * The generator's description of a scenario, and the `outage-lens-scenario/1` shapes it renders
 * into (design.md §5).
 *
 * A SiteSpec is one registrable domain the user has open in a tab: its hosts by part (page = the
 * main_frame host, assets = scripts and styles, media = images, api = XHR), the times the user
 * (re)loads the page, how often the open page polls its API, and Rules saying from when to when
 * which parts fail and how. Whatever no rule covers loads fine.
 */

import type { Browser, Effect } from './effects';
import type { HostingId } from './hosting';

export type Part = 'page' | 'assets' | 'media' | 'api';

export interface HostSpec {
  name: string;
  hosting: HostingId;
}

export interface Rule {
  from: number;
  /** Exclusive; open-ended when absent. */
  to?: number;
  /** Parts the rule applies to; all parts when absent. */
  parts?: Part[];
  effect: Effect;
}

/** A single request outside the page-view pattern (a blocked tracker, a 404, an aborted fetch). */
export interface OneOff {
  t: number;
  part: Part;
  type: string;
  path: string;
  effect: Effect;
}

export interface SiteSpec {
  /** Registrable domain, as expectations name it. */
  domain: string;
  tab: number;
  page: HostSpec;
  assets?: HostSpec;
  media?: HostSpec;
  api?: HostSpec;
  /** Edge location code that front ends put in their headers (IATA-style). */
  colo?: string;
  /** main_frame load times, seconds from start. */
  visits: number[];
  /** Seconds between API polls while the page is open; no polling when absent. */
  pollEvery?: number;
  rules?: Rule[];
  oneOffs?: OneOff[];
  /** Counts towards the outage whose timing the expectations are tied to. */
  inOutage?: boolean;
}

export type ScenarioEvent =
  | {
      t: number;
      kind: 'request';
      tabId: number;
      url: string;
      type: string;
      ip?: string;
      status?: number;
      headers?: Record<string, string>;
      error?: string;
    }
  | {
      t: number;
      kind: 'status';
      source: string;
      provider: string;
      regions: string[];
      services: string[];
      state: 'operational' | 'degraded' | 'outage';
      title: string;
    }
  | { t: number; kind: 'crowd'; provider: string; region: string | null; reports: number; baseline: number }
  | { t: number; kind: 'network'; up: boolean; dns?: boolean };

export type Expectation =
  | { at: number; site: string; verdict: string; provider?: string; region?: string | null }
  | { at: number; outages: Array<{ provider: string; region?: string | null }>; only?: boolean }
  | { never: { verdict: string; site?: string; provider?: string; region?: string | null } }
  | { never: { outage: { provider?: string; region?: string | null } } };

export interface DnsAnswer {
  cnames?: string[];
  ns?: string[];
}

/** Times the generator measured on the events it produced, for writing expectations. */
export interface Timing {
  /** First failing request of any site. */
  firstFail: number;
  /** When the third distinct in-outage site had failed. */
  thirdSite: number;
  end: number;
  /**
   * Whether the site's latest critical request (page or API call to its own hosts) at or before
   * `at` failed: design.md §5, a site whose latest critical requests load is `ok` again.
   */
  isFailingAt(domain: string, at: number): boolean;
}

export interface ScenarioSpec {
  id: string;
  title: string;
  start: string;
  end: number;
  browser: Browser;
  doh?: boolean;
  dns?: Record<string, DnsAnswer>;
  sites: SiteSpec[];
  events?: ScenarioEvent[];
  expect: (timing: Timing) => Expectation[];
}

export interface Scenario {
  format: 'outage-lens-scenario/1';
  id: string;
  title: string;
  start: string;
  settings: { doh: boolean };
  dns: Record<string, DnsAnswer>;
  events: ScenarioEvent[];
  expect: Expectation[];
}
