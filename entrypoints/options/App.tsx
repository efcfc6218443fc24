import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getFeedRows } from '../../components/options/feed-rows';
import { OptionsView } from '../../components/options/options-view';
import { FEED_SOURCES } from '../../utils/attribute/feed-sources';
import {
  createEmptyFeedUpdateState,
  type FeedUpdateState,
  parseFeedUpdateState,
} from '../../utils/attribute/feed-update';
import type { UserMapping } from '../../utils/attribute/user-mapping';
import { UPDATE_FEEDS_MESSAGE, type UpdateFeedsResponse } from '../../utils/browser/feed-messages';
import { DATA_DELETED_MESSAGE, SETTINGS_CHANGED_MESSAGE } from '../../utils/browser/settings-messages';
import { openOutageDb } from '../../utils/store/db';
import { getKv } from '../../utils/store/kv-repo';
import { SETTINGS_KEYS } from '../../utils/store/settings-keys';
import { deleteUserData, exportUserData } from '../../utils/store/user-data';
import {
  getDohEnabled,
  getUserMappings,
  setDohEnabled,
  setUserMappings,
} from '../../utils/store/user-settings';

/** The feed list's "3 days ago" stays current while the page is open. */
const REFRESH_MS = 30_000;

interface Stored {
  feeds: FeedUpdateState;
  mappings: UserMapping[];
  mappingErrors: string[];
  doh: boolean;
}

// The options page shares the extension origin, so it reads and writes the background's IndexedDB directly.
async function loadStored(): Promise<Stored> {
  const db = await openOutageDb();
  const [feedValue, mappings, doh] = await Promise.all([
    getKv(db, SETTINGS_KEYS.feedState),
    getUserMappings(db),
    getDohEnabled(db),
  ]);
  return {
    feeds: parseFeedUpdateState(feedValue).state,
    mappings: mappings.mappings,
    mappingErrors: mappings.errors,
    doh,
  };
}

function describeUpdate(response: UpdateFeedsResponse | undefined): string {
  if (!response) return 'The background did not answer; try again in a moment.';
  if (!response.ok) return `Update failed: ${response.error}`;
  const parts = [`Checked ${response.checked} list${response.checked === 1 ? '' : 's'}`];
  parts.push(response.swapped ? 'new address table in use' : 'address table unchanged');
  if (response.errors.length > 0) parts.push(`${response.errors.length} problem(s), see the table`);
  return `${parts.join('; ')}.`;
}

function downloadJson(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Tells the background what changed in storage (settings → rebuild its attributor; data deleted → forget what
 * its engine learned); a sleeping worker wakes for it.
 */
async function notifyBackground(
  type: typeof SETTINGS_CHANGED_MESSAGE | typeof DATA_DELETED_MESSAGE,
): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type });
  } catch {
    // No background listening (being restarted): it reads what is stored when it starts anyway.
  }
}

export function App() {
  const [now, setNow] = useState(() => Date.now());
  const [stored, setStored] = useState<Stored>({
    feeds: createEmptyFeedUpdateState(),
    mappings: [],
    mappingErrors: [],
    doh: false,
  });
  const [updating, setUpdating] = useState(false);
  const [feedMessage, setFeedMessage] = useState<string | null>(null);
  const [dataMessage, setDataMessage] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setStored(await loadStored());
    setNow(Date.now());
  }, []);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const onUpdateNow = async () => {
    setUpdating(true);
    setFeedMessage('Downloading the provider lists…');
    try {
      const response = (await browser.runtime.sendMessage({ type: UPDATE_FEEDS_MESSAGE })) as
        | UpdateFeedsResponse
        | undefined;
      setFeedMessage(describeUpdate(response));
    } catch (error) {
      setFeedMessage(`Update failed: ${(error as Error).message}`);
    } finally {
      setUpdating(false);
      await reload();
    }
  };

  const onMappingsChange = async (next: UserMapping[]) => {
    setStored((s) => ({ ...s, mappings: next }));
    await setUserMappings(await openOutageDb(), next);
    await notifyBackground(SETTINGS_CHANGED_MESSAGE);
    await reload();
  };

  const onDohChange = async (enabled: boolean) => {
    setStored((s) => ({ ...s, doh: enabled }));
    await setDohEnabled(await openOutageDb(), enabled);
  };

  const onExport = async () => {
    try {
      const db = await openOutageDb();
      const data = await exportUserData(db);
      downloadJson(data, `outage-lens-export-${new Date(Date.now()).toISOString().slice(0, 10)}.json`);
      setDataMessage(`Exported ${data.events.length} loads and ${data.hosts.length} sites.`);
    } catch (error) {
      setDataMessage(`Export failed: ${(error as Error).message}`);
    }
  };

  const onDelete = async () => {
    try {
      await deleteUserData(await openOutageDb(), { withSettings: true });
      // Rebuilt from what is left: no learned state, no mappings.
      await notifyBackground(DATA_DELETED_MESSAGE);
      setDataMessage('All data deleted.');
    } catch (error) {
      setDataMessage(`Deleting failed: ${(error as Error).message}`);
    }
    await reload();
  };

  return (
    <OptionsView
      now={now}
      feeds={getFeedRows(stored.feeds, FEED_SOURCES)}
      updating={updating}
      feedMessage={feedMessage}
      mappings={stored.mappings}
      mappingErrors={stored.mappingErrors}
      doh={stored.doh}
      dataMessage={dataMessage}
      onUpdateNow={() => void onUpdateNow()}
      onMappingsChange={(next) => void onMappingsChange(next)}
      onDohChange={(enabled) => void onDohChange(enabled)}
      onExport={() => void onExport()}
      onDelete={() => void onDelete()}
    />
  );
}
