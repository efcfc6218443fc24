import { formatRelativeTime } from '../format-relative-time';
import type { FeedRow } from './feed-rows';

export interface FeedStatusListProps {
  rows: FeedRow[];
  now: number;
  updating: boolean;
  /** Outcome of the last "Update now", announced politely. */
  message: string | null;
  onUpdateNow: () => void;
}

function formatWhen(time: number, now: number): string {
  const date = new Date(time).toISOString().slice(0, 16).replace('T', ' ');
  return `${date} UTC (${formatRelativeTime(time, now)})`;
}

/** Section (a): each provider feed's last good update, its size and its last error, and "Update now". */
export function FeedStatusList({ rows, now, updating, message, onUpdateNow }: FeedStatusListProps) {
  return (
    <section class="options-section" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Provider address lists</h2>
      <p class="options-hint">
        Outage Lens downloads the providers' official address lists once a week to tell which cloud serves a
        site. Until the first download, it recognises providers by site names and response headers.
      </p>
      <table class="feed-table">
        <thead>
          <tr>
            <th scope="col">List</th>
            <th scope="col">Last good update</th>
            <th scope="col">Ranges</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.file}>
              <th scope="row">
                <span class="feed-table__provider">{row.provider}</span>
                <span class="feed-table__file">{row.file}</span>
              </th>
              <td>{row.lastGoodAt === null ? 'Never' : formatWhen(row.lastGoodAt, now)}</td>
              <td>{row.prefixCount === null ? '–' : row.prefixCount.toLocaleString('en')}</td>
              <td>
                {row.lastError ? (
                  <span class="feed-table__error">Last try failed: {row.lastError}</span>
                ) : !row.downloadable ? (
                  <span class="feed-table__note">{row.note}</span>
                ) : row.lastGoodAt === null ? (
                  'Waiting for the first download'
                ) : (
                  'OK'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="options-actions">
        <button type="button" onClick={onUpdateNow} disabled={updating}>
          {updating ? 'Updating…' : 'Update now'}
        </button>
        <p class="options-status" role="status" aria-live="polite">
          {message ?? ''}
        </p>
      </div>
    </section>
  );
}
