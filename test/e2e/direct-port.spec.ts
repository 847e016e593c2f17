// The panel takes records straight from the page's content scripts over ports it opens with
// tabs.connect: the service worker relays none of them, yet still hears every document's
// hello and its live streams (for the connection budget).
import { CONTENT_PORT } from '../../src/protocol/constants';
import { expect, test } from './support/fixtures';

type Seen = Record<string, number>;

test('records reach the panel over direct ports, not through the service worker', async ({
  ext,
  watch,
}) => {
  const sw = await ext.serviceWorker();
  // Count, by port name and message type, what content scripts send the worker from now on.
  await sw.evaluate(() => {
    const seen: Record<string, number> = {};
    (globalThis as { __seen?: Record<string, number> }).__seen = seen;
    chrome.runtime.onConnect.addListener((port) => {
      port.onMessage.addListener((m: { type?: string }) => {
        const key = `${port.name} ${String(m.type)}`;
        seen[key] = (seen[key] ?? 0) + 1;
      });
    });
  });
  const { panel } = await watch(['/sse/counter?count=20&interval=10&key=direct']);
  await panel.waitForFrameCount(20);
  const seen = await sw.evaluate(() => (globalThis as { __seen?: Seen }).__seen ?? {});
  expect(seen[`${CONTENT_PORT} hello`]).toBeGreaterThanOrEqual(1);
  expect(seen[`${CONTENT_PORT} snapshot`]).toBeGreaterThanOrEqual(1);
  expect(seen[`${CONTENT_PORT} records`]).toBeUndefined();
});
