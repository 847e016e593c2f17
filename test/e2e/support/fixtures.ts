// Playwright fixtures: one scenario server per worker, a fresh Chromium with the extension
// per test, and a helper that opens DevTools on a page with the SSE panel selected.
import { test as base, type Page } from '@playwright/test';
import { startScenarioServer, type ScenarioServer } from '../../fixtures/scenario-server';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { openDevToolsPanel } from './devtools-panel';
import { testPage } from './pages';
import { PanelView } from './panel-view';

export interface Fixtures {
  /** Extra Chromium flags for this file's browsers (`test.use({ chromiumArgs: [...] })`). */
  chromiumArgs: string[];
  ext: ExtensionBrowser;
  /** Opens DevTools on `page` and selects the SSE panel. */
  openPanel: (page: Page) => Promise<PanelView>;
  /** A new tab on the server's blank page, with DevTools open on the SSE panel. */
  blankPanel: () => Promise<{ page: Page; panel: PanelView }>;
  /**
   * A new tab with DevTools already open on the SSE panel, then navigated to the test page
   * opening `streams` (paths on the scenario server) and listening to `listen`.
   */
  watch: (streams: string[], listen?: string[]) => Promise<{ page: Page; panel: PanelView }>;
}

export const test = base.extend<Fixtures, { server: ScenarioServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const server = await startScenarioServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  chromiumArgs: [[], { option: true }],
  ext: async ({ chromiumArgs }, use) => {
    const ext = await launchWithExtension({ extraArgs: chromiumArgs });
    await use(ext);
    await ext.close();
  },
  openPanel: async ({ ext }, use) => {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    await use(
      async (page) => new PanelView(await openDevToolsPanel(browser, page, ext.extensionId)),
    );
  },
  blankPanel: async ({ ext, server, openPanel }, use) => {
    await use(async () => {
      const page = await ext.context.newPage();
      await page.goto(`${server.origin}/blank`);
      return { page, panel: await openPanel(page) };
    });
  },
  watch: async ({ server, blankPanel }, use) => {
    await use(async (streams, listen = []) => {
      const { page, panel } = await blankPanel();
      await page.goto(testPage(server.origin, streams, listen));
      return { page, panel };
    });
  },
});

export { expect } from '@playwright/test';
