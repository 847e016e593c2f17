// Opens Chromium's own DevTools on a page of the arm without the extension, so that arm pays
// what DevTools itself costs (it records EventSource messages too) and only SSE Lens differs.
import type { Browser, Page } from '@playwright/test';
import { waitUntil } from '../../test/e2e/support/wait-until';

export async function openPlainDevTools(browser: Browser, page: Page): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  const pageCdp = await page.context().newCDPSession(page);
  const { targetInfo } = await pageCdp.send('Target.getTargetInfo');
  await cdp.send('Target.openDevTools', { targetId: targetInfo.targetId });
  await waitUntil(
    'DevTools to open',
    async () => (await cdp.send('Target.getTargets')).targetInfos,
    (targets) => targets.some((t) => t.url.startsWith('devtools://')),
  );
}
