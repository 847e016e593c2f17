// DevTools in both arms of a with/without comparison: on the SSE panel with the extension, on
// Chromium's own default panel without it (DevTools records EventSource messages itself, so
// that arm pays what DevTools costs and only SSE Lens differs). Both wait for DevTools to load,
// then let it settle, so its start-up work never overlaps the measured stream in one arm only.
import type { Page } from '@playwright/test';
import {
  openDevTools,
  openDevToolsPanel,
  type DevToolsPanel,
} from '../../test/e2e/support/devtools-panel';
import type { Arm, Arms } from './arms';

/** After DevTools (and the SSE panel) loaded: its remaining start-up work settles. */
export const DEVTOOLS_SETTLE_MS = 1_000;

/** Opens DevTools on `page` in `arm`; the SSE panel's handle in the extension arm, else null. */
export async function openArmDevTools(
  { ext, plain }: Arms,
  arm: Arm,
  page: Page,
): Promise<DevToolsPanel | null> {
  let panel: DevToolsPanel | null = null;
  if (arm === 'plain') {
    await openDevTools(plain, page);
  } else {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    panel = await openDevToolsPanel(browser, page, ext.extensionId);
  }
  await page.waitForTimeout(DEVTOOLS_SETTLE_MS);
  return panel;
}
