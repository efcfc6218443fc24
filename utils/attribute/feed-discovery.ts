/**
 * Feeds whose address changes with every release: find today's address in the page that links it.
 * Azure Service Tags are published weekly as `ServiceTags_Public_YYYYMMDD.json` under
 * https://download.microsoft.com/download/..., linked from the Download Center page (details.aspx?id=56519),
 * whose HTML carries the address either as a link or inside an embedded JSON blob (escaped slashes).
 */

const AZURE_LINK =
  /https:(?:\/|\\\/){2}download\.microsoft\.com(?:\/|\\\/)download(?:(?:\/|\\\/)[0-9A-Za-z_-]+)+?(?:\/|\\\/)ServiceTags_Public_(\d{8})\.json/g;

/** The newest `ServiceTags_Public_YYYYMMDD.json` address in `html`, or null when the page has none. */
export function findAzureServiceTagsUrl(html: string): string | null {
  let best: { url: string; date: string } | null = null;
  for (const m of html.matchAll(AZURE_LINK)) {
    const url = m[0].replaceAll('\\/', '/');
    const date = m[1]!;
    if (best === null || date > best.date) best = { url, date };
  }
  return best?.url ?? null;
}
