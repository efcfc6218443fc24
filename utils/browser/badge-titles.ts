/**
 * Tooltip texts of the toolbar button. Kept apart from badge.ts (which imports the browser API)
 * so tests and the e2e harness can read them in plain Node.
 */
export const DEFAULT_TITLE = 'Outage Lens';
/** Set explicitly after a tab loads cleanly, so "cleared" is distinguishable from "never set". */
export const CLEAR_TITLE = 'Outage Lens: no failures on this tab';

export function getFailureTitle(detail: string): string {
  return `${DEFAULT_TITLE}: ${detail}`;
}
