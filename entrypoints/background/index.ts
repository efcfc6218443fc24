import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createDeduper } from '../../utils/observe/dedupe';
import { openOutageDb } from '../../utils/store/db';
import { addEvents } from '../../utils/store/events-repo';
import { recordHostOutcome } from '../../utils/store/hosts-repo';
import { createCapture } from './capture';
import { registerCaptureListeners } from './listeners';
import { registerPruning } from './pruning';
import { DEDUPE_WINDOW_MS } from './settings';
import { refreshTabBadge } from './tab-badge';

/**
 * Composition root. Everything is registered synchronously in main(); all state the user sees is
 * in IndexedDB (the worker may be stopped after ~30 s idle), only the deduper lives in memory.
 */
export default defineBackground(() => {
  const getDb = () => openOutageDb();
  const logError = (error: unknown, context = '') => console.error('[outage-lens]', context, error);
  const refreshBadge = async (tabId: number) => refreshTabBadge(await getDb(), tabId, Date.now());

  const capture = createCapture({
    deduper: createDeduper({ windowMs: DEDUPE_WINDOW_MS }),
    async store(event) {
      const db = await getDb();
      await addEvents(db, [event]);
      await recordHostOutcome(db, event);
    },
    refreshBadge,
    onError: logError,
  });
  registerCaptureListeners((raw) => void capture.handle(raw));

  // Chromium resets a tab's badge when it commits a document (error pages included): re-apply it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void capture.refreshTab(tabId);
  });
  registerPruning(getDb, logError);
});
