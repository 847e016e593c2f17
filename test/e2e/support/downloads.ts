// Makes Chromium save downloads (the panel's exports) into a folder of our choosing, under
// the names the export dialog gives them. Playwright otherwise keeps downloads in its own
// temporary folder under GUID names and deletes them when the browser closes.
import { mkdirSync } from 'node:fs';
import type { Browser } from '@playwright/test';

/**
 * From now on, until the browser closes, downloads go to `dir`. Chromium forgets the setting
 * when the CDP session that made it detaches, so the session is left open.
 */
export async function saveDownloadsTo(browser: Browser, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}
