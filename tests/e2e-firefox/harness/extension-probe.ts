import { DB_NAME, KV_STORE } from '../../../utils/store/db';
import type { TabBadge } from '../../e2e/harness/extension-probe';
import type { BackgroundPage } from './background-page';
import type { ExtensionScope } from './extension-scope';

/**
 * Reads what the extension itself stored and showed, from inside its background page over RDP:
 * IndexedDB rows, the per-tab badge (text, RGBA colour, tooltip), and tab ids and states.
 * The same reads as the Chromium harness (tests/e2e/harness/extension-probe.ts), in Firefox.
 */

/** All rows of one object store; [] when the database or the store does not exist yet. */
export function readStore<T>(bg: BackgroundPage, dbName: string, storeName: string): Promise<T[]> {
  return bg.evaluate(
    ({ dbName, storeName }) =>
      new Promise<T[]>((resolve) => {
        const req = indexedDB.open(dbName);
        // Opening a database that is not there yet would create an empty v1 and stop the
        // extension's own upgrade from ever running.
        req.onupgradeneeded = () => req.transaction?.abort();
        req.onerror = () => resolve([]);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => {
            db.close();
            resolve([]);
          };
        };
      }),
    { dbName, storeName },
  );
}

export function getTabBadge(bg: BackgroundPage, tabId: number): Promise<TabBadge> {
  return bg.evaluate(async (tabId) => {
    const { browser } = globalThis as ExtensionScope;
    const action = browser.action ?? browser.browserAction!;
    const [text, color, title] = await Promise.all([
      action.getBadgeText({ tabId }),
      action.getBadgeBackgroundColor({ tabId }),
      action.getTitle({ tabId }),
    ]);
    return { text, color: [...(color as number[])], title };
  }, tabId);
}

/** The id of the tab showing `url` (Firefox error pages keep the URL that failed). */
export function findTabId(bg: BackgroundPage, url: string): Promise<number | undefined> {
  return bg.evaluate(async (url) => {
    const tabs = await (globalThis as ExtensionScope).browser.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id;
  }, url);
}

export function isTabComplete(bg: BackgroundPage, tabId: number): Promise<boolean> {
  return bg.evaluate(
    async (id) => (await (globalThis as ExtensionScope).browser.tabs.get(id)).status === 'complete',
    tabId,
  );
}

/**
 * Merges one field into the extension's `settings` kv row, the same row its options page writes, once the
 * background has created the database (it opens it at start-up).
 */
export async function setStoredSetting(bg: BackgroundPage, field: string, value: unknown): Promise<void> {
  await bg.evaluate(
    async ({ dbName, storeName, field, value }) => {
      const open = () =>
        new Promise<IDBDatabase | null>((resolve) => {
          const req = indexedDB.open(dbName);
          // Never create the database ourselves: wait for the extension's.
          req.onupgradeneeded = () => req.transaction?.abort();
          req.onerror = () => resolve(null);
          req.onsuccess = () => {
            if (req.result.objectStoreNames.contains(storeName)) resolve(req.result);
            else {
              req.result.close();
              resolve(null);
            }
          };
        });
      const deadline = Date.now() + 8_000;
      let db = await open();
      while (!db) {
        if (Date.now() > deadline) throw new Error('the extension never created its database');
        await new Promise((resolve) => setTimeout(resolve, 25));
        db = await open();
      }
      const store = db.transaction(storeName, 'readwrite').objectStore(storeName);
      await new Promise<void>((resolve, reject) => {
        const get = store.get('settings');
        get.onsuccess = () => {
          const current = (get.result?.value ?? {}) as Record<string, unknown>;
          const put = store.put({ key: 'settings', version: 1, value: { ...current, [field]: value } });
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
        get.onerror = () => reject(get.error);
      });
      db.close();
    },
    { dbName: DB_NAME, storeName: KV_STORE, field, value },
  );
}
