// A page that replaces built-ins after the hook is installed and before it opens streams
// (test/fixtures/pages/hostile.html) can neither swallow nor spoof what the panel shows, and
// the hook never calls any of the page's functions. Errors thrown through the wrappers and
// another frame's Function.prototype.toString show nothing of the hook.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { waitUntil } from './support/wait-until';

interface HostileReport {
  calls: Record<string, number>;
  errorStacks: Record<string, string>;
  crossFrame: Record<string, string> | null;
  frames: number;
  fetchDone: boolean;
  xhrDone: number;
}

/** Read from Playwright's isolated world: the page's main world is hostile to any script. */
async function report(page: Page): Promise<HostileReport> {
  const json = await page.locator('html').getAttribute('data-report');
  if (json === null) throw new Error('the page published no report');
  return JSON.parse(json) as HostileReport;
}

const ROWS_WITH_STACKS = `[...document.querySelectorAll('[data-testid=connection-row]')].map((e) => ({
  url: e.dataset.url, frames: Number(e.dataset.frames), state: e.dataset.state,
  stack: (e.getAttribute('title') ?? '').split('\\nInitiator:\\n')[1] ?? '' }))`;

test('a hostile page cannot swallow, spoof or run inside capture', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const pageUrl = `${server.origin}/hostile`;
  await page.goto(pageUrl);

  // Every frame the page's own handlers got (3 + the 4 listened of /sse/named) is shown, and
  // the fetch stream's 5 (its `retry:`, its comment and 3 events), and each XHR stream's 5.
  const seen = await waitUntil(
    'the page to get all 7 frames, read its fetch and XHR streams and ask the other frame',
    () => report(page),
    (r) => r.frames === 7 && r.fetchDone && r.xhrDone === 2 && r.crossFrame !== null,
  );
  await panel.waitForFrameCount(22);
  const rows = await waitUntil(
    'the four connections, the closed ones closed',
    () =>
      panel.devtools.evaluate<{ url: string; frames: number; state: string; stack: string }[]>(
        ROWS_WITH_STACKS,
      ),
    (r) => r.length === 6 && r.filter((c) => c.state === 'closed').length === 4,
  );
  expect(rows.map((r) => [r.url, r.frames]).sort()).toEqual(
    [
      [`${server.origin}/sse/counter?count=3&interval=20&key=hostile1`, 3],
      [`${server.origin}/sse/named?count=6&interval=20&key=hostile2`, 4],
      [`${server.origin}/sse/hold?key=hostile3`, 0],
      [`${server.origin}/fetch/sse?count=3&interval=20&key=hostile4`, 5],
      [`${server.origin}/fetch/sse?count=3&interval=20&key=hostile5`, 5],
      [`${server.origin}/fetch/sse?count=3&interval=20&key=hostile6`, 5],
    ].sort(),
  );
  // Initiator stacks start at the page's function that opened the stream, unspoofed.
  for (const { stack } of rows) {
    expect(stack.split('\n')[0]).toMatch(
      new RegExp(
        `^\\s+at (openStreams|sendXhr) \\(${pageUrl.replace(/[.?]/g, '\\$&')}:\\d+:\\d+\\)$`,
      ),
    );
    expect(stack).not.toMatch(/chrome-extension:|SPOOFED/);
  }

  // Checked last, after the streams ran, so every hook path had its chance to call them.
  const after = await report(page);
  const called = Object.entries(after.calls).filter(([, n]) => n > 0);
  expect(called, 'page functions the hook called').toEqual([]);
  expect(Object.keys(after.calls).length).toBeGreaterThan(30);

  expect(seen.crossFrame).toEqual({
    ctor: 'function EventSource() { [native code] }',
    close: 'function close() { [native code] }',
    addEventListener: 'function addEventListener() { [native code] }',
    toString: 'function toString() { [native code] }',
  });

  // The page's own Error.prepareStackTrace formats each frame as `function@file`.
  for (const [name, stack] of Object.entries(seen.errorStacks)) {
    expect(stack, name).toContain(`@${pageUrl}`);
    expect(stack, name).not.toMatch(/chrome-extension:|SPOOFED/);
  }
});
