// The toolbar in the real panel: pause drops and counts, clear empties, the text and
// /regex/ filter narrows the frames table.
import { expect, test } from './support/fixtures';
import { PAUSE_AND_CLEAR as PAUSE } from '../support/panel-scenarios';
import { waitForReceived } from './support/pages';

const FILTER = `document.querySelector('input[placeholder^="Filter"]')`;

/** Types into the filter box the way a user does (an input event per change). */
function setFilter(text: string): string {
  return `(() => { const el = ${FILTER}; el.value = ${JSON.stringify(text)};
    el.dispatchEvent(new Event('input', { bubbles: true })); })()`;
}

test('pause stops recording and says how much was skipped; clear empties the view', async ({
  watch,
}) => {
  const { page, panel } = await watch(PAUSE.held);
  await panel.waitForConnections('the held stream', (r) => r.length === 1);
  await panel.click('record-toggle');
  expect(
    await panel.devtools.evaluate(
      `document.querySelector('[data-testid=record-toggle]').getAttribute('aria-pressed')`,
    ),
  ).toBe('false');
  await page.evaluate((url) => {
    new EventSource(url).onmessage = () => {};
  }, PAUSE.whilePaused);
  await panel.devtools.waitFor<boolean>(
    `document.body.textContent.includes(${JSON.stringify(PAUSE.pausedNotice)})`,
    'the paused notice',
  );
  expect(await panel.frameCount()).toBe(0);

  await panel.click('record-toggle');
  await page.evaluate((url) => {
    new EventSource(url).onmessage = () => {};
  }, PAUSE.afterResume);
  await panel.waitForFrameCount(PAUSE.framesAfterResume);
  await panel.click('clear');
  await panel.waitForFrameCount(0);
  expect(await panel.frames()).toEqual([]);
});

test('the text and /regex/ filter narrows the frames table', async ({ watch }) => {
  const { page, panel } = await watch(['/sse/named?count=9&interval=5&key=flt'], ['update']);
  await waitForReceived(page, 6);
  await panel.waitForFrameCount(6);

  await panel.devtools.evaluate(setFilter('update'));
  await panel.devtools.waitFor<boolean>(
    `document.querySelectorAll('[data-testid=frame-row]').length === 3`,
    'three update frames',
  );
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(['2', '5', '8']);

  await panel.devtools.evaluate(setFilter('/"n":[47]\\b/'));
  await panel.devtools.waitFor<boolean>(
    `document.querySelectorAll('[data-testid=frame-row]').length === 2`,
    'the regex matches',
  );
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(['4', '7']);

  await panel.devtools.evaluate(setFilter('/[unclosed/'));
  await panel.devtools.waitFor<boolean>(
    `${FILTER}.getAttribute('aria-invalid') === 'true'`,
    'the invalid regex to be flagged',
  );
  await panel.devtools.evaluate(setFilter(''));
  await panel.devtools.waitFor<boolean>(
    `document.querySelectorAll('[data-testid=frame-row]').length === 6`,
    'all frames again',
  );
});
