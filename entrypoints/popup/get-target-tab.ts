import { browser } from 'wxt/browser';

/**
 * The tab the popup reports on: `?tabId=N` when given (tests, and the popup opened as a page),
 * else the active tab of the current window.
 */
export async function getTargetTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}
