/** Tunables of the background wiring, in one place. Retention limits belong to utils/store. */

/** Repeats of one failure within this window count once (Chromium auto-reloads error pages ~1.1 s later). */
export const DEDUPE_WINDOW_MS = 10_000;
/** The badge looks at this much of a tab's history. */
export const BADGE_WINDOW_MS = 15 * 60_000;
export const PRUNE_ALARM = 'prune-events';
export const PRUNE_PERIOD_MINUTES = 30;
