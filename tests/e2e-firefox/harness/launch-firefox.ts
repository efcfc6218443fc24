import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { BrowserSession } from '../../e2e-shared/e2e-test';
import type { LaunchOptions } from '../../e2e-shared/run-suite';
import { setStoredSetting } from '../../e2e-shared/stored-setting';
import { attachBackgroundPage, type BackgroundPage } from './background-page';
import { getFirefoxPrefs } from './firefox-prefs';
import { getFreePort } from './free-port';
import { connectRdp, type RdpConnection } from './rdp-connection';

/** A headless firefox-esr with the built add-on installed and its background page reachable over RDP. */
export interface FirefoxSession extends BrowserSession<Page> {
  browser: Browser;
  /** The add-on's background page, reached over RDP. */
  extension: BackgroundPage;
  addonId: string;
  /** `moz-extension://UUID` of the add-on (fixed by a pref). */
  extensionOrigin: string;
}

const ADDON_UUID = '7e2b3c1a-0f4d-4e5a-9b6c-8d7e6f5a4b3c';

/** The gecko id of the built add-on, from its manifest (set in wxt.config.ts). */
export async function readAddonId(extensionDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`no gecko id in ${extensionDir}/manifest.json`);
  return id;
}

/** Launches with a temp HOME in `options.scratchDir` (Firefox writes ~/.cache, ~/.config there). */
export async function launchFirefox(options: LaunchOptions): Promise<FirefoxSession> {
  const addonId = await readAddonId(options.extensionDir);
  await mkdir(options.scratchDir, { recursive: true });
  const home = await mkdtemp(path.join(options.scratchDir, 'home-'));
  const rdpPort = await getFreePort();
  let browser: Browser | undefined;
  let rdp: RdpConnection | undefined;
  const close = async () => {
    rdp?.close();
    // Puppeteer removes its temporary profile on close.
    await browser?.close().catch(() => undefined);
    await rm(home, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      args: ['--start-debugger-server', String(rdpPort)],
      extraPrefsFirefox: getFirefoxPrefs(addonId, ADDON_UUID),
      env: { ...process.env, HOME: home, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    const installed = await browser.installExtension(path.resolve(options.extensionDir));
    if (installed !== addonId) throw new Error(`installed add-on ${installed}, expected ${addonId}`);
    rdp = await connectRdp(rdpPort);
    const extension = await attachBackgroundPage(rdp, addonId);
    if (options.probeUrls) await setStoredSetting(extension, 'probeUrls', options.probeUrls);
    const launched = browser;
    return {
      browser,
      extension,
      openPage: () => launched.newPage(),
      addonId,
      extensionOrigin: `moz-extension://${ADDON_UUID}`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
