/**
 * The webRequest filter types for each browser. Both accept the nine types that can break a page;
 * Firefox rejects names it does not know, and reports responsive images as `imageset`, so its list
 * is built separately rather than shared.
 */
const COMMON_TYPES = [
  'main_frame',
  'sub_frame',
  'xmlhttprequest',
  'script',
  'stylesheet',
  'image',
  'font',
  'media',
  'other',
] as const;

export type BrowserFamily = 'chrome' | 'firefox';

/** Resource types to listen to in `browser`'s webRequest filter. */
export function getRequestTypes(browser: BrowserFamily): string[] {
  return browser === 'firefox' ? [...COMMON_TYPES, 'imageset'] : [...COMMON_TYPES];
}
