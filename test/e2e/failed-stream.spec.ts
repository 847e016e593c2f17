// A failed stream explains itself: selecting it opens its Connection tab (never a stale frame
// of another connection), with the HTTP status, Content-Type, attempts and a plain reason, and
// the frames table says why there are no frames instead of blaming the filters.
import { readDetail, selectConnection, selectFirstFrame } from './support/detail-view';
import { expect, test } from './support/fixtures';
import { testPage } from './support/pages';
import { waitUntil } from './support/wait-until';

const FAILURES = [
  {
    path: '/sse/status?code=500',
    httpStatus: '500',
    contentType: 'text/plain; charset=utf-8',
    reason: 'HTTP 500: EventSource fails on any status but 200.',
  },
  {
    path: '/sse/status?code=204',
    httpStatus: '204',
    contentType: 'not reported by the browser',
    reason: 'HTTP 204: the server asked the browser not to reconnect.',
  },
  {
    path: '/sse/wrong-type',
    httpStatus: '200',
    contentType: 'text/plain; charset=utf-8',
    reason: 'Content-Type text/plain: EventSource requires text/event-stream.',
  },
];

test('selecting a failed stream shows why it failed, not a stale frame', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const counter = '/sse/counter?count=3&interval=10&key=ok';
  await page.goto(testPage(server.origin, [counter, ...FAILURES.map((f) => f.path)]));
  await panel.waitForConnections(
    'three failed connections and one with frames',
    (rows) =>
      rows.length === 4 && rows.filter((r) => r.state === 'closed' && r.frames === 0).length === 3,
  );
  await panel.waitForFrameCount(3);

  // A frame of the working stream is open in the detail pane first.
  const frameConnection = await selectFirstFrame(panel);
  expect((await readDetail(panel)).tab).toBe('raw');

  for (const [i, failure] of FAILURES.entries()) {
    const url = `${server.origin}${failure.path}`;
    await selectConnection(panel, url, i === FAILURES.length - 1 ? 'keyboard' : 'click');
    const detail = await waitUntil(
      `the Connection tab of ${failure.path} with its status`,
      () => readDetail(panel),
      (d) => d.url === url && d.httpStatus === failure.httpStatus,
    );
    expect(detail).toMatchObject({
      tab: 'connection',
      frame: null,
      reason: failure.reason,
      contentType: failure.contentType,
      framesEmpty: 'No frames: the stream failed before any event (see the Connection tab).',
    });
    expect(detail.connection).not.toBe(frameConnection);
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['failed']);
    expect(detail.attempts[0]?.text).toMatch(/failed after \d+ ms, not retried/);
    expect(detail.stateChanges.map((s) => s.replace(/^\S+ /, ''))).toEqual([
      'created (readyState CONNECTING)',
      'error, gave up (readyState CLOSED)',
    ]);
  }
});

test('a stream that failed before DevTools opened says what the page could tell', async ({
  ext,
  server,
  openPanel,
}) => {
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, ['/sse/status?code=500']));
  await page.waitForFunction(() => Object.values(window.__errors).includes(1));
  // DevTools' network log starts when DevTools opens: only the page's Resource Timing saw it.
  const panel = await openPanel(page);
  const url = `${server.origin}/sse/status?code=500`;
  await panel.waitForConnections('the failed stream', (r) => r.length === 1);
  await selectConnection(panel, url);
  const detail = await waitUntil(
    'the Connection tab with a reason',
    () => readDetail(panel),
    (d) => d.url === url && d.reason !== null,
  );
  expect(detail).toMatchObject({
    tab: 'connection',
    httpStatus: 'not reported by the browser',
    contentType: 'not reported by the browser',
  });
  // Resource Timing tells a response arrived, though Chromium withholds its status.
  expect(detail.reason).toMatch(/^The server answered, but EventSource refused the response\./);
});
