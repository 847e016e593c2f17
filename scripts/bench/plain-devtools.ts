// Opens Chromium's own DevTools on a page of the arm without the extension, so that arm pays
// what DevTools itself costs (it records EventSource messages too) and only SSE Lens differs.
// Both arms wait for DevTools to finish loading, then let it settle, so its start-up work
// never overlaps the measured stream in one arm only.
import type { Browser, Page } from '@playwright/test';
import { openDevTools } from '../../test/e2e/support/devtools-panel';

/** After DevTools (and the SSE panel) loaded: its remaining start-up work settles. */
export const DEVTOOLS_SETTLE_MS = 1_000;

export async function openPlainDevTools(browser: Browser, page: Page): Promise<void> {
  await openDevTools(browser, page);
}
