// URLs of the scenario server's test page, and reads of what the page's own handlers got.
import type { Page } from '@playwright/test';

export interface Received {
  url: string;
  type: string;
  data: string;
  lastEventId: string;
}

/** `/page` opening each stream (paths relative to the server) and listening to `listen`. */
export function testPage(origin: string, streams: string[], listen: string[] = []): string {
  const q = new URLSearchParams();
  for (const s of streams) q.append('open', s);
  if (listen.length > 0) q.set('listen', listen.join(','));
  return `${origin}/page?${q.toString()}`;
}

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
