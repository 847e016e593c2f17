// Launches headless Firefox ESR through puppeteer-core (WebDriver BiDi) in a throwaway
// profile. One place decides the binary (FIREFOX_PATH, else Debian's firefox-esr) and fails
// with a clear message when it or the extension to install is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const DEFAULT_FIREFOX = '/usr/lib/firefox-esr/firefox-esr';

export interface Firefox {
  browser: Browser;
  /** Installs an unpacked extension as a temporary add-on; resolves to its id. */
  install(extensionDir: string): Promise<string>;
  close(): Promise<void>;
}

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? DEFAULT_FIREFOX;
  if (!existsSync(path)) {
    throw new Error(
      `No Firefox at ${path}. Install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return path;
}

/** `prefs`: Firefox preferences for this profile (e.g. to grant optional permissions silently). */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Firefox> {
  const executablePath = firefoxPath();
  const profile = mkdtempSync(join(tmpdir(), 'sse-lens-firefox-'));
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: prefs,
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  return {
    browser,
    install(extensionDir) {
      if (!existsSync(join(extensionDir, 'manifest.json'))) {
        throw new Error(`No extension in ${extensionDir}: run \`npm run build\` first.`);
      }
      return browser.installExtension(extensionDir);
    },
    async close() {
      try {
        await browser.close();
      } finally {
        removeProfile();
      }
    },
  };
}
