import type { Worker } from 'playwright-core';
import type { WorkerScope } from './worker-chrome';

/**
 * Reads what the extension itself stored and showed, from inside its service worker:
 * IndexedDB rows, and the per-tab badge (text, RGBA colour, tooltip).
 */

export interface TabBadge {
  text: string;
  color: number[];
  title: string;
}

/** All rows of one object store; [] when the database or the store does not exist yet. */
export async function readStore<T>(worker: Worker, dbName: string, storeName: string): Promise<T[]> {
  return worker.evaluate(
    ({ dbName, storeName }) =>
      new Promise<T[]>((resolve) => {
        const req = indexedDB.open(dbName);
        // Opening a database that is not there yet would create an empty v1 and stop the
        // extension's own upgrade from ever running (toolchain pitfall 4).
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

export async function getTabBadge(worker: Worker, tabId: number): Promise<TabBadge> {
  return worker.evaluate(async (tabId) => {
    const [text, color, title] = await Promise.all([
      (globalThis as WorkerScope).chrome.action.getBadgeText({ tabId }),
      (globalThis as WorkerScope).chrome.action.getBadgeBackgroundColor({ tabId }),
      (globalThis as WorkerScope).chrome.action.getTitle({ tabId }),
    ]);
    return { text, color: [...color], title };
  }, tabId);
}

/** The id of the tab showing `url` (error pages keep the URL that failed). */
export async function findTabId(worker: Worker, url: string): Promise<number | undefined> {
  return worker.evaluate(async (url) => {
    const tabs = await (globalThis as WorkerScope).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url || tab.pendingUrl === url)?.id;
  }, url);
}
