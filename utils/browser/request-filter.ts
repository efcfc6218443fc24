import { RESOURCE_TYPES } from '../observe/resource-type';

export type BrowserFamily = 'chrome' | 'firefox';

/**
 * Resource types to listen to in `browser`'s webRequest filter. Both browsers accept the nine types
 * that can break a page (RESOURCE_TYPES); Firefox also reports responsive images as `imageset`, a name
 * Chrome rejects, so only its list carries it.
 */
export function getRequestTypes(browser: BrowserFamily): string[] {
  return browser === 'firefox' ? [...RESOURCE_TYPES, 'imageset'] : [...RESOURCE_TYPES];
}
