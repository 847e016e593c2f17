// Runs the scenario server's /sse/flood in a page and measures it there: events the page's own
// handler received, the long tasks the page's main thread ran (a PerformanceObserver started
// before the stream opens), and how long the page took from opening the stream to its last event.
import type { Page } from '@playwright/test';

export interface FloodResult {
  /** `message` events the page's handler received. */
  received: number;
  /** What the server reports it sent and how long it took (its `flood-done` event). */
  server: { sent: number; ms: number };
  /** Duration of every long task the page ran, in ms. */
  longTasks: number[];
  /** From creating the EventSource to the `flood-done` event, in ms. */
  pageMs: number;
}

interface FloodProgress {
  received: number;
  startedAt: number;
  endedAt: number;
  server: FloodResult['server'] | null;
  longTasks: number[];
}

declare global {
  interface Window {
    __flood: FloodProgress;
  }
}

/** Opens the flood at `url` in `page`, long-task observer first; resolves at once. */
export function startFlood(page: Page, url: string): Promise<void> {
  return page.evaluate((streamUrl) => {
    const flood: FloodProgress = {
      received: 0,
      startedAt: performance.now(),
      endedAt: 0,
      server: null,
      longTasks: [],
    };
    window.__flood = flood;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) flood.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    const source = new EventSource(streamUrl);
    source.onmessage = () => {
      flood.received += 1;
    };
    source.addEventListener('flood-done', (e) => {
      flood.endedAt = performance.now();
      flood.server = JSON.parse((e as MessageEvent<string>).data) as FloodResult['server'];
    });
  }, url);
}

/** Waits for the page to have received the whole flood and returns its measurements. */
export async function floodResult(page: Page, timeoutMs: number): Promise<FloodResult> {
  await page.waitForFunction(() => window.__flood.server !== null, null, { timeout: timeoutMs });
  const f = await page.evaluate(() => window.__flood);
  if (f.server === null) throw new Error('the flood did not finish');
  return {
    received: f.received,
    server: f.server,
    longTasks: f.longTasks,
    pageMs: Math.round(f.endedAt - f.startedAt),
  };
}

export const longest = (r: FloodResult): number => Math.round(Math.max(0, ...r.longTasks));
