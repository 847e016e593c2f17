/// <reference types="chrome" />
// Launches real Chromium with the built extension loaded, in a fresh profile. One place
// decides the browser path (CHROME_PATH, else Debian's Chromium) and fails with a clear
// message when neither exists or the build is missing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../dist/chrome');
const DEFAULT_CHROME = '/usr/lib/chromium/chromium';

export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? DEFAULT_CHROME;
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install it (apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  return path;
}

/** Flags that keep Chromium off the network and quiet on a machine with no internet. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // Tests read English unless they choose a language: not the machine's.
  '--lang=en-US',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  /** The tab id the extension sees for a page (the page is brought to front first). */
  tabIdOf: (page: Page) => Promise<number>;
  close: () => Promise<void>;
}

export async function launchWithExtension(
  options: {
    headless?: boolean;
    extraArgs?: string[];
    extensionDir?: string;
    /** Open DevTools in its own window instead of docked into the page's. */
    undockedDevTools?: boolean;
    /**
     * Keep Chromium's sandbox (Playwright turns it off by default). Chromium refuses to run
     * sandboxed as root, so callers keep it off there.
     */
    sandbox?: boolean;
    /** Keep Chromium's back/forward cache, which Playwright turns off by default. */
    backForwardCache?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'sse-lens-profile-'));
  if (options.undockedDevTools) {
    mkdirSync(join(profile, 'Default'));
    const prefs = { devtools: { preferences: { currentDockState: '"undocked"' } } };
    writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify(prefs));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    chromiumSandbox: options.sandbox ?? false,
    viewport: null,
    ignoreDefaultArgs: options.backForwardCache ? ['--disable-back-forward-cache'] : [],
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...QUIET_FLAGS,
      ...(options.extraArgs ?? []),
    ],
  });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async tabIdOf(page) {
      await page.bringToFront();
      const sw = await serviceWorker();
      return sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle, and waits
 * until a fresh worker runs (ports reconnecting wake it at once). A marker put on the old
 * worker's global scope tells the two apart.
 */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const browser = ext.context.browser();
  if (!browser) throw new Error('Chromium exposes no browser object for CDP');
  const sw = await ext.serviceWorker();
  await sw.evaluate(() => {
    (globalThis as { __beforeStop?: boolean }).__beforeStop = true;
  });
  const cdp = await browser.newBrowserCDPSession();
  const workerUrl = `chrome-extension://${ext.extensionId}/background.js`;
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url === workerUrl);
  if (!worker) throw new Error('the extension service worker is not running');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const current = await ext.serviceWorker();
    const fresh = await Promise.race([
      current
        .evaluate(() => !(globalThis as { __beforeStop?: boolean }).__beforeStop)
        // An old handle rejects once its worker is gone; the next round takes the new one.
        .catch(() => false),
      new Promise<false>((r) => setTimeout(() => r(false), 500)),
    ]);
    if (fresh) return;
    if (Date.now() > deadline) throw new Error('the service worker did not restart');
  }
}
