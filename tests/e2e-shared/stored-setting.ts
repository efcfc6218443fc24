import { DB_NAME, KV_STORE } from '../../utils/store/db';
import type { ExtensionEval } from './extension-eval';

/**
 * Merges one field into the extension's `settings` kv row, the same row its options page writes, once the
 * background has created the database (it opens it at start-up).
 */
export async function setStoredSetting(
  extension: ExtensionEval,
  field: string,
  value: unknown,
): Promise<void> {
  await extension.evaluate(
    async ({ dbName, storeName, field, value }) => {
      const open = () =>
        new Promise<IDBDatabase | null>((resolve) => {
          const req = indexedDB.open(dbName);
          // Never create the database ourselves (toolchain pitfall 4): wait for the extension's.
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
      // Under Firefox's 10 s limit on one evaluation over RDP, so this error is the one reported.
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
