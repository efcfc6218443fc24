/**
 * Feed states → the rows the options page lists: one per feed file, in FEED_SOURCES order, with the provider's
 * display name. Pure: `now` is not needed here; the view formats times.
 */
import { type FeedSource, isDownloadable } from '../../utils/attribute/feed-sources';
import type { FeedUpdateState } from '../../utils/attribute/feed-update';
import { getProviderDisplayName } from '../../utils/attribute/provider-names';

export interface FeedRow {
  file: string;
  provider: string;
  downloadable: boolean;
  lastGoodAt: number | null;
  lastCheckedAt: number | null;
  prefixCount: number | null;
  lastError: string | null;
  /** Why the feed is not downloaded, for feeds without an address. */
  note: string | null;
}

export function getFeedRows(state: FeedUpdateState, sources: readonly FeedSource[]): FeedRow[] {
  return sources.map((source) => {
    const feed = state.feeds[source.file];
    return {
      file: source.file,
      provider: getProviderDisplayName(source.file.split('-')[0] ?? source.file),
      downloadable: isDownloadable(source),
      lastGoodAt: feed?.lastGoodAt ?? null,
      lastCheckedAt: feed?.lastCheckedAt ?? null,
      prefixCount: feed?.prefixCount ?? null,
      lastError: feed?.lastError ?? null,
      note: source.note ?? null,
    };
  });
}
