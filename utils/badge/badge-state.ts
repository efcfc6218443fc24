import { getProviderDisplayName } from '../attribute/provider-names';
import type { Outage, Verdict } from '../infer/types';
import { isCriticalRequest } from '../observe/critical';
import { isFailureOutcome } from '../observe/outcome';
import type { LoadEvent } from '../observe/types';
import { describeFailure } from './describe-failure';
import { getProviderBadge } from './provider-names';

export interface BadgeState {
  /** At most 4 characters. */
  text: string;
  /** CSS hex colour. */
  color: string;
  /** Tooltip: what failed, in plain words. */
  title: string;
}

export interface BadgeInput {
  /** Registrable domain of the tab's page; defaults to the site of its latest main document. */
  tabSite?: string;
  /** This tab's recent events, any order. */
  events: readonly LoadEvent[];
  /** The engine's verdict for the tab's site, when there is one. */
  verdict?: Verdict;
  /** The suspected outage that verdict points at, for the count of failing sites. */
  outage?: Pick<Outage, 'failingSites'>;
}

export const BADGE_COLORS = {
  failure: '#D93025',
  site: '#E37400',
  local: '#5F6368',
} as const;

/**
 * Subresources of a page can finish just before its document does (preloads of a long page), so
 * the current page starts this long before its main document's event.
 */
export const PAGE_START_SLACK_MS = 2_000;

/** What is failing on the tab's current page. */
export interface TabFailures {
  pageSite: string | undefined;
  /** The latest main document, when it failed. */
  document: LoadEvent | undefined;
  /** Latest event of each critical first-party host whose latest outcome is a failure, by host name. */
  hosts: LoadEvent[];
}

/**
 * The current page is everything from its latest main document on (all events when none is known).
 * A host counts by its latest outcome there, so a host that failed and then loaded is fine again.
 */
export function getTabFailures(tabSite: string | undefined, events: readonly LoadEvent[]): TabFailures {
  const sorted = [...events].sort((a, b) => a.time - b.time);
  const documents = sorted.filter((ev) => ev.type === 'main_frame' && ev.outcome !== 'ignored');
  const latestDocument = documents.at(-1);
  const pageSite = tabSite ?? latestDocument?.site;
  const start = latestDocument ? latestDocument.time - PAGE_START_SLACK_MS : Number.NEGATIVE_INFINITY;
  const latestByHost = new Map<string, LoadEvent>();
  for (const ev of sorted) {
    if (ev.time < start || ev.type === 'main_frame' || ev.outcome === 'ignored') continue;
    if (isCriticalRequest(ev, pageSite ?? ev.pageSite)) latestByHost.set(ev.host, ev);
  }
  const hosts = [...latestByHost.values()]
    .filter((ev) => isFailureOutcome(ev.outcome))
    .sort((a, b) => a.host.localeCompare(b.host));
  const document = latestDocument && isFailureOutcome(latestDocument.outcome) ? latestDocument : undefined;
  return { pageSite, document, hosts };
}

/** One sentence naming what failed: "www.shop.test did not load: the server answered 503." */
function describeTabFailures({ pageSite, document, hosts }: TabFailures): string {
  const parts = hosts.map((ev) => `${ev.host} (${describeFailure(ev)})`);
  if (document) {
    const also = parts.length > 0 ? `; also failing: ${parts.join(', ')}` : '';
    return `${document.host} did not load: ${describeFailure(document)}${also}.`;
  }
  const [only] = hosts;
  if (only && hosts.length === 1) return `${only.host} is failing: ${describeFailure(only)}.`;
  return `Parts of ${pageSite ?? 'this page'} are failing: ${parts.join(', ')}.`;
}

function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** The badge that names the cause, when the verdict gives one. */
function getVerdictBadge(verdict: Verdict, outage: BadgeInput['outage'], what: string): BadgeState | null {
  if (verdict.kind === 'provider-outage' && verdict.provider) {
    const where = [getProviderDisplayName(verdict.provider), verdict.region].filter(Boolean).join(' ');
    const count =
      outage && outage.failingSites.length > 1
        ? `: ${outage.failingSites.length} sites on it are failing`
        : '';
    return {
      text: getProviderBadge(verdict.provider),
      color: BADGE_COLORS.failure,
      title: `Likely ${withArticle(where)} outage${count}. ${what}`,
    };
  }
  if (verdict.kind === 'site') {
    return {
      text: 'SITE',
      color: BADGE_COLORS.site,
      title: `${verdict.site} itself seems to have a problem; other sites work. ${what}`,
    };
  }
  if (verdict.kind === 'local-network') {
    return {
      text: 'NET',
      color: BADGE_COLORS.local,
      title: `Your own connection seems to be the problem. ${what}`,
    };
  }
  return null;
}

/**
 * The toolbar badge for one tab, or null when its page works: shown while the latest main document
 * failed or a critical first-party host's latest load failed (critical.ts), cleared once they load
 * again. A verdict for the tab's site names the cause (provider badge red, SITE orange, NET grey);
 * without one, failures that are all the user's own network show NET, others '!' (document failed)
 * or the number of failing hosts.
 */
export function getBadgeState(input: BadgeInput): BadgeState | null {
  const failures = getTabFailures(input.tabSite, input.events);
  if (!failures.document && failures.hosts.length === 0) return null;
  const what = describeTabFailures(failures);
  const { verdict } = input;
  if (verdict && (failures.pageSite === undefined || verdict.site === failures.pageSite)) {
    const named = getVerdictBadge(verdict, input.outage, what);
    if (named) return named;
  }
  const all = failures.document ? [failures.document, ...failures.hosts] : failures.hosts;
  if (all.every((ev) => ev.outcome === 'local')) {
    return {
      text: 'NET',
      color: BADGE_COLORS.local,
      title: `Your own network seems to be the problem. ${what}`,
    };
  }
  const count = failures.hosts.length;
  const text = failures.document ? '!' : count > 99 ? '99+' : String(count);
  return { text, color: BADGE_COLORS.failure, title: what };
}
