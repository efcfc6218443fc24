import { writeFile } from 'node:fs/promises';
import type { ExtensionScope } from '../../e2e-shared/extension-eval';
import { waitForAccepted } from '../../e2e-shared/wait-for';
import type { BackgroundPage } from './background-page';

/**
 * The popup page opened as a tab (BiDi cannot drive extension pages), told which tab to report on
 * with `?tabId=N` as entrypoints/popup/get-target-tab.ts reads it. Its DOM is read from the background
 * page through `browser.extension.getViews`, which hands out the popup's window (same origin).
 */

/** What the rendered popup shows: the text of its `main`, and one entry per failure item. */
export interface PopupSnapshot {
  text: string;
  failures: string[];
}

export interface PopupTab {
  /** The tab the popup reports on. */
  forTabId: number;
  id: number;
  windowId: number;
}

export async function openPopupTab(bg: BackgroundPage, forTabId: number): Promise<PopupTab> {
  const tab = await bg.evaluate(async (forTabId) => {
    const created = await (globalThis as ExtensionScope).browser!.tabs.create({
      url: `/popup.html?tabId=${forTabId}`,
    });
    return { id: created.id!, windowId: created.windowId! };
  }, forTabId);
  return { forTabId, ...tab };
}

/** The popup's content once it has rendered past "Loading…"; undefined before. */
export function readPopup(bg: BackgroundPage, popup: PopupTab): Promise<PopupSnapshot | undefined> {
  return bg.evaluate((search) => {
    // The polyfill types views as an empty Window interface; they are DOM windows.
    const views = (globalThis as ExtensionScope).browser!.extension.getViews({
      type: 'tab',
    }) as unknown as Window[];
    const view = views.find((w) => w.location.pathname === '/popup.html' && w.location.search === search);
    const main = view?.document.querySelector('main');
    if (!main || main.querySelector('[aria-busy="true"]')) return undefined;
    const failures = [...main.querySelectorAll('li.failure')].map((li) => li.textContent ?? '');
    return { text: main.textContent ?? '', failures };
  }, `?tabId=${popup.forTabId}`);
}

/** Waits until the popup shows something `accept` takes; a timeout reports the last snapshot. */
export function waitForPopup(
  bg: BackgroundPage,
  popup: PopupTab,
  accept: (snapshot: PopupSnapshot) => boolean,
  what: string,
): Promise<PopupSnapshot> {
  return waitForAccepted(what, 'popup', () => readPopup(bg, popup), accept);
}

/** Saves a PNG of the popup tab (it is the active tab of its window right after opening). */
export async function savePopupScreenshot(bg: BackgroundPage, popup: PopupTab, file: string): Promise<void> {
  const dataUrl = await bg.evaluate(
    (windowId) => (globalThis as ExtensionScope).browser!.tabs.captureVisibleTab(windowId, { format: 'png' }),
    popup.windowId,
  );
  const [, base64 = ''] = dataUrl.split(',');
  await writeFile(file, Buffer.from(base64, 'base64'));
}
