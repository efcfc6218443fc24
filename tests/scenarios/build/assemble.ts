/**
 * ScenarioSpec → Scenario: generates every site's events from the scenario's own seeded stream,
 * merges them with the outside signals in time order, measures when the outage's sites first fail
 * and hands those times to the spec's expectations.
 */

import { createSiteEvents } from './browse';
import type { Scenario, ScenarioEvent, ScenarioSpec, Timing } from './model';
import { createRng, getSeed } from './prng';

/** Browser errors that are the user's or a blocker's doing, not a failure (fingerprints.md §1.3/1.4). */
const IGNORED_ERRORS = new Set([
  'net::ERR_ABORTED',
  'net::ERR_BLOCKED_BY_CLIENT',
  'NS_BINDING_ABORTED',
  'NS_ERROR_TRACKING_URI',
]);

/** Requests whose failure breaks the page for the person (not an image or a tracker). */
const CRITICAL_TYPES = new Set(['main_frame', 'xmlhttprequest']);

export function isFailingRequest(event: ScenarioEvent): boolean {
  if (event.kind !== 'request') return false;
  if (event.error) return !IGNORED_ERRORS.has(event.error);
  return (event.status ?? 0) >= 500;
}

function getTiming(spec: ScenarioSpec, events: ScenarioEvent[]): Timing {
  const outageTabs = new Map(spec.sites.filter((s) => s.inOutage).map((s) => [s.tab, s.domain]));
  if (outageTabs.size !== spec.sites.filter((s) => s.inOutage).length)
    throw new Error(`${spec.id}: outage sites share a tab`);
  const failedSites = new Set<string>();
  let firstFail = Number.NaN;
  let thirdSite = Number.NaN;
  for (const event of events) {
    if (event.kind !== 'request' || !isFailingRequest(event)) continue;
    if (Number.isNaN(firstFail)) firstFail = event.t;
    const domain = outageTabs.get(event.tabId);
    if (!domain) continue;
    failedSites.add(domain);
    if (failedSites.size === 3 && Number.isNaN(thirdSite)) thirdSite = event.t;
  }
  const isFailingAt = (domain: string, at: number): boolean => {
    let latest: ScenarioEvent | undefined;
    for (const event of events) {
      if (event.t > at) break;
      if (event.kind !== 'request' || !CRITICAL_TYPES.has(event.type)) continue;
      const host = new URL(event.url).hostname;
      if (host === domain || host.endsWith(`.${domain}`)) latest = event;
    }
    return latest !== undefined && isFailingRequest(latest);
  };
  return { firstFail, thirdSite, end: spec.end, isFailingAt };
}

export function assembleScenario(spec: ScenarioSpec): Scenario {
  const rng = createRng(getSeed(spec.id));
  const book = new Map<string, string[]>();
  const requests = spec.sites.flatMap((site) => createSiteEvents(site, spec.end, spec.browser, book, rng));
  // Stable sort keeps each site's own order for events in the same second.
  const events = [...requests, ...(spec.events ?? [])]
    .filter((e) => e.t <= spec.end)
    .sort((a, b) => a.t - b.t);
  const timing = getTiming(spec, events);
  const expect = spec.expect(timing);
  for (const e of expect) {
    if ('at' in e && Number.isNaN(e.at))
      throw new Error(`${spec.id}: expectation time depends on a failure that never happened`);
  }
  return {
    format: 'outage-lens-scenario/1',
    id: spec.id,
    title: spec.title,
    start: spec.start,
    settings: { doh: spec.doh ?? false },
    dns: spec.dns ?? {},
    events,
    expect,
  };
}
