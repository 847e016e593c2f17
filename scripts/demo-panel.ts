// What the README's screenshots start from: a fresh Chromium with the built extension, DevTools
// undocked (so the panel is as wide as its window) and open on the SSE panel, on the demo page
// with its scenarios streaming. The caller closes `ext`.
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/support/chromium';
import { openDevToolsPanel, type DevToolsPanel } from '../test/e2e/support/devtools-panel';

export interface DemoPanel {
  ext: ExtensionBrowser;
  page: Page;
  panel: DevToolsPanel;
}

export async function openDemoPanel(origin: string, extraArgs: string[] = []): Promise<DemoPanel> {
  const ext = await launchWithExtension({
    undockedDevTools: true,
    extraArgs: ['--window-size=1400,900', ...extraArgs],
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/blank`);
    const browser = ext.context.browser();
    if (!browser) throw new Error('no browser object for CDP');
    const panel = await openDevToolsPanel(browser, page, ext.extensionId);
    await page.goto(`${origin}/?auto=1`);
    await panel.waitFor<boolean>(
      `document.querySelectorAll('[data-testid=connection-row]').length >= 7`,
      'the demo scenarios to stream',
      30_000,
    );
    return { ext, page, panel };
  } catch (error) {
    await ext.close();
    throw error;
  }
}
