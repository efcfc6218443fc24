import type { LoadEvent } from '../../../utils/observe/types';
import { DB_NAME, EVENTS_STORE } from '../../../utils/store/db';
import { isFailure } from '../../e2e/harness/stored-events';
import { waitFor } from '../../e2e/harness/wait-for';
import type { BackgroundPage } from './background-page';
import { readStore } from './extension-probe';

/** Every LoadEvent the extension stored in IndexedDB. */
export function getStoredEvents(bg: BackgroundPage): Promise<LoadEvent[]> {
  return readStore<LoadEvent>(bg, DB_NAME, EVENTS_STORE);
}

/** Waits until at least `count` stored failures match, then returns all that match. */
export async function waitForStoredFailures(
  bg: BackgroundPage,
  match: (event: LoadEvent) => boolean,
  what: string,
  count = 1,
): Promise<LoadEvent[]> {
  return waitFor(`${count} stored failure(s) for ${what}`, async () => {
    const found = (await getStoredEvents(bg)).filter((e) => isFailure(e) && match(e));
    return found.length >= count ? found : undefined;
  });
}
