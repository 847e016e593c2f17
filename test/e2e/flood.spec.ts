// Floods in real Chromium. 100,000 events/s from the scenario server through the hook, the
// content script, the service worker and the DevTools panel: the panel answering a filter and
// a click while the flood runs, and every frame accounted for — received by the panel, or
// counted by one of its loss notices: received + lost == sent. Also a 10 MB event and invalid
// UTF-8. What the flood costs the page (its long tasks with and without the extension) is a
// figure, not a pass/fail timing: `npm run bench` measures it.
//
// FLOOD_SECONDS (default 2) sets the flood's length; the issue's full figure is
// FLOOD_SECONDS=10. Chromium, not Node, is the bottleneck on a 2-core machine: the server
// holds 100,000 events/s, the page dispatches them as fast as it can.
import { LIMITS } from '../../src/protocol/constants';
import { expect, test } from './support/fixtures';
import { floodResult, startFlood } from './support/flood-page';
import { waitForReceived } from './support/pages';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';

const RATE = 100_000;
const SECONDS = Number(process.env.FLOOD_SECONDS ?? 2);
const FLOOD = `/sse/flood?rate=${RATE}&seconds=${SECONDS}`;
/** The panel must show a filter's result, or a clicked connection, within this while flooded. */
const ANSWER_MS = 2_000;

const FILTER = `document.querySelector('input[placeholder^="Filter"]')`;
const ROWS = `[...document.querySelectorAll('[data-testid=frame-row]')]`;

/** Starts noting the panel's longest task (the Long Tasks API reports those over 50 ms). */
const LONGEST_TASK_WATCH = `(() => {
  window.__longestTask = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, e.duration);
  }).observe({ type: 'longtask' });
})()`;
const LONGEST_TASK = `new Promise((resolve) => setTimeout(() => resolve(Math.round(window.__longestTask)), 0))`;

/**
 * Runs `act` in the panel and resolves with the milliseconds until `done` holds, timed in the
 * panel: checked after each DOM change. Timed from the test instead, the answer also held the
 * round trips of the test's own DevTools protocol session, which a flooded browser process
 * delays (a CPU profile of a 592 ms answer found the panel idle for most of it).
 */
function answerTime(act: string, done: string, what: string): string {
  return `new Promise((resolve, reject) => {
    const start = performance.now();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(${JSON.stringify(`no answer in 30 s: ${what}`)}));
    }, 30000);
    const check = () => {
      if (!(${done})) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(Math.round(performance.now() - start));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    ${act};
    check();
  })`;
}

/**
 * Milliseconds from typing `/^digit/` in the filter box until every frame row shown starts with
 * that digit. (A regex on the data's start: a plain digit would also match the stream's URL.)
 */
function filterLatency(panel: PanelView, digit: string): Promise<number> {
  return panel.devtools.evaluate<number>(
    answerTime(
      `const el = ${FILTER}; el.value = ${JSON.stringify(`/^${digit}/`)};
      el.dispatchEvent(new Event('input', { bubbles: true }))`,
      `${ROWS}.length > 0 && ${ROWS}.every((r) => r.querySelector('.col-data').textContent.startsWith(${JSON.stringify(digit)}))`,
      `rows starting with ${digit}`,
    ),
  );
}

/** Milliseconds from clicking the connection row until the stats strip shows that connection. */
function clickLatency(panel: PanelView): Promise<number> {
  return panel.devtools.evaluate<number>(
    answerTime(
      `document.querySelector('[data-testid=connection-row]').click()`,
      `document.querySelector('[data-testid=stats-strip]').dataset.connection !== ''`,
      'the stats strip to show the clicked connection',
    ),
  );
}

interface PanelCounts {
  /** The toolbar's frame count: frames received, including any since evicted from memory. */
  received: number;
  /** Every loss notice's count, by its data-testid (absent notices are 0). */
  notices: Record<string, number>;
}

async function panelCounts(panel: PanelView): Promise<PanelCounts> {
  return panel.devtools.evaluate<PanelCounts>(`({
    received: Number(document.querySelector('[data-testid=frame-count]').textContent),
    notices: Object.fromEntries([...document.querySelectorAll('[data-testid^=notice-]')]
      .map((e) => [e.dataset.testid, Number(e.dataset.count)])),
  })`);
}

/** Frames that never reached the panel, as its notices count them. */
const lost = (c: PanelCounts): number =>
  (c.notices['notice-evicted-source'] ?? 0) + (c.notices['notice-dropped-by-hook'] ?? 0);

test('a 100,000 events/s flood: the panel answers, and every frame is accounted for', async ({
  server,
  blankPanel,
}) => {
  test.setTimeout(180_000);
  const { page, panel } = await blankPanel();
  await startFlood(page, `${FLOOD}&key=flood-ext`);
  await panel.waitForConnections('the flood', (r) => (r[0]?.frames ?? 0) >= 100, 60_000);
  // An answer is timed from its action, in the panel; a task already running when the action
  // arrives would delay a user's input too, so the panel's long tasks meanwhile count as well.
  await panel.devtools.evaluate(LONGEST_TASK_WATCH);
  // Digits that frames already in the panel start with: the answer waits for no new frame.
  const answers = [
    await filterLatency(panel, '7'),
    await clickLatency(panel),
    await filterLatency(panel, '9'),
  ];
  const longestTask = await panel.devtools.evaluate<number>(LONGEST_TASK);
  const captured = await floodResult(page, 150_000);
  const sent = server.stats().eventsSent['flood-ext'] ?? 0;
  // The page got every event the server sent (the message events and flood-done).
  expect(captured.received + 1).toBe(sent);
  // Settled: nothing more will arrive once every sent frame is received or counted as lost.
  const counts = await waitUntil(
    'the panel to account for every frame',
    () => panelCounts(panel),
    (c) => c.received + lost(c) >= sent,
    120_000,
  );
  console.log(
    `flood: ${sent} sent at ${Math.round((captured.server.sent * 1000) / captured.server.ms)}/s, ` +
      `page ${Math.round((captured.received * 1000) / captured.pageMs)}/s, panel answers ` +
      `${answers.join('/')} ms (longest task ${longestTask} ms), counts ${JSON.stringify(counts)}`,
  );
  expect(counts.received + lost(counts)).toBe(sent);
  // A plain flood is never rejected, untracked or paused: only evictions and drops may show.
  const expectedKinds = ['notice-dropped-by-hook', 'notice-evicted-panel', 'notice-evicted-source'];
  for (const kind of Object.keys(counts.notices)) expect(expectedKinds).toContain(kind);
  for (const ms of answers) expect(ms).toBeLessThan(ANSWER_MS);
  expect(longestTask).toBeLessThan(ANSWER_MS);
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
