// Faults in real Chromium, read from the real panel: sockets killed mid-event, the network
// failing during reconnects, a tab closed while streaming, bfcache, DevTools undocked, closed
// and reopened, and the service worker stopped in the middle of a flood.
import type { Page } from '@playwright/test';
import { launchWithExtension, stopServiceWorker } from './support/chromium';
import { openDevToolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { startFlood, floodResult } from './support/flood-page';
import { testPage, waitForReceived } from './support/pages';
import { PanelView } from './support/panel-view';

const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** The timeline's reconnect notes ("<lane>: Reconnect: retry: … · observed … · Last-Event-ID …"). */
function reconnectNotes(panel: PanelView): Promise<string[]> {
  return panel.devtools.evaluate(
    `[...document.querySelectorAll('[data-testid=timeline-notes] li')]
      .map((li) => li.textContent).filter((t) => t.includes('Reconnect'))`,
  );
}

function errorsOf(page: Page): Promise<number> {
  return page.evaluate(() => Object.values(window.__errors).reduce((a, b) => a + b, 0));
}

test('a socket killed mid-event: the partial event is never shown; the reconnect is a retry with Last-Event-ID', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch(['/sse/cut?count=3&retry=100&key=cut']);
  const received = await waitForReceived(page, 6);
  expect(received.map((r) => r.data)).toEqual(ids(1, 6).map((n) => `ok ${n}`));
  const requests = server.stats().requests.filter((r) => r.path === '/sse/cut');
  expect(requests.map((r) => r.lastEventId)).toEqual([null, '3']);

  const [row] = await panel.waitForConnections(
    'six frames after one retry',
    (r) => r.length === 1 && r[0]?.frames === 6 && r[0].retries === 1 && r[0].state === 'open',
  );
  expect(row?.frames).toBe(6);
  const frames = await panel.frames();
  expect(frames.map((f) => f.eventId)).toEqual(ids(1, 6));
  expect(frames.some((f) => f.text.includes('PARTIAL'))).toBe(false);
  const notes = await reconnectNotes(panel);
  expect(notes).toHaveLength(1);
  // `retry:` lines reach no page script, so without deep capture the server's value is unknown.
  expect(notes[0]).toMatch(/: Reconnect: retry: unknown · observed \d+ ms · Last-Event-ID 3$/);
  expect(await page.evaluate(() => window.__received.length)).toBe(6);
});

test('the network failing during reconnects: every attempt and retry is shown, Last-Event-ID carried', async ({
  server,
  watch,
}) => {
  const fail = 3;
  const { page, panel } = await watch([`/sse/flaky?fail=${fail}&count=2&retry=100&key=flaky`]);
  const received = await waitForReceived(page, 4);
  expect(received.map((r) => r.data)).toEqual(ids(1, 4));
  const requests = server.stats().requests.filter((r) => r.path === '/sse/flaky');
  // The first connection, `fail` refused attempts, and the one that got through.
  expect(requests.map((r) => r.lastEventId)).toEqual([null, ...Array<string>(fail + 1).fill('2')]);
  // One error event for the lost socket and one for each failed attempt.
  const errors = await errorsOf(page);
  expect(errors).toBe(fail + 1);

  const [row] = await panel.waitForConnections(
    'four frames, open again',
    (r) => r.length === 1 && r[0]?.frames === 4 && r[0].state === 'open',
  );
  expect(row?.retries).toBe(errors);
  const notes = await reconnectNotes(panel);
  expect(notes).toHaveLength(errors);
  for (const note of notes) expect(note).toMatch(/observed \d+ ms · Last-Event-ID 2$/);
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(ids(1, 4));
});

test('a tab closed while streaming frees its budget; the other tab and its panel carry on', async ({
  ext,
  server,
  watch,
}) => {
  const { page, panel } = await watch(['/sse/counter?count=1000&interval=20&key=stay']);
  const other = await ext.context.newPage();
  await other.goto(
    testPage(server.origin, [
      '/sse/counter?count=1000&interval=5&key=gone-1',
      '/sse/counter?count=1000&interval=5&key=gone-2',
    ]),
  );
  await waitForReceived(other, 20);
  await panel.waitForPools('both tabs in one pool', (p) => p[0]?.open === 3);
  await other.close();
  await panel.waitForPools('the closed tab slots freed', (p) => p[0]?.open === 1);
  await expect.poll(() => server.stats().openStreams).toBe(1);
  const before = (await panel.connections())[0]?.frames ?? 0;
  await panel.waitForConnections(
    'frames still arriving in the other tab',
    (r) => r.length === 1 && (r[0]?.frames ?? 0) >= before + 10 && r[0]?.state === 'open',
  );
  const seen = await page.evaluate(() => window.__received.length);
  await panel.waitForConnections('the panel to catch up', (r) => (r[0]?.frames ?? 0) >= seen);
  const sw = await ext.serviceWorker();
  expect(await sw.evaluate(() => 1 + 1)).toBe(2);
});

test('DevTools undocked, closed and reopened shows everything captured meanwhile', async ({
  server,
}) => {
  const ext = await launchWithExtension({ undockedDevTools: true });
  try {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    const open = async (page: Page): Promise<PanelView> =>
      new PanelView(await openDevToolsPanel(browser, page, ext.extensionId));
    const page = await ext.context.newPage();
    await page.goto(testPage(server.origin, ['/sse/counter?count=40&interval=50&key=undock']));
    const first = await open(page);
    const dock = `import('./ui/legacy/legacy.js').then((L) =>
      L.DockController.DockController.instance().dockSide())`;
    expect(await first.devtools.evaluateInDevTools<string>(dock)).toBe('undocked');
    await first.waitForConnections('some frames', (r) => (r[0]?.frames ?? 0) >= 2);
    await first.devtools.close();
    const meanwhile = (await waitForReceived(page, 20)).length;
    const second = await open(page);
    expect(await second.devtools.evaluateInDevTools<string>(dock)).toBe('undocked');
    await second.waitForConnections(
      'what was captured while DevTools was closed',
      (r) => (r[0]?.frames ?? 0) >= meanwhile,
    );
    await waitForReceived(page, 40);
    await second.waitForFrameCount(40);
    expect((await second.frames()).map((f) => f.eventId)).toEqual(ids(1, 40));
  } finally {
    await ext.close();
  }
});

test('the service worker stopped mid-flood loses no frame', async ({ ext, server, blankPanel }) => {
  test.setTimeout(120_000);
  const { page, panel } = await blankPanel();
  await startFlood(page, '/sse/flood?rate=10000&seconds=3&key=sw-flood');
  await panel.waitForConnections('the flood under way', (r) => (r[0]?.frames ?? 0) >= 1000, 60_000);
  await stopServiceWorker(ext);
  const flood = await floodResult(page, 90_000);
  const sent = server.stats().eventsSent['sw-flood'] ?? 0;
  expect(flood.received + 1).toBe(sent);
  await panel.waitForFrameCount(sent, 60_000);
  const [row] = await panel.connections();
  expect(row?.frames).toBe(sent);
  expect(
    await panel.devtools.evaluate<string>(`document.querySelector('.toolbar').textContent`),
  ).not.toMatch(/evicted|lost|not recorded/);
});

test('bfcache: streams closed on pagehide show closed, the restored page is captured again', async ({
  server,
}) => {
  // Playwright turns the back/forward cache off; the scenario server's pages are `no-store`,
  // which also keeps a page out of it, so this test serves the page cacheable.
  const ext = await launchWithExtension({ backForwardCache: true });
  try {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/blank`);
    const panel = new PanelView(await openDevToolsPanel(browser, page, ext.extensionId));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.enable');
    const notRestored: unknown[] = [];
    cdp.on('Page.backForwardCacheNotUsed', (e) => notRestored.push(e.notRestoredExplanations));
    await page.route('**/page?*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'cache-control': 'max-age=0' };
      await route.fulfill({ response, headers });
    });
    await panel.click('preserve-log');
    const stream = '/sse/counter?count=1000&interval=50&key=bf';
    await page.goto(testPage(server.origin, [stream]));
    await waitForReceived(page, 3);
    // What a well-behaved page does: close streams on pagehide (an open EventSource keeps a page
    // out of the cache), open a fresh one when shown again from it.
    await page.evaluate(() => {
      addEventListener('pagehide', () => window.__sources[0]?.close());
      addEventListener('pageshow', (e) => {
        if (!e.persisted) return;
        window.__restored = true;
        new EventSource('/sse/counter?count=1000&interval=50&key=bf-again').onmessage = () => {};
      });
    });
    await page.goto(`${server.origin}/blank`);
    await expect.poll(() => server.stats().streamsByPath['/sse/counter'] ?? 0).toBe(0);
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(() => window.__restored === true);
    expect(notRestored).toEqual([]);
    // Closed on pagehide: what the page received before it left is all it will ever get.
    const before = await page.evaluate(() => window.__received.length);

    const rows = await panel.waitForConnections(
      'the closed stream and the one opened on pageshow',
      (r) => r.length === 2 && (r[1]?.frames ?? 0) >= 2,
    );
    expect(rows[0]).toMatchObject({ url: `${server.origin}${stream}`, state: 'closed' });
    expect(rows[0]?.frames).toBe(before);
    expect(rows[1]).toMatchObject({ state: 'open' });
  } finally {
    await ext.close();
  }
});

declare global {
  interface Window {
    /** Set by the bfcache test's pageshow handler when the page came back from the cache. */
    __restored?: boolean;
  }
}
