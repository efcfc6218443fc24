import { useState } from 'preact/hooks';

export interface DataControlsProps {
  onExport: () => void;
  onDelete: () => void;
  /** Outcome of the last export or deletion. */
  message: string | null;
}

/** Section (d): download everything Outage Lens stored about you, or delete it (after a confirmation step). */
export function DataControls({ onExport, onDelete, message }: DataControlsProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="options-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p class="options-hint">
        Everything Outage Lens learns stays in this browser: the failed and working loads it saw, what it
        learned about each site, your settings and mappings.
      </p>
      <div class="options-actions">
        <button type="button" onClick={onExport}>
          Export my data
        </button>
        {confirming ? null : (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Delete all data…
          </button>
        )}
      </div>
      {confirming ? (
        <fieldset class="confirm">
          <legend>Delete all data?</legend>
          <p>
            Delete all history, everything learned about sites, your mappings and your settings? This cannot
            be undone. Provider address lists are downloaded again later.
          </p>
          <div class="options-actions">
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                onDelete();
              }}
            >
              Delete everything
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}
      <p class="options-status" role="status" aria-live="polite">
        {message ?? ''}
      </p>
    </section>
  );
}
