// What every screenshot starts from: a fresh Chromium with the built extension (or another
// build of it), DevTools undocked (so the panel is as wide as its window) and open on the SSE
// panel for a blank page of the scenario server; for the README's, the demo page with its
// scenarios streaming. The caller closes `ext`.
import type { Browser, Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/support/chromium';
import { openDevToolsPanel, type DevToolsPanel } from '../test/e2e/support/devtools-panel';

export interface DemoPanel {
  ext: ExtensionBrowser;
  browser: Browser;
  page: Page;
  panel: DevToolsPanel;
}

/** The panel open for the server's blank page. */
export async function openBlankPanel(
  origin: string,
  options: { extraArgs?: string[]; extensionDir?: string } = {},
): Promise<DemoPanel> {
  const ext = await launchWithExtension({
    undockedDevTools: true,
    extensionDir: options.extensionDir,
    extraArgs: ['--window-size=1400,900', ...(options.extraArgs ?? [])],
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/blank`);
    const browser = ext.context.browser();
    if (!browser) throw new Error('no browser object for CDP');
    const panel = await openDevToolsPanel(browser, page, ext.extensionId);
    return { ext, browser, page, panel };
  } catch (error) {
    await ext.close();
    throw error;
  }
}

/** The panel on the demo page, its scenarios streaming. */
export async function openDemoPanel(origin: string, extraArgs: string[] = []): Promise<DemoPanel> {
  const demo = await openBlankPanel(origin, { extraArgs });
  const { ext, page, panel } = demo;
  try {
    await page.goto(`${origin}/?auto=1`);
    await panel.waitFor<boolean>(
      `document.querySelectorAll('[data-testid=connection-row]').length >= 7`,
      'the demo scenarios to stream',
      30_000,
    );
    return demo;
  } catch (error) {
    await ext.close();
    throw error;
  }
}
