import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getBundledCatalog } from '../../utils/browser/bundled-catalog';
import { probeConnectivity } from '../../utils/browser/connectivity-probe';
import { createDnsResolver } from '../../utils/browser/dns-resolver';
import { isUpdateFeedsMessage } from '../../utils/browser/feed-messages';
import { isDataDeletedMessage, isSettingsChangedMessage } from '../../utils/browser/settings-messages';
import { openOutageDb } from '../../utils/store/db';
import { getDohEnabled, getProbeUrls } from '../../utils/store/user-settings';
import { registerFeedUpdater } from './feed-updater';
import { registerCaptureListeners } from './listeners';
import { createLiveEngine } from './live-engine';
import { registerPruning } from './pruning';
import { DEDUPE_WINDOW_MS } from './settings';
import { refreshTabBadge } from './tab-badge';

/**
 * Composition root. Every listener is registered synchronously in main(); the engine's state is built
 * asynchronously behind them (live-engine.ts) and everything the user sees is in IndexedDB, because the
 * worker may be stopped after ~30 s idle.
 */
export default defineBackground(() => {
  const getDb = () => openOutageDb();
  const logError = (error: unknown, context = '') => console.error('[outage-lens]', context, error);

  let onTableSwapped = () => {};
  const feeds = registerFeedUpdater({
    getDb,
    now: Date.now,
    onError: logError,
    onTableSwapped: () => onTableSwapped(),
  });
  const catalog = () => {
    const { index, error } = getBundledCatalog();
    if (error) logError(new Error(error), 'service catalog');
    return index;
  };
  const dns = createDnsResolver({
    isDohEnabled: async () => getDohEnabled(await getDb()),
    now: Date.now,
    onError: (host, reason) => logError(new Error(reason), `DNS lookup of ${host}`),
  });

  const live = createLiveEngine({
    getDb,
    now: Date.now,
    dedupeWindowMs: DEDUPE_WINDOW_MS,
    getTable: () => feeds.getCurrentTable(),
    getUserMappings: () => feeds.getUserMappings(),
    getCatalog: catalog,
    dnsAnswers: (host) => dns.peek(host),
    onUnplacedFailure: (host) => void dns.resolve(host),
    probe: async (time) =>
      probeConnectivity(await getProbeUrls(await getDb()), time, {
        isOnline: () => globalThis.navigator?.onLine !== false,
      }),
    refreshBadge: refreshTabBadge,
    onError: logError,
  });
  onTableSwapped = () => void live.rebuildAttributor();
  registerCaptureListeners((raw) => void live.handle(raw));

  // Chromium resets a tab's badge when it commits a document (error pages included): re-apply it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void live.refreshTab(tabId);
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isUpdateFeedsMessage(message)) return feeds.handleMessage();
    if (isSettingsChangedMessage(message)) return live.rebuildAttributor().then(() => ({ ok: true }));
    if (isDataDeletedMessage(message)) return live.reset().then(() => ({ ok: true }));
    return undefined;
  });
  registerPruning(getDb, logError);
  void live.start();
});
