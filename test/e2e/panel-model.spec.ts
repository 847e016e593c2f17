// The panel's model end to end, in the real DevTools panel: what a navigation retires (and
// what it must not), preserve log closing the streams of the page that was left, pausing that
// still records the lifecycle, the Connection tab naming the socket pool, and an imported old
// capture that leaves the live lanes readable.
import type { Page } from '@playwright/test';
import { buildCapture } from '../../src/export/build-capture';
import { renderExport } from '../../src/export/render-export';
import { sampleRecords, stateFrom } from '../unit/export-fixtures';
import type { DevToolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { testPage } from './support/pages';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';

const long = (key: string) => `/sse/counter?count=100000&interval=50&key=${key}`;

/** Selects the first frame row (tests call it with one connection listed) and opens the
 * detail pane's Connection tab. */
async function connectionTab(panel: PanelView): Promise<void> {
  const frame = `document.querySelector('[data-testid=frame-row]')`;
  await panel.devtools.waitFor(`${frame} !== null`, 'a frame row');
  await panel.devtools.evaluate(`${frame}.click()`);
  await panel.devtools.waitFor(
    `(() => {
      const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent === 'Connection');
      tab?.click();
      return document.querySelector('[data-testid=connection-details]') !== null;
    })()`,
    'the Connection tab',
  );
}

const text = (devtools: DevToolsPanel, testId: string): Promise<string> =>
  devtools.evaluate(`document.querySelector('[data-testid=${testId}]')?.textContent ?? ''`);

/** Navigates without waiting for the load event (a test page may never finish loading). */
async function leaveFor(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
}

test('navigating to a page without streams clears the old connections', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch([long('nav-a'), long('nav-b')]);
  await panel.waitForConnections(
    'two open streams',
    (r) => r.length === 2 && r.every((c) => c.state === 'open'),
  );
  await leaveFor(page, `${server.origin}/blank`);
  await panel.waitForConnections('no connection listed', (r) => r.length === 0);
  await panel.waitForFrameCount(0);
});

test('a same-origin iframe of the new page that connects before the top document is kept', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch([long('old-top')]);
  await panel.waitForConnections('the old page', (r) => r.length === 1 && r[0]?.state === 'open');
  // The new page: its iframe opens a stream at once; the top document opens its own only
  // once the iframe's stream has delivered frames.
  const iframeStream = long('new-iframe');
  const topStream = long('new-top');
  // An image that never loads keeps the page from completing, so nothing but the top
  // document's own stream (or DevTools' navigation signal, if it lands after the new document's
  // content script listens) makes it say hello: the iframe usually connects first.
  await page.route(`${server.origin}/never.png`, () => undefined);
  await page.route(`${server.origin}/new-page`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>new page</title>
        <iframe src="${testPage(server.origin, [iframeStream])}"></iframe>
        <img src="/never.png" alt="">
        <script>
          const waitForIframe = setInterval(() => {
            if ((frames[0]?.__received?.length ?? 0) < 3) return;
            clearInterval(waitForIframe);
            window.__top = new EventSource(${JSON.stringify(topStream)});
          }, 20);
        </script>`,
    }),
  );
  await leaveFor(page, `${server.origin}/new-page`);
  await panel.waitForConnections(
    'the new page: iframe and top streams',
    (r) =>
      r.length === 2 &&
      r.some((c) => c.url.endsWith(topStream)) &&
      r.some((c) => c.url.endsWith(iframeStream) && c.state === 'open'),
  );
  // Still recording the iframe's stream after the top document said hello.
  const before = (await panel.connections()).find((c) => c.url.endsWith(iframeStream))?.frames ?? 0;
  await panel.waitForConnections('more iframe frames', (r) =>
    r.some((c) => c.url.endsWith(iframeStream) && c.frames >= before + 3),
  );
});

test('preserve log closes the old page\'s connections with "page unloaded"', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch([long('keep')]);
  await panel.waitForConnections('an open stream with frames', (r) => (r[0]?.frames ?? 0) >= 2);
  await panel.click('preserve-log');
  await leaveFor(page, `${server.origin}/blank`);
  const [row] = await panel.waitForConnections(
    'the old stream closed',
    (r) => r.length === 1 && r[0]?.state === 'closed',
  );
  expect(row?.url).toBe(`${server.origin}${long('keep')}`);
  await connectionTab(panel);
  expect(await text(panel.devtools, 'state-changes')).toContain(
    'page unloaded (readyState CLOSED)',
  );
});

test('a stream closed while paused shows closed after resuming, and no frame of the pause appears', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch([long('pause-a')]);
  await panel.waitForConnections('a few frames', (r) => (r[0]?.frames ?? 0) >= 3);
  await panel.click('record-toggle');
  const pausedAt = await page.evaluate(() => window.__received.length);
  const created = `/sse/counter?count=100000&interval=30&key=pause-b`;
  await page.evaluate(async (url) => {
    const more = window.__received.length + 5;
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (window.__received.length < more) return;
        clearInterval(check);
        resolve();
      }, 10);
    });
    window.__sources[0]?.close();
    const b = new EventSource(url);
    await new Promise<void>((resolve) => {
      let n = 0;
      b.onmessage = () => {
        if (++n === 3) resolve();
      };
    });
    b.close();
  }, created);
  await panel.click('record-toggle');
  const rows = await panel.waitForConnections(
    'both streams closed, the new one with its URL',
    (r) => r.length === 2 && r.every((c) => c.state === 'closed'),
  );
  const a = rows.find((c) => c.url.endsWith('pause-a'));
  const b = rows.find((c) => c.url === `${server.origin}${created}`);
  expect(b?.frames).toBe(0);
  const frames = await panel.frames();
  // Only frames from before the pause: at most what the page had received when it began.
  expect(frames.length).toBe(a?.frames);
  expect(frames.length).toBeLessThanOrEqual(pausedAt + 1);
  expect(Math.max(...frames.map((f) => Number(f.eventId)))).toBeLessThanOrEqual(pausedAt + 1);
  expect(await text(panel.devtools, 'frame-count')).toBe(String(frames.length));
  expect(
    await panel.devtools.evaluate(
      `document.body.textContent.includes('not recorded while paused')`,
    ),
  ).toBe(true);
});

test('the Connection tab names the pool the budget view lists the stream in', async ({
  ext,
  server,
  openPanel,
}) => {
  // Streaming before DevTools opens: the panel learns the pools (sent as it subscribes)
  // before the records of the connections they list.
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, [long('pool')]));
  await page.waitForFunction(() => window.__received.length >= 2);
  const panel = await openPanel(page);
  const [pool] = await panel.waitForPools(
    'the stream in a pool',
    (p) => p.length === 1 && p[0]?.open === 1,
  );
  await connectionTab(panel);
  await waitUntil(
    'the pool named',
    () => text(panel.devtools, 'connection-pool'),
    (t) => t.includes(pool?.pool ?? '?'),
  );
});

test('an imported capture from long ago leaves the live lanes readable', async ({ watch }) => {
  const { panel } = await watch([long('lanes')]);
  await panel.waitForConnections('a live stream', (r) => (r[0]?.frames ?? 0) >= 2);
  // A capture made a year before this machine's clock (T0 of the export fixtures).
  const state = stateFrom(sampleRecords());
  const [file] = renderExport(
    buildCapture(state, {
      scope: 'all',
      connections: null,
      now: Date.now(),
      generatorVersion: '0.1.0',
    }),
    'json',
  );
  await panel.devtools.evaluate(`(() => {
    const input = document.querySelector('[data-testid=import-file]');
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(file?.text ?? '')}], 'old.json'));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  const rows = await panel.waitForConnections('the imported connections', (r) => r.length === 4);
  // Imported connections ended with their capture.
  expect(rows.filter((r) => !r.url.endsWith('lanes')).every((r) => r.state === 'closed')).toBe(
    true,
  );
  await panel.devtools.evaluate(`document.querySelector('[data-testid=timeline-fit]').click()`);
  const view = await panel.devtools.waitFor<{
    span: number;
    breaks: number;
    from: number;
    to: number;
  }>(
    `(() => { const d = document.querySelector('[data-testid=timeline]').dataset;
      return Number(d.breaks) > 0 && { span: Number(d.span), breaks: Number(d.breaks),
        from: Number(d.viewFrom), to: Number(d.viewTo) }; })()`,
    'a collapsed gap on the axis',
  );
  // The axis covers a year of real time in about the sessions' own length.
  expect(view.to - view.from).toBeGreaterThan(300 * 86_400_000);
  expect(view.span).toBeLessThan(10 * 60_000);
});
