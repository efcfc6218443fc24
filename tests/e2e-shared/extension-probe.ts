import type { ExtensionEval, ExtensionScope } from './extension-eval';

/**
 * Reads what the extension itself stored and showed, from inside it (the functions below run in the
 * extension, sent through each suite's `ExtensionEval`): IndexedDB rows, the per-tab badge (text, RGBA
 * colour, tooltip), and tab ids and states.
 */

export interface TabBadge {
  text: string;
  color: number[];
  title: string;
}

/** All rows of one object store; [] when the database or the store does not exist yet. */
export async function readStore<T>(
  extension: ExtensionEval,
  dbName: string,
  storeName: string,
): Promise<T[]> {
  const rows = await extension.evaluate(
    ({ dbName, storeName }) =>
      new Promise<unknown[]>((resolve) => {
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
            resolve(all.result);
          };
          all.onerror = () => {
            db.close();
            resolve([]);
          };
        };
      }),
    { dbName, storeName },
  );
  return rows as T[];
}

export function getTabBadge(extension: ExtensionEval, tabId: number): Promise<TabBadge> {
  return extension.evaluate(async (tabId) => {
    const scope = globalThis as ExtensionScope;
    const api = scope.browser ?? scope.chrome!;
    const action = api.action ?? api.browserAction!;
    const [text, color, title] = await Promise.all([
      action.getBadgeText({ tabId }),
      action.getBadgeBackgroundColor({ tabId }),
      action.getTitle({ tabId }),
    ]);
    return { text, color: [...(color as number[])], title };
  }, tabId);
}

/** The id of the tab showing `url` (error pages keep the URL that failed; Chromium may still call it pending). */
export function findTabId(extension: ExtensionEval, url: string): Promise<number | undefined> {
  return extension.evaluate(async (url) => {
    const scope = globalThis as ExtensionScope;
    const tabs = await (scope.browser ?? scope.chrome!).tabs.query({});
    return tabs.find((tab) => tab.url === url || (tab as { pendingUrl?: string }).pendingUrl === url)?.id;
  }, url);
}

export function isTabComplete(extension: ExtensionEval, tabId: number): Promise<boolean> {
  return extension.evaluate(async (id) => {
    const scope = globalThis as ExtensionScope;
    return (await (scope.browser ?? scope.chrome!).tabs.get(id)).status === 'complete';
  }, tabId);
}
