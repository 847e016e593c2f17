// Every record the panel does not show is counted, and each cause has its own toolbar
// notice: the content script's buffer cap, and records the content script rejected.
import { expect, test } from './support/fixtures';
import { testPage, waitForReceived } from './support/pages';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';

/** Every notice shown, as testid -> count. */
const notices = (panel: PanelView): Promise<Record<string, number>> =>
  panel.devtools.evaluate(`Object.fromEntries([...document.querySelectorAll('.toolbar .notice')]
    .map((e) => [e.dataset.testid, Number(e.dataset.count)]))`);

test('frames evicted from the page buffer before the panel opened get their own notice', async ({
  ext,
  server,
  openPanel,
}) => {
  const page = await ext.context.newPage();
  // 2,000 frames more than the content script keeps for a panel that opens later.
  await page.goto(testPage(server.origin, ['/sse/fast?count=52000&size=20&key=ev']));
  await waitForReceived(page, 52_000);
  const panel = await openPanel(page);
  await panel.waitForConnections('the stream', (r) => r[0]?.frames === 50_000, 30_000);
  const shown = await waitUntil(
    'the eviction notice',
    () => notices(panel),
    (n) => n['notice-evicted-source'] !== undefined,
  );
  expect(shown).toEqual({ 'notice-evicted-source': 2000 });
  const text = await panel.devtools.evaluate<string>(
    `document.querySelector('[data-testid=notice-evicted-source]').textContent`,
  );
  expect(text).toBe("2,000 evicted from the page's buffer");
});

test('malformed records and records of another protocol version are rejected and counted', async ({
  ext,
  server,
  openPanel,
}) => {
  // Ordinary page scripts never see the private port (robustness.spec.ts): this one runs
  // before the page hook, as DevTools' or another extension's injected code can, and writes
  // into the port it sees handed over.
  await ext.context.addInitScript(() => {
    let written = false;
    addEventListener(
      'message',
      (e) => {
        const port = e.ports[0];
        const data = e.data as { source?: unknown } | null;
        if (written || data?.source !== 'sse-lens/handshake' || !port) return;
        written = true;
        const t = performance.now();
        port.postMessage({
          v: 1,
          type: 'records',
          dropped: 0,
          records: [
            { kind: 'connection', conn: 'x', t },
            [7, t, 'message', { not: 'a string' }, '', ''],
          ],
        });
        port.postMessage({
          v: 999,
          type: 'records',
          dropped: 0,
          records: [[7, t, 'm', 'd', '', '']],
        });
      },
      true,
    );
  });
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, ['/sse/counter?count=3&interval=10&key=rj']));
  await waitForReceived(page, 3);
  const panel = await openPanel(page);
  await panel.waitForFrameCount(3);
  const shown = await waitUntil(
    'the rejection notices',
    () => notices(panel),
    (n) => n['notice-malformed'] !== undefined && n['notice-stale-hook'] !== undefined,
  );
  expect(shown).toEqual({ 'notice-malformed': 2, 'notice-stale-hook': 1 });
  const [row] = await panel.connections();
  expect(row).toMatchObject({ frames: 3, state: 'open' });
  const staleText = await panel.devtools.evaluate<string>(
    `document.querySelector('[data-testid=notice-stale-hook]').textContent`,
  );
  expect(staleText).toMatch(/reload the page/);
});
