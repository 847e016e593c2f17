// URLs of the scenario server's test page, and reads of what the page's own handlers got.
import type { Page } from '@playwright/test';

export interface Received {
  url: string;
  type: string;
  data: string;
  lastEventId: string;
}

export { testPage } from '../../support/panel-scenarios';

export async function waitForReceived(page: Page, n: number): Promise<Received[]> {
  await page.waitForFunction((count) => window.__received.length >= count, n);
  return page.evaluate(() => window.__received);
}

declare global {
  interface Window {
    __received: Received[];
    __sources: EventSource[];
    __errors: Record<string, number>;
  }
}
