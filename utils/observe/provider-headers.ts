/**
 * Which response headers we keep: only those that tell which provider served a response
 * (fingerprints.md §2). Everything else is dropped before storage, so cookies, auth challenges and
 * application data never reach IndexedDB.
 *
 * Layout: `PROVIDER_HEADER_NAMES` is a set of exact lower-case names, `PROVIDER_HEADER_PREFIXES` a
 * list of lower-case name prefixes; `SECRET_NAME` is checked first and always wins.
 */
const PROVIDER_HEADER_NAMES: ReadonlySet<string> = new Set([
  'server',
  'via',
  'x-powered-by',
  'powered-by',
  'cache-status',
  'x-cache',
  'x-cache-hits',
  'x-served-by',
  'x-timer',
  'x-check-cacheable',
  'cf-ray',
  'cf-cache-status',
  'x-amz-cf-pop',
  'x-amz-cf-id',
  'x-amz-apigw-id',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amz-bucket-region',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-amzn-errortype',
  'fastly-debug-digest',
  'akamai-grn',
  'akamai-cache-status',
  'x-azure-ref',
  'x-msedge-ref',
  'x-fd-int-roxy-purgeid',
  'x-ms-request-id',
  'x-ms-version',
  'x-ec-debug',
  'x-cloud-trace-context',
  'x-guploader-uploadid',
  'fly-request-id',
  'x-render-origin-server',
  'x-do-app-origin',
  'x-do-orig-status',
  'opc-request-id',
  'x-77-pop',
  'x-id',
  'x-id-fe',
  'cdn-pullzone',
  'cdn-requestid',
  'cdn-cache',
  'cdn-status',
  'cdn-edgestorageid',
  'x-shopid',
  'x-shardid',
  'wpe-backend',
  'x-pass-why',
  'x-wix-request-id',
  'x-kinsta-cache',
  'x-pantheon-styx-hostname',
]);

const PROVIDER_HEADER_PREFIXES: readonly string[] = [
  'x-goog-',
  'x-akamai-',
  'x-vercel-',
  'x-nf-',
  'x-fastly-',
  'x-github-',
  'x-railway-',
  'x-heroku-',
  'x-0-',
  'x-sorting-hat-',
  'x-shopify-',
];

/** Names that may carry credentials or personal data, whatever else they match. */
const SECRET_NAME = /cookie|auth|token|secret|session|csrf|xsrf|password|credential|signature|api-?key/;

/** Longest value kept; provider ids and POP codes are far shorter. */
export const MAX_HEADER_VALUE_LENGTH = 256;
/** Most headers kept from one response. */
export const MAX_PROVIDER_HEADERS = 32;

export type HeaderInput = Record<string, unknown> | ReadonlyArray<{ name?: unknown; value?: unknown }>;

export function isProviderHeader(name: string): boolean {
  if (SECRET_NAME.test(name)) return false;
  return (
    PROVIDER_HEADER_NAMES.has(name) || PROVIDER_HEADER_PREFIXES.some((prefix) => name.startsWith(prefix))
  );
}

/**
 * Keeps the provider-relevant headers, names lower-cased, values trimmed and truncated.
 * Accepts a name→value record or the browser's `[{name, value}]` list; non-string values are dropped.
 * Returns undefined when nothing is kept.
 */
export function pickProviderHeaders(
  headers: HeaderInput | undefined | null,
): Record<string, string> | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const entries: Array<[unknown, unknown]> = Array.isArray(headers)
    ? headers.map((header) => [header?.name, header?.value])
    : Object.entries(headers);
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [rawName, rawValue] of entries) {
    if (typeof rawName !== 'string' || typeof rawValue !== 'string') continue;
    const name = rawName.trim().toLowerCase();
    if (!isProviderHeader(name) || Object.hasOwn(kept, name)) continue;
    kept[name] = rawValue.trim().slice(0, MAX_HEADER_VALUE_LENGTH);
    count += 1;
    if (count >= MAX_PROVIDER_HEADERS) break;
  }
  return count > 0 ? kept : undefined;
}
