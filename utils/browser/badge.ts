import { browser } from 'wxt/browser';
import { CLEAR_TITLE, getFailureTitle } from './badge-titles';

/** What the toolbar badge shows for one tab; null clears it. */
export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

// Chrome MV3 and Firefox MV3 have `action`; Firefox MV2 only `browserAction`.
function getActionApi(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Sets (or clears, with null) the badge text, colour and tooltip of one tab. */
export async function setTabBadge(tabId: number, view: BadgeView | null): Promise<void> {
  const action = getActionApi();
  if (view === null) {
    await Promise.all([
      action.setBadgeText({ tabId, text: '' }),
      action.setTitle({ tabId, title: CLEAR_TITLE }),
    ]);
    return;
  }
  await Promise.all([
    action.setBadgeBackgroundColor({ tabId, color: view.color }),
    action.setBadgeText({ tabId, text: view.text }),
    action.setTitle({ tabId, title: getFailureTitle(view.title) }),
  ]);
}
