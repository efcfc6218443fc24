import { HOST_NAMES } from '../../e2e-shared/fault-servers';

/**
 * Names Firefox maps to 127.0.0.1. `network.dns.localDomains` takes exact names only, so the
 * Chromium list's wildcards are dropped and the sub-domains the fault pages use are listed.
 */
export const FIREFOX_HOST_NAMES = [
  ...HOST_NAMES.filter((name) => !name.includes('*')),
  'www.shop.test',
  'api.shop.test',
  'img.shop.test',
];

/**
 * Preferences of the test profile (toolchain-firefox.md, recipe): the RDP server, the fake names,
 * and DNS over HTTPS only, through a resolver that is not there, so every other name fails with
 * NS_ERROR_UNKNOWN_HOST and none reaches the system resolver or the internet.
 */
export function getFirefoxPrefs(addonId: string, addonUuid: string): Record<string, unknown> {
  return {
    // A fixed moz-extension://UUID/ origin; read when the add-on is installed, so set before.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: addonUuid }),
    'devtools.debugger.remote-enabled': true,
    'devtools.chrome.enabled': true,
    'devtools.debugger.prompt-connection': false,
    'network.dns.localDomains': FIREFOX_HOST_NAMES.join(','),
    'network.trr.mode': 3,
    'network.trr.uri': 'https://127.0.0.1:9/dns-query',
    'network.proxy.type': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'browser.fixup.alternate.enabled': false,
    // The fault pages are plain HTTP on purpose; never upgrade them.
    'dom.security.https_only_mode': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
}
