import type { ResourceType } from '../utils/observe/types';

/** Everyday names for webRequest resource types, as the popup shows them. */
export const RESOURCE_WORDS: Readonly<Record<ResourceType, string>> = {
  main_frame: 'Page',
  sub_frame: 'Embedded frame',
  xmlhttprequest: 'Data request',
  script: 'Script',
  stylesheet: 'Stylesheet',
  image: 'Image',
  font: 'Font',
  media: 'Audio or video',
  other: 'Resource',
};
