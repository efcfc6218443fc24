/**
 * kv keys added for the range-feed updater and the options page (KV_KEYS in kv-repo.ts has the older ones:
 * `settings`, `verdicts`, `range-table`).
 *   user-mappings           {version: 1, mappings: UserMapping[]}           the options page's own mappings
 *   feed-state              FeedUpdateState (utils/attribute/feed-update.ts)   per-feed validators and times
 *   feed-text:<file>        string                                            last good text of one feed
 * The `settings` value is an object the options page merges into; the `doh` field (boolean) is defined here.
 */
export const SETTINGS_KEYS = {
  userMappings: 'user-mappings',
  feedState: 'feed-state',
} as const;

export const FEED_TEXT_KEY_PREFIX = 'feed-text:';

export function getFeedTextKey(file: string): string {
  return `${FEED_TEXT_KEY_PREFIX}${file}`;
}

export const USER_MAPPINGS_FORMAT_VERSION = 1;
