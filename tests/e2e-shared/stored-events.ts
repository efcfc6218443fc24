import type { LoadEvent } from '../../utils/observe/types';
import { DB_NAME, EVENTS_STORE } from '../../utils/store/db';
import type { ExtensionEval } from './extension-eval';
import { readStore } from './extension-probe';
import { waitFor } from './wait-for';

/** Every LoadEvent the extension stored in IndexedDB. */
export function getStoredEvents(extension: ExtensionEval): Promise<LoadEvent[]> {
  return readStore<LoadEvent>(extension, DB_NAME, EVENTS_STORE);
}

export function isFailure(event: LoadEvent): boolean {
  return event.outcome !== 'ok' && event.outcome !== 'ignored';
}

/** Waits until at least `count` stored failures match, then returns all that match. */
export async function waitForStoredFailures(
  extension: ExtensionEval,
  match: (event: LoadEvent) => boolean,
  what: string,
  count = 1,
): Promise<LoadEvent[]> {
  return waitFor(`${count} stored failure(s) for ${what}`, async () => {
    const found = (await getStoredEvents(extension)).filter((e) => isFailure(e) && match(e));
    return found.length >= count ? found : undefined;
  });
}
