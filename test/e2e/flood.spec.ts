// Floods in real Chromium. 100,000 events/s from the scenario server through the hook, the
// content script, the service worker and the DevTools panel: the page's long tasks against the
// same flood without the extension, the panel answering a filter and a click while the flood
// runs, and every frame the panel did not receive counted: received + dropped == sent. Also a
// 10 MB event and invalid UTF-8.
//
// FLOOD_SECONDS (default 2) sets the flood's length; the issue's full figure is
// FLOOD_SECONDS=10. Chromium, not Node, is the bottleneck on a 2-core machine: the server
// holds 100,000 events/s, the page dispatches them as fast as it can.
import { chromium, type Browser, type Page } from '@playwright/test';
import { LIMITS } from '../../src/protocol/constants';
import { chromePath, QUIET_FLAGS } from './support/chromium';
import { expect, test } from './support/fixtures';
import { floodResult, longest, startFlood, type FloodResult } from './support/flood-page';
import { waitForReceived } from './support/pages';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';

const RATE = 100_000;
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 2);
const FLOOD = `/sse/flood?rate=${RATE}&seconds=${SECONDS}`;
/** Long tasks the capture may add to the page's longest one without it. */
const LONG_TASK_MS = 200;
/** The panel must show a filter's result, or a clicked connection, within this while flooded. */
const ANSWER_MS = 2_000;

const FILTER = `document.querySelector('input[placeholder^="Filter"]')`;
const ROWS = `[...document.querySelectorAll('[data-testid=frame-row]')]`;

/**
 * Milliseconds from typing `/^digit/` in the filter box until every frame row shown starts with
 * that digit. (A regex on the data's start: a plain digit would also match the stream's URL.)
 */
async function filterLatency(panel: PanelView, digit: string): Promise<number> {
  const start = Date.now();
  await panel.devtools
    .evaluate(`(() => { const el = ${FILTER}; el.value = ${JSON.stringify(`/^${digit}/`)};
    el.dispatchEvent(new Event('input', { bubbles: true })); })()`);
  await panel.devtools.waitFor(
    `${ROWS}.length > 0 && ${ROWS}.every((r) => r.querySelector('.col-data').textContent.startsWith(${JSON.stringify(digit)}))`,
    `rows starting with ${digit}`,
    30_000,
  );
  return Date.now() - start;
}

/** Milliseconds from clicking the connection row until the stats strip shows that connection. */
async function clickLatency(panel: PanelView): Promise<number> {
  const start = Date.now();
  await panel.devtools.evaluate(`document.querySelector('[data-testid=connection-row]').click()`);
  await panel.devtools.waitFor(
    `document.querySelector('[data-testid=stats-strip]').dataset.connection !== ''`,
    'the stats strip to show the clicked connection',
    30_000,
  );
  return Date.now() - start;
}

interface PanelCounts {
  /** The toolbar's frame count: frames received, including any since evicted from memory. */
  received: number;
  /** The toolbar's "… evicted to bound memory" notice (0 when absent). */
  evicted: number;
  /** "Holding N frames" in the memory settings: frames the panel still keeps. */
  held: number;
}

async function panelCounts(panel: PanelView): Promise<PanelCounts> {
  await panel.click('memory-settings');
  const counts = await panel.devtools.waitFor<PanelCounts>(
    `(() => {
      const form = document.querySelector('[data-testid=memory-settings-form]');
      const holding = form?.textContent.match(/Holding ([0-9,]+) frames/);
      if (!holding) return null;
      const notice = [...document.querySelectorAll('[role=status]')]
        .find((e) => e.textContent.includes('evicted to bound memory'));
      const digits = (s) => Number(s.replace(/[^0-9]/g, ''));
      return {
        received: Number(document.querySelector('[data-testid=frame-count]').textContent),
        evicted: notice ? digits(notice.textContent) : 0,
        held: digits(holding[1]),
      };
    })()`,
    'the memory settings',
  );
  await panel.click('memory-settings');
  return counts;
}

/** The same flood in Chromium without the extension, DevTools open on the page as in the test. */
async function floodWithoutExtension(origin: string): Promise<FloodResult> {
  const browser: Browser = await chromium.launch({
    executablePath: chromePath(),
    args: QUIET_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/blank`);
    await openPlainDevTools(browser, page);
    await startFlood(page, `${FLOOD}&key=flood-plain`);
    return await floodResult(page, 110_000);
  } finally {
    await browser.close();
  }
}

async function openPlainDevTools(browser: Browser, page: Page): Promise<void> {
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

test('a 100,000 events/s flood: capture adds no long task, the panel answers, every frame is accounted for', async ({
  ext,
  server,
  openPanel,
}) => {
  test.setTimeout(240_000);
  const plain = await floodWithoutExtension(server.origin);

  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/blank`);
  const panel = await openPanel(page);
  // The panel's own long tasks, to tell a busy panel from a busy page.
  await panel.devtools.evaluate(`(() => { window.__longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask' }); })()`);
  await startFlood(page, `${FLOOD}&key=flood-ext`);
  await panel.waitForConnections('the flood', (r) => (r[0]?.frames ?? 0) >= 100, 60_000);
  // Digits that frames already in the panel start with: the answer waits for no new frame.
  const answers = [
    await filterLatency(panel, '7'),
    await clickLatency(panel),
    await filterLatency(panel, '9'),
  ];
  const captured = await floodResult(page, 200_000);
  const sent = server.stats().eventsSent['flood-ext'] ?? 0;
  // The page got every event the server sent (the message events and flood-done).
  expect(captured.received + 1).toBe(sent);
  // Settled: nothing more will arrive once every sent frame is received or counted as dropped.
  await waitUntil(
    'the panel to account for every frame',
    () => panelCounts(panel),
    (c) => c.received + (c.evicted - (c.received - c.held)) >= sent,
    120_000,
  );
  const counts = await panelCounts(panel);
  const evictedInPanel = counts.received - counts.held;
  const dropped = counts.evicted - evictedInPanel;
  const figures = {
    serverRate: Math.round((captured.server.sent * 1000) / captured.server.ms),
    sent,
    pageRatePlain: Math.round((plain.received * 1000) / plain.pageMs),
    pageRateCaptured: Math.round((captured.received * 1000) / captured.pageMs),
    longestPlain: longest(plain),
    longestCaptured: longest(captured),
    longTasksPlain: plain.longTasks.length,
    longTasksCaptured: captured.longTasks.length,
    answers,
    longestInPanel: await panel.devtools.evaluate<number>(
      `Math.round(Math.max(0, ...window.__longTasks))`,
    ),
    ...counts,
    evictedInPanel,
    dropped,
  };
  test.info().annotations.push({ type: 'flood', description: JSON.stringify(figures) });
  console.log(`flood figures: ${JSON.stringify(figures)}`);

  expect(plain.received).toBe(captured.received);
  expect(counts.received + dropped).toBe(sent);
  for (const ms of answers) expect(ms).toBeLessThan(ANSWER_MS);
  expect(longest(captured)).toBeLessThanOrEqual(longest(plain) + LONG_TASK_MS);
});

test('a 10 MB event is truncated with its true size shown, and nothing after it is lost', async ({
  watch,
}) => {
  const size = 10_000_000;
  const { page, panel } = await watch([`/sse/large?size=${size}&key=huge`]);
  const received = await waitForReceived(page, 2);
  expect(received.map((r) => r.data.length)).toEqual([size, 'after-large'.length]);
  await panel.waitForFrameCount(2);
  const [row] = await panel.connections();
  expect(row?.frames).toBe(2);
  const frames = await panel.frames();
  expect(frames.map((f) => f.eventId)).toEqual(['1', '2']);
  expect(frames[0]?.text).toContain('9.5 MB (truncated)');
  expect(frames[1]?.text).toContain('after-large');
  await panel.devtools.evaluate(`document.querySelector('[data-testid=frame-row]').click()`);
  const detail = await panel.devtools.waitFor<{ notice: string; raw: number }>(
    `(() => { const n = document.querySelector('.detail-notice');
      const raw = document.querySelector('.detail-body pre.raw');
      return n && raw && { notice: n.textContent, raw: raw.textContent.length }; })()`,
    'the truncation notice',
  );
  expect(detail.notice).toContain(`the event carried ${size.toLocaleString('en-US')} characters`);
  expect(detail.raw).toBe(LIMITS.maxDataChars);
});

test('invalid UTF-8 shows exactly what the browser dispatched (U+FFFD)', async ({ watch }) => {
  const { page, panel } = await watch(['/sse/bad-utf8?key=utf8']);
  const received = await waitForReceived(page, 2);
  const dispatched = received[0]?.data ?? '';
  expect(dispatched).toContain('\uFFFD');
  expect(dispatched.startsWith('a\uFFFDb')).toBe(true);
  await panel.waitForFrameCount(2);
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(['1', '2']);
  await panel.devtools.evaluate(`document.querySelector('[data-testid=frame-row]').click()`);
  const shown = await panel.devtools.waitFor<string>(
    `document.querySelector('.detail-body pre.raw')?.textContent`,
    'the raw data of the first frame',
  );
  expect(shown).toBe(dispatched);
});
