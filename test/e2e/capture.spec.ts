// What the panel shows for real streams: frames, named events, order, reconnects, and
// streams that started before DevTools was opened.
import { expect, test } from './support/fixtures';
import { FAILED_STREAMS, NAMED_EVENTS, RECONNECT } from '../support/panel-scenarios';
import { testPage, waitForReceived } from './support/pages';

test('frames and listened named events show up in order with the right counts', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch(NAMED_EVENTS.streams, NAMED_EVENTS.listen);
  const received = await waitForReceived(page, 4);
  await panel.waitForFrameCount(4);
  const [conn] = await panel.waitForConnections(
    'one open connection',
    (rows) => rows.length === 1 && rows[0]?.state === 'open' && rows[0].frames === 4,
  );
  expect(conn).toMatchObject({ kind: 'eventsource', retries: 0 });
  expect(conn?.url).toBe(`${server.origin}${NAMED_EVENTS.streams[0]}`);
  const frames = await panel.frames();
  expect(frames.map((f) => [f.type, f.eventId])).toEqual(NAMED_EVENTS.frames);
  expect(received.map((r) => [r.type, r.lastEventId])).toEqual(
    frames.map((f) => [f.type, f.eventId]),
  );
  await expect.poll(() => server.stats().eventsSent[NAMED_EVENTS.key]).toBe(NAMED_EVENTS.sent);
});

test('a stream opened before DevTools was opened is shown in full', async ({
  ext,
  server,
  openPanel,
}) => {
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, ['/sse/counter?count=5&interval=10&key=late']));
  await waitForReceived(page, 5);
  const panel = await openPanel(page);
  await panel.waitForFrameCount(5);
  const rows = await panel.waitForConnections('the early connection', (r) => r.length === 1);
  expect(rows[0]).toMatchObject({ state: 'open', frames: 5 });
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(['1', '2', '3', '4', '5']);
});

test('a server-closed stream shows as a retry that carries Last-Event-ID', async ({
  server,
  watch,
}) => {
  const { panel } = await watch(RECONNECT.streams);
  const [row] = await panel.waitForConnections(
    'a reconnected stream',
    (rows) =>
      rows.length === 1 &&
      rows[0]?.retries === 1 &&
      rows[0].frames === 4 &&
      rows[0].state === 'open',
  );
  expect(row?.state).toBe('open');
  const reconnects = server.stats().requests.filter((r) => r.path === RECONNECT.path);
  expect(reconnects.map((r) => r.lastEventId)).toEqual(RECONNECT.lastEventIds);
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(RECONNECT.eventIds);
});

test('streams opened in iframes (srcdoc and same-origin) are captured', async ({
  server,
  watch,
}) => {
  const { page, panel } = await watch([]);
  await page.evaluate((origin) => {
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = `<script>new EventSource('${origin}/sse/counter?count=2&interval=10&key=if1')
      .onmessage = () => {};</script>`;
    document.body.append(srcdoc);
    const sameOrigin = document.createElement('iframe');
    sameOrigin.src = `/page?open=${encodeURIComponent('/sse/counter?count=3&interval=10&key=if2')}`;
    document.body.append(sameOrigin);
  }, server.origin);
  const rows = await panel.waitForConnections(
    'both iframe streams',
    (r) => r.length === 2 && r[0]!.frames + r[1]!.frames === 5,
  );
  expect(rows.map((r) => [r.url, r.frames]).sort()).toEqual([
    [`${server.origin}/sse/counter?count=2&interval=10&key=if1`, 2],
    [`${server.origin}/sse/counter?count=3&interval=10&key=if2`, 3],
  ]);
});

test('failed streams (204, 500, wrong content type) show as closed without retries', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const streams = FAILED_STREAMS;
  await page.goto(testPage(server.origin, streams));
  const rows = await panel.waitForConnections(
    'three failed connections',
    (r) => r.length === 3 && r.every((c) => c.state === 'closed'),
  );
  expect(rows.map((r) => [r.url, r.retries, r.frames]).sort()).toEqual(
    streams.map((s) => [`${server.origin}${s}`, 0, 0]).sort(),
  );
  expect(await page.evaluate(() => Object.values(window.__errors))).toEqual([1, 1, 1]);
});

test('a stream that failed and closed before DevTools was opened is shown', async ({
  ext,
  server,
  openPanel,
}) => {
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, ['/sse/status?code=204']));
  await page.waitForFunction(() => Object.values(window.__errors).includes(1));
  // Its document has no live stream left, so its content script holds no port: opening the
  // panel has to wake it.
  const panel = await openPanel(page);
  const [row] = await panel.waitForConnections('the failed stream', (r) => r.length === 1);
  expect(row).toMatchObject({ url: `${server.origin}/sse/status?code=204`, state: 'closed' });
});
