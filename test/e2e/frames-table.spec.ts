// The frames table's windowing in the real panel: thousands of frames keep only the rows in
// view in the DOM (and few above them while following), the view follows new frames while at
// the end (reusing its row elements), stays put when the user has scrolled away, and follows
// again after End, focus staying with its frame.
import { expect, test } from './support/fixtures';
import type { PanelView } from './support/panel-view';
import { PanelTab } from './export/panel-tab';

interface TableView {
  /** Rows in the DOM. */
  rows: number;
  /** Event ids of the rows at least partly inside the scroller's visible box, in order. */
  visibleIds: string[];
  atEnd: boolean;
  scrollTop: number;
}

const TABLE_VIEW = `(() => {
  const scroller = document.querySelector('.frames-scroll');
  const box = scroller.getBoundingClientRect();
  const rows = [...document.querySelectorAll('[data-testid=frame-row]')];
  const visible = rows
    .filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; })
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  return {
    rows: rows.length,
    visibleIds: visible.map((r) => r.dataset.eventId),
    atEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1,
    scrollTop: scroller.scrollTop,
  };
})()`;

const press = (panel: PanelView, key: string): Promise<void> =>
  panel.devtools.evaluate(
    `document.querySelector('.frames').dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true }))`,
  );

const view = (panel: PanelView): Promise<TableView> => panel.devtools.evaluate(TABLE_VIEW);

/** Marks the row elements in the DOM now, to tell later which ones are still the same. */
const markRows = (panel: PanelView): Promise<void> =>
  panel.devtools.evaluate(
    `document.querySelectorAll('[data-testid=frame-row]').forEach((r) => (r.sseLensSeen = true))`,
  );

/** Row elements in the DOM that `markRows` marked. */
const markedRows = (panel: PanelView): Promise<number> =>
  panel.devtools.evaluate(
    `[...document.querySelectorAll('[data-testid=frame-row]')].filter((r) => r.sseLensSeen).length`,
  );

async function waitForView(
  panel: PanelView,
  what: string,
  ok: (v: TableView) => boolean,
): Promise<TableView> {
  await panel.devtools.waitFor<boolean>(`(${ok.toString()})(${TABLE_VIEW})`, what);
  return view(panel);
}

test('5,000 frames: only the rows in view are in the DOM; the view follows new frames only while at the end', async ({
  watch,
}) => {
  const { page, panel } = await watch(['/sse/fast?count=5000&size=30&key=ft']);
  await panel.waitForFrameCount(5000);
  const following = await waitForView(panel, 'the newest frame in view', (v) =>
    v.visibleIds.includes('5000'),
  );
  expect(following.atEnd).toBe(true);
  expect(following.rows).toBeLessThan(200);
  expect(following.visibleIds.at(-1)).toBe('5000');
  // While it follows a large capture, few rows are kept above the view (each new one costs).
  expect(following.rows - following.visibleIds.length).toBeLessThanOrEqual(5);

  // Scrolled up a little, it stops following and renders the generous overscan again.
  await panel.devtools.evaluate(`document.querySelector('.frames-scroll').scrollTop -= 66`);
  const scrolled = await waitForView(
    panel,
    'the rows above the view rendered again',
    (v) => v.rows - v.visibleIds.length >= 40,
  );
  expect(scrolled.visibleIds).not.toContain('5000');
  expect(scrolled.atEnd).toBe(false);

  await press(panel, 'Home');
  const top = await waitForView(panel, 'the first frame in view', (v) => v.visibleIds[0] === '1');
  expect(top.scrollTop).toBe(0);
  await page.evaluate(() => {
    new EventSource('/sse/fast?count=100&size=30&key=ft-more').onmessage = () => {};
  });
  await panel.waitForFrameCount(5100);
  const stayed = await view(panel);
  expect(stayed.visibleIds[0]).toBe('1');
  expect(stayed.scrollTop).toBe(0);

  // End selects the newest row the table has: wait until it has them all (the frame count
  // can run ahead of the table's render).
  await panel.devtools.waitFor<boolean>(
    `document.querySelector('.frames[role=grid]').getAttribute('aria-rowcount') === '5101'`,
    'the table holding 5,100 rows',
  );
  await press(panel, 'End');
  await waitForView(panel, 'the end after End', (v) => v.atEnd);
  // End moved focus to the newest row (frame 100 of the second stream).
  const focusedRow = `document.activeElement.closest?.('[data-testid=frame-row]')?.dataset.eventId ?? null`;
  await panel.devtools.waitFor<boolean>(`${focusedRow} === '100'`, 'focus on the newest row');
  // While following, row elements are reused: each shows the frame that moved into its place.
  await markRows(panel);
  await page.evaluate(() => {
    new EventSource('/sse/fast?count=200&size=30&key=ft-last').onmessage = () => {};
  });
  await panel.waitForFrameCount(5300);
  const followed = await waitForView(panel, 'the newest frame after End', (v) =>
    v.visibleIds.includes('200'),
  );
  // The last stream's ids run 1–200; the newest row is its 200th.
  expect(followed.visibleIds.at(-1)).toBe('200');
  expect(followed.atEnd).toBe(true);
  expect(followed.rows).toBeLessThan(200);
  const reused = await markedRows(panel);
  expect(reused).toBe(followed.rows);
  // Focus stayed with its frame, not with the element: that frame scrolled out of the rendered
  // rows, so the grid has focus (no row showing another frame does).
  expect(await panel.devtools.evaluate<string | null>(focusedRow)).toBeNull();
  expect(
    await panel.devtools.evaluate<boolean>(
      `document.activeElement === document.querySelector('.frames[role=grid]')`,
    ),
  ).toBe(true);
});

test('a few hundred frames are already too many to render whole: the following view is lean and reuses its rows', async ({
  watch,
}) => {
  const { page, panel } = await watch(['/sse/fast?count=300&size=30&key=ft-small']);
  await panel.waitForFrameCount(300);
  const first = await waitForView(panel, 'the newest of 300 frames in view', (v) =>
    v.visibleIds.includes('300'),
  );
  // The view plus 40 rows of overscan would not reach frame 1, so few rows are kept above it.
  expect(first.atEnd).toBe(true);
  expect(first.rows - first.visibleIds.length).toBeLessThanOrEqual(5);
  await markRows(panel);
  await page.evaluate(() => {
    new EventSource('/sse/fast?count=100&size=30&key=ft-small-more').onmessage = () => {};
  });
  await panel.waitForFrameCount(400);
  const followed = await waitForView(panel, 'the newest of 400 frames in view', (v) =>
    v.visibleIds.includes('100'),
  );
  expect(followed.visibleIds.at(-1)).toBe('100');
  // Every rendered row element is one that was there before: it shows the frame now in its place.
  const reused = await markedRows(panel);
  expect(reused).toBe(followed.rows);
});

test('a focused row scrolled out of the rendered rows leaves focus in the table, and the keys go on', async ({
  ext,
  watch,
}) => {
  const { page, panel } = await watch(['/sse/fast?count=2000&size=30&key=ft-focus']);
  await panel.waitForFrameCount(2000);
  // The panel as a tab, where Playwright's keyboard types into it like a user.
  const tab = await PanelTab.open(ext, await ext.tabIdOf(page));
  const p = tab.page;
  const rows = p.locator('[data-testid=frame-row]');
  await expect(rows.last()).toHaveAttribute('data-event-id', '2000');
  const last = p.locator('[data-testid=frame-row][data-event-id="2000"]');
  await expect(async () => {
    await last.click();
    await expect(last).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
  }).toPass();
  // The click gave the row focus, as the keyboard would.
  await expect(p.locator('[data-testid=frame-row]:focus')).toHaveAttribute('data-event-id', '2000');

  // The mouse wheel's way: the scroller moves to the top, far past the rendered rows.
  await p.locator('.frames-scroll').evaluate((el) => (el.scrollTop = 0));
  await expect(last).toHaveCount(0);
  const grid = p.locator('.frames[role=grid]');
  await expect(grid).toBeFocused();

  // The keys still reach the table: Up selects the frame before the selected one and brings
  // it into view, and focus stays in the table.
  await p.keyboard.press('ArrowUp');
  await expect(p.locator('[data-testid=frame-row][data-event-id="1999"]')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(true);
});
