import type { ResourceType } from './types';

/**
 * The webRequest resource types that can break a page, in Chrome's spelling: the one list the
 * request filter, the LoadEvent schema and the tests share. Same members as the ResourceType union.
 */
export const RESOURCE_TYPES = [
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

/**
 * webRequest `type` (Chrome or Firefox spelling) → our ResourceType, or null for types we do not
 * observe. Layout: one row per browser type name; a null row is a deliberate drop.
 * Dropped: fire-and-forget telemetry (`beacon`, `ping`, `csp_report`) whose failures say nothing
 * about the page, and Firefox `speculative` connections, which are not loads at all.
 */
const BROWSER_TYPES: Readonly<Record<string, ResourceType | null>> = {
  main_frame: 'main_frame',
  sub_frame: 'sub_frame',
  xmlhttprequest: 'xmlhttprequest',
  script: 'script',
  stylesheet: 'stylesheet',
  image: 'image',
  imageset: 'image',
  font: 'font',
  media: 'media',
  object: 'other',
  object_subrequest: 'other',
  websocket: 'other',
  webbundle: 'other',
  web_manifest: 'other',
  xml_dtd: 'other',
  xslt: 'other',
  json: 'other',
  other: 'other',
  beacon: null,
  ping: null,
  csp_report: null,
  speculative: null,
};

export function toResourceType(type: string): ResourceType | null {
  if (typeof type !== 'string' || !Object.hasOwn(BROWSER_TYPES, type)) return null;
  return BROWSER_TYPES[type] ?? null;
}
