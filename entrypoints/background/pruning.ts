import { browser } from 'wxt/browser';
import type { OutageDb } from '../../utils/store/db';
import { pruneEvents } from '../../utils/store/events-repo';
import { pruneHosts } from '../../utils/store/hosts-repo';
import { PRUNE_ALARM, PRUNE_PERIOD_MINUTES } from './settings';

/**
 * Keeps the event log and host profiles within the store's retention limits. The alarm survives
 * worker restarts; its listener is registered synchronously in main() so a wake-up finds it.
 */
export function registerPruning(getDb: () => Promise<OutageDb>, onError: (error: unknown) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PRUNE_ALARM) return;
    const now = Date.now();
    void getDb()
      .then((db) => Promise.all([pruneEvents(db, { now }), pruneHosts(db, { now })]))
      .catch(onError);
  });
  // create() replaces an alarm of the same name, so restarting the worker does not stack them.
  void browser.alarms
    .create(PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: PRUNE_PERIOD_MINUTES })
    .catch(onError);
}
