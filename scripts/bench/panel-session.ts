// A fresh Chromium with SSE Lens, a blank page of the scenario server and DevTools open on
// the SSE panel, for one panel phase; phases open their streams from page script.
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../test/e2e/support/chromium';
import { openDevToolsPanel, type DevToolsPanel } from '../../test/e2e/support/devtools-panel';
import { withTimeout, type Cleanup } from './time-limit';

/** A stable DevTools window size; precise `performance.memory` and `gc()` for the heap figure. */
const PANEL_ARGS = [
  '--window-size=1400,900',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

export interface PanelSession {
  page: Page;
  panel: DevToolsPanel;
}

export async function withPanelSession<T>(
  origin: string,
  cleanup: Cleanup,
  run: (session: PanelSession) => Promise<T>,
): Promise<T> {
  const ext = await launchWithExtension({ undockedDevTools: true, extraArgs: PANEL_ARGS });
  const close = cleanup.add(() => ext.close());
  try {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/blank`);
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    const panel = await withTimeout(
      openDevToolsPanel(browser, page, ext.extensionId),
      30_000,
      'opening DevTools on the SSE panel',
    );
    return await run({ page, panel });
  } finally {
    await close();
  }
}
