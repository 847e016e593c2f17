/// <reference types="chrome" />
// Deep capture (chrome.debugger on the inspected tab), end to end in real Chromium: the switch
// turns on without a prompt when the permission is granted, every EventSource event (also one
// no page listener gets), comments and `retry:` appear, a frame seen both ways is one row,
// turning off detaches while the page hook carries on, and a service-worker restart
// re-attaches. The panel is opened as a tab (panel.html?tabId=N) so Playwright clicks it.
import { test as base, expect, type Page } from '@playwright/test';
import { startScenarioServer, type ScenarioServer } from '../fixtures/scenario-server';
import { launchWithExtension, stopServiceWorker, type ExtensionBrowser } from './support/chromium';
import { buildWithDeepCaptureGranted, type GrantedBuild } from './support/deep-capture-build';
import { openDevToolsPanel } from './support/devtools-panel';
import { PanelTab } from './export/panel-tab';
import { fetchPage } from './support/fetch-page';
import { testPage } from './support/pages';
import { waitUntil } from './support/wait-until';

interface Frame {
  type: string;
  eventId: string;
  kind: string;
  source: string;
  data: string;
}

const FRAMES = `[...document.querySelectorAll('[data-testid=frame-row]')].map((e) => ({
  type: e.dataset.type, eventId: e.dataset.eventId, kind: e.dataset.kind,
  source: e.dataset.source, data: e.querySelector('.col-data')?.textContent ?? '' }))`;

let build: GrantedBuild;
let server: ScenarioServer;

const test = base.extend<{ ext: ExtensionBrowser }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  ext: async ({}, use) => {
    const ext = await launchWithExtension({ extensionDir: build.dir });
    await use(ext);
    await ext.close();
  },
});

test.beforeAll(async () => {
  build = buildWithDeepCaptureGranted();
  server = await startScenarioServer();
});
test.afterAll(async () => {
  await server.close();
  build.remove();
});

/** A page on the server's blank page and the panel for its tab, opened as a tab of its own. */
async function watchTab(
  ext: ExtensionBrowser,
  start = `${server.origin}/blank`,
): Promise<{ page: Page; panel: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(start);
  const tabId = await ext.tabIdOf(page);
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/panel.html?tabId=${tabId}`);
  await panel.locator('[data-testid=frame-count]').waitFor();
  return { page, panel, tabId };
}

/** How many rows of the frames table show each source, scrolling it from top to bottom. */
async function rowSources(panel: Page): Promise<Record<string, number>> {
  // Animation frames, which the table renders in, run at full rate only in the front tab.
  await panel.bringToFront();
  return panel.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.frames-scroll');
    if (!scroller) return {};
    const rows = new Map<string, string>();
    // The table renders 40 rows (22 px each) beyond each edge of its view, so steps of 800 px
    // see every row even where the view itself is squeezed to nothing (as in this tab).
    const step = Math.max(scroller.clientHeight, 800);
    for (let top = 0; top < scroller.scrollHeight; top += step) {
      scroller.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const e of document.querySelectorAll<HTMLElement>('[data-testid=frame-row]')) {
        const key = `${e.dataset.connection} ${e.dataset.time} ${e.dataset.eventId} ${e.dataset.source}`;
        rows.set(key, e.dataset.source ?? '');
      }
    }
    const counts: Record<string, number> = {};
    for (const source of rows.values()) counts[source] = (counts[source] ?? 0) + 1;
    return counts;
  });
}

const toggle = (panel: Page) => panel.locator('[data-testid=deep-capture-toggle]');
const frames = (panel: Page): Promise<Frame[]> => panel.evaluate<Frame[]>(FRAMES);

/**
 * Whether the extension's own debugger session holds the tab: a command through it works only
 * then. (chrome.debugger.getTargets() says `attached` for any client, Playwright's included.)
 */
async function attached(ext: ExtensionBrowser, tabId: number): Promise<boolean> {
  const sw = await ext.serviceWorker();
  return sw.evaluate(
    (id) =>
      chrome.debugger.sendCommand({ tabId: id }, 'Runtime.evaluate', { expression: '1' }).then(
        () => true,
        () => false,
      ),
    tabId,
  );
}

async function turnOn(panel: Page): Promise<void> {
  await expect(toggle(panel)).toHaveAttribute('data-state', 'off');
  await toggle(panel).click();
  await expect(toggle(panel)).toHaveAttribute('data-state', 'on');
}

/**
 * The five frames of a `/sse/wire?retry=1234` stream, each dispatched one merged with its wire
 * twin, on the panel's one connection.
 */
async function expectWireStreamFrames(panel: Page): Promise<void> {
  // A dispatched event shows first as `page` and becomes `both` when its wire twin arrives.
  const rows = await waitUntil(
    'the stream’s five frames, each dispatched one merged with its wire twin',
    () => frames(panel),
    (f) => f.length >= 5 && f.every((r) => r.source !== 'page'),
  );
  expect(rows).toEqual([
    expect.objectContaining({ kind: 'retry', source: 'wire', data: '1234' }),
    expect.objectContaining({ kind: 'comment', source: 'wire', data: 'wire-check' }),
    expect.objectContaining({ kind: 'event', type: 'message', eventId: '1', source: 'both' }),
    expect.objectContaining({ kind: 'event', type: 'unlistened', eventId: '2', source: 'wire' }),
    expect.objectContaining({ kind: 'event', type: 'message', eventId: '3', source: 'both' }),
  ]);
  const connection = panel.locator('[data-testid=connection-row]');
  await expect(connection).toHaveAttribute('data-server-retry', '1234');
  await expect(connection).toHaveAttribute('data-frames', '5');
}

test('turns on without a prompt and shows unlistened events, comments and retry: once each', async ({
  ext,
}) => {
  const { page, panel, tabId } = await watchTab(ext);
  await expect(panel.locator('[data-testid=deep-capture-hint]')).toContainText('debugging');
  await turnOn(panel);
  expect(await attached(ext, tabId)).toBe(true);

  await page.goto(testPage(server.origin, ['/sse/wire?retry=1234&key=wire1']));
  await expectWireStreamFrames(panel);
  // The page itself got only the two unnamed events: the hook adds nothing of its own.
  expect(await page.evaluate(() => window.__received.map((r) => r.lastEventId))).toEqual([
    '1',
    '3',
  ]);
});

test('a redirected EventSource binds to its request: Chrome names the URL the page asked for', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  const to = encodeURIComponent('/sse/wire?retry=1234&key=wire-redirect');
  await page.goto(testPage(server.origin, [`/fetch/redirect?code=307&to=${to}`]));
  await expectWireStreamFrames(panel);
  await expect(panel.locator('[data-testid=connection-row]')).toHaveAttribute(
    'data-url',
    `${server.origin}/fetch/redirect?code=307&to=${to}`,
  );
});

test('turning off detaches the debugger and the page hook carries on', async ({ ext }) => {
  const { page, panel, tabId } = await watchTab(ext);
  await turnOn(panel);
  // From the keyboard: the switch is a button in the tab order.
  await toggle(panel).focus();
  await panel.keyboard.press('Space');
  await expect(toggle(panel)).toHaveAttribute('data-state', 'off');
  await expect(toggle(panel)).toHaveAttribute('aria-checked', 'false');
  await waitUntil(
    'the debugger detached',
    () => attached(ext, tabId),
    (a) => !a,
  );

  await page.goto(testPage(server.origin, ['/sse/wire?key=wire2']));
  const rows = await waitUntil(
    'the dispatched events',
    () => frames(panel),
    (f) => f.length >= 2,
  );
  expect(rows.map((f) => [f.eventId, f.source])).toEqual([
    ['1', 'page'],
    ['3', 'page'],
  ]);
});

test('a service-worker restart re-attaches the debugger', async ({ ext }) => {
  const { page, panel, tabId } = await watchTab(ext);
  await turnOn(panel);
  await stopServiceWorker(ext);
  await waitUntil(
    'the debugger attached again',
    () => attached(ext, tabId),
    (a) => a,
  );
  await expect(toggle(panel)).toHaveAttribute('data-state', 'on');

  await page.goto(testPage(server.origin, ['/sse/wire?key=wire3']));
  const rows = await waitUntil(
    'the wire frames',
    () => frames(panel),
    (f) => f.length >= 5,
  );
  expect(rows.filter((f) => f.type === 'unlistened')).toHaveLength(1);
});

test('a fetch stream read by the page is one frame per event, from both sources', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  await page.goto(
    fetchPage(server.origin, [{ mode: 'reader', url: '/fetch/sse?count=3&retry=2500' }]),
  );
  const rows = await waitUntil(
    'the fetch stream’s frames from both sources',
    () => frames(panel),
    (f) => f.length >= 5 && f.every((r) => r.source === 'both'),
  );
  // The hook reads the body as the page consumes it, Chrome as it arrives: same frames, once.
  expect(rows.map((f) => [f.kind, f.type, f.eventId])).toEqual([
    ['retry', '', ''],
    ['comment', '', ''],
    ['event', 'message', '1'],
    ['event', 'delta', '2'],
    ['event', 'message', '3'],
  ]);
  await expect(panel.locator('[data-testid=connection-row]')).toHaveAttribute(
    'data-server-retry',
    '2500',
  );
});

test('streams of a dedicated worker and a service worker are connections with their context', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  await page.evaluate(async () => {
    new Worker('/stream-worker.js?es=/sse/wire%3Fkey%3Dworker1&fetch=/sse/named%3Fcount%3D3');
    const registration = await navigator.serviceWorker.register('/stream-worker.js');
    await navigator.serviceWorker.ready;
    registration.active?.postMessage('fetch=/sse/named%3Fcount%3D4%26key%3Dsw1');
  });
  const CONNECTIONS = `[...document.querySelectorAll('[data-testid=connection-row]')].map((e) =>
    [e.dataset.context, e.dataset.kind, new URL(e.dataset.url).pathname, Number(e.dataset.frames)])`;
  const connections = await waitUntil(
    'the workers’ three streams with their frames',
    () => panel.evaluate<[string, string, string, number][]>(CONNECTIONS),
    (c) =>
      c.length === 3 &&
      c
        .filter(([context]) => context === 'worker')
        .every(([, kind, , n]) => (kind === 'eventsource' ? n >= 5 : n >= 3)) &&
      c.some(([context, , , n]) => context === 'serviceworker' && n >= 4),
  );
  expect(connections.map(([context, kind, path]) => [context, kind, path]).sort()).toEqual([
    ['serviceworker', 'fetch', '/sse/named'],
    ['worker', 'eventsource', '/sse/wire'],
    ['worker', 'fetch', '/sse/named'],
  ]);
  // No page listener exists for a worker's stream: every frame is from the wire, and the
  // worker's EventSource shows its comment, retry: and the event nobody listened to.
  await panel.locator('[data-testid=connection-row][data-kind=eventsource]').click();
  // The Connection tab names the worker that opened it, where a page's names its frame.
  await expect(panel.locator('[data-testid=connection-details]')).toContainText(
    /Opened by\s*the worker http:\/\/127\.0\.0\.1:\d+\/stream-worker\.js/,
  );
  const rows = await waitUntil(
    'the worker EventSource’s frames',
    () => frames(panel),
    (f) => f.length >= 5,
  );
  expect(rows.map((f) => [f.kind, f.type, f.eventId, f.source])).toEqual([
    ['retry', '', '', 'wire'],
    ['comment', '', '', 'wire'],
    ['event', 'message', '1', 'wire'],
    ['event', 'unlistened', '2', 'wire'],
    ['event', 'message', '3', 'wire'],
  ]);
  await expect(panel.locator('[data-testid=notice-wire-unmatched]')).toHaveCount(0);
});

test('a stream already open when deep capture starts is named, and a reload captures it whole', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await page.goto(testPage(server.origin, ['/sse/wire?key=before1']));
  await expect(panel.locator('[data-testid=connection-row]')).toHaveAttribute('data-frames', '2');
  await turnOn(panel);
  const missed = panel.locator('[data-testid=notice-wire-missed]');
  await expect(missed).toHaveAttribute('data-count', '1');
  await expect(missed).toContainText('reload');
  await page.reload();
  await expect(panel.locator('[data-testid=connection-row]')).toHaveAttribute('data-frames', '5');
  await expect(missed).toHaveCount(0);
});

test('a shared worker of the page’s origin is found and followed: its stream is a connection', async ({
  ext,
}) => {
  const { page, panel, tabId } = await watchTab(ext);
  await turnOn(panel);
  await page.evaluate(() => {
    const worker = new SharedWorker('/stream-worker.js');
    (window as unknown as { shared: SharedWorker }).shared = worker;
  });
  // Deep capture finds shared workers in the debugger's target list, which it looks at every
  // second: the stream is asked for once the extension's own session holds the worker (a
  // command through it works only then; other clients may be attached too).
  const sw = await ext.serviceWorker();
  await waitUntil(
    'the shared worker followed',
    () =>
      sw.evaluate(async () => {
        const target = (await chrome.debugger.getTargets()).find(
          (t) => t.type === 'worker' && t.url.endsWith('/stream-worker.js'),
        );
        if (!target) return false;
        return chrome.debugger
          .sendCommand({ targetId: target.id }, 'Runtime.evaluate', { expression: '1' })
          .then(
            () => true,
            () => false,
          );
      }),
    (followed) => followed,
  );
  expect(await attached(ext, tabId)).toBe(true);
  await page.evaluate(() =>
    (window as unknown as { shared: SharedWorker }).shared.port.postMessage(
      'es=/sse/wire%3Fkey%3Dshared2',
    ),
  );
  const row = panel.locator('[data-testid=connection-row][data-context=sharedworker]');
  await expect(row).toHaveAttribute('data-frames', '5');
  await expect(row).toHaveAttribute('data-kind', 'eventsource');
  await expect(row).toHaveAttribute('data-server-retry', '1234');
});

const holds = (origin: string, n: number, tag: string) =>
  testPage(
    origin,
    Array.from({ length: n }, (_, i) => `/sse/hold?key=${tag}&n=${i + 1}`),
  );

test('the budget shows the sockets HTTP/1.1 streams really hold: six, as the server counts', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  server.reset();
  await page.goto(holds(server.origin, 8, 'sockets1'));
  const pool = panel.locator('[data-testid=pool-row]');
  await expect(pool).toHaveAttribute('data-queued', '2');
  await expect(pool).toHaveAttribute('data-sockets', '6');
  await expect.poll(() => server.stats().openSockets).toBe(6);
  await pool.locator('.pool-summary').click();
  const sockets = panel.locator('[data-testid=pool-socket]');
  await expect(sockets).toHaveCount(6);
  const ids = await sockets.evaluateAll((rows) =>
    rows.map((r) => [(r as HTMLElement).dataset.protocol, (r as HTMLElement).dataset.requests]),
  );
  expect(ids).toEqual(Array(6).fill(['http/1.1', '1']));
});

test('a worker’s streams take part in the budget: eight from a dedicated worker, two queued', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  const query = Array.from({ length: 8 }, (_, i) => `es=/sse/hold%3Fkey%3Dwbudget%26n%3D${i + 1}`);
  await page.evaluate((q) => void new Worker(`/stream-worker.js?${q}`), query.join('&'));
  const pool = panel.locator('[data-testid=pool-row]');
  await expect(pool).toHaveAttribute('data-queued', '2');
  await expect(pool).toHaveAttribute('data-open', '6');
  await expect(pool).toHaveAttribute('data-sockets', '6');
  await pool.locator('.pool-summary').click();
  // Each member names the worker that holds it, where a document's stream names its frame.
  await expect(pool.locator('.pool-members:not(.pool-sockets) tbody tr')).toHaveCount(8);
  await expect(pool.locator('.pool-members:not(.pool-sockets) tbody tr').first()).toContainText(
    'stream-worker.js',
  );
});

base('over HTTP/2 eight streams share one socket, proven by its id', async () => {
  const h2 = await startScenarioServer({ http2: true });
  const ext = await launchWithExtension({
    extensionDir: build.dir,
    extraArgs: ['--ignore-certificate-errors'],
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${h2.origin}/blank`);
    const tabId = await ext.tabIdOf(page);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/panel.html?tabId=${tabId}`);
    await turnOn(panel);
    await page.goto(holds(h2.origin, 8, 'sockets2'));
    const pool = panel.locator('[data-testid=pool-row]');
    await expect(pool).toHaveAttribute('data-open', '8');
    await expect(pool).toHaveAttribute('data-sockets', '1');
    await pool.locator('.pool-summary').click();
    const socket = panel.locator('[data-testid=pool-socket]');
    await expect(socket).toHaveAttribute('data-protocol', 'h2');
    await expect(socket).toHaveAttribute('data-requests', '8');
    expect(h2.stats().openSockets).toBeLessThan(6);
  } finally {
    await ext.close();
    await h2.close();
  }
});

test('a raw export writes a stream deep capture saw whole byte for byte, invalid UTF-8 and all', async ({
  ext,
}) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  await page.goto(testPage(server.origin, ['/sse/bad-utf8?key=exact1']));
  await expect(panel.locator('[data-testid=connection-row]')).toHaveAttribute('data-frames', '2');
  // What the server sends, read here to the end of its second event (it holds after).
  const sent = await readUntil(`${server.origin}/sse/bad-utf8?key=exact2`, 'after-bad\n\n');
  const tab = PanelTab.of(panel);
  const [file] = await tab.export('sse', async (dialog) => {
    await expect(dialog.locator('[data-testid=export-exact]')).toHaveAttribute('data-exact', '1');
  });
  expect(file?.bytes.equals(sent)).toBe(true);
  // The page got U+FFFD for each bad sequence; the file keeps the bytes the server sent.
  expect(file?.bytes.includes(Buffer.from([0xc0, 0xaf]))).toBe(true);
  // Redacting rewrites the frames, so the file is written from them instead.
  const [redacted] = await tab.export('sse', async (dialog) => {
    await dialog.check('[data-testid=redact-query]');
    await expect(dialog.locator('[data-testid=export-exact]')).toContainText('Redacting');
  });
  expect(redacted?.bytes.includes(Buffer.from([0xc0, 0xaf]))).toBe(false);
});

/** The bytes of a stream from its start until `end` has arrived; then lets it go. */
async function readUntil(url: string, end: string): Promise<Buffer> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Buffer[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    if (Buffer.concat(chunks).includes(end)) break;
  }
  controller.abort();
  return Buffer.concat(chunks);
}

test("names Chrome's reason when it will not attach", async ({ ext }) => {
  // Chrome lets no extension debug its own chrome:// pages.
  const { panel } = await watchTab(ext, 'chrome://version');
  await toggle(panel).click();
  await expect(toggle(panel)).toHaveAttribute('data-state', 'error');
  await expect(panel.locator('[data-testid=deep-capture-message]')).toContainText('chrome://');
});

base('the normal build asks for nothing until the switch is used, and shows it off', async () => {
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/blank`);
    const tabId = await ext.tabIdOf(page);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/panel.html?tabId=${tabId}`);
    await expect(toggle(panel)).toHaveAttribute('data-state', 'off');
    await expect(panel.locator('[data-testid=deep-capture-hint]')).toBeVisible();
    const sw = await ext.serviceWorker();
    const granted = await sw.evaluate(() =>
      chrome.permissions.contains({ permissions: ['debugger'] }),
    );
    expect(granted).toBe(false);
  } finally {
    await ext.close();
  }
});

test('a fast stream of 5,000 events is 5,000 frames, every one seen both ways', async ({ ext }) => {
  const { page, panel } = await watchTab(ext);
  await turnOn(panel);
  await page.goto(testPage(server.origin, ['/sse/fast?count=5000&size=100&key=deep-fast']));
  const connection = panel.locator('[data-testid=connection-row]');
  await expect(connection).toHaveAttribute('data-frames', '5000', { timeout: 30_000 });
  await expect(panel.locator('[data-testid=frame-count]')).toHaveText('5000');
  // Every row of the (virtualized) table, scrolled through: none is wire-only or page-only.
  await waitUntil(
    'all 5,000 rows merged',
    () => rowSources(panel),
    (sources) => sources.both === 5000 && Object.keys(sources).length === 1,
  );
  await expect(panel.locator('[data-testid=notice-wire-unmatched]')).toHaveCount(0);
});

test('in the real DevTools panel the switch turns on for the inspected tab', async ({ ext }) => {
  const browser = ext.context.browser();
  if (!browser) throw new Error('Chromium exposes no browser object for CDP');
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/blank`);
  const tabId = await ext.tabIdOf(page);
  const panel = await openDevToolsPanel(browser, page, ext.extensionId);
  const state = () =>
    panel.evaluate<string>(
      `document.querySelector('[data-testid=deep-capture-toggle]').dataset.state`,
    );
  expect(await state()).toBe('off');
  await panel.evaluate(`document.querySelector('[data-testid=deep-capture-toggle]').click()`);
  await waitUntil('the switch on', state, (s) => s === 'on');
  await waitUntil(
    'the debugger attached',
    () => attached(ext, tabId),
    (a) => a,
  );
  await page.goto(testPage(server.origin, ['/sse/wire?key=devtools']));
  await waitUntil(
    'the unlistened event in the DevTools panel',
    () =>
      panel.evaluate<string[]>(`[...document.querySelectorAll('[data-testid=frame-row]')]
      .map((e) => e.dataset.type + '/' + e.dataset.source)`),
    (rows) => rows.includes('unlistened/wire'),
  );
});
