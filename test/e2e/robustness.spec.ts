// Nothing captured is lost and nothing forged gets in: service-worker restarts, DevTools
// closed and reopened, reloads with and without "preserve log", page-forged records, floods
// and gigantic events.
import { stopServiceWorker } from './support/chromium';
import { expect, test } from './support/fixtures';
import { RELOADED_STREAM } from '../support/panel-scenarios';
import { testPage, waitForReceived } from './support/pages';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

test('records injected by page script are rejected', async ({ ext, server, openPanel }) => {
  const page = await ext.context.newPage();
  await page.goto(testPage(server.origin, ['/sse/counter?count=2&interval=10&key=f1']));
  const panel = await openPanel(page);
  await panel.waitForFrameCount(2);
  await page.evaluate(() => {
    const forged = {
      v: 1,
      type: 'records',
      dropped: 0,
      records: [
        {
          kind: 'connection',
          conn: 99,
          t: 1,
          url: 'http://forged.invalid/',
          withCredentials: false,
          frameUrl: '',
          stack: '',
        },
        {
          kind: 'event',
          conn: 99,
          t: 2,
          type: 'message',
          data: 'FORGED',
          lastEventId: '1',
          origin: '',
        },
      ],
    };
    window.postMessage(forged, '*');
    const channel = new MessageChannel();
    window.postMessage({ source: 'sse-lens/handshake' }, '*', [channel.port2]);
    channel.port1.postMessage(forged);
    document.dispatchEvent(new CustomEvent('sse-lens', { detail: forged }));
    // A synthetic (untrusted) event dispatched on a real connection is not a frame either.
    window.__sources[0]?.dispatchEvent(new MessageEvent('message', { data: 'FORGED' }));
    // A marker stream opened after the forgeries: once it shows, they had their chance.
    new EventSource('/sse/counter?count=1&interval=10&key=f2').onmessage = () => {};
  });
  const rows = await panel.waitForConnections('the marker stream', (r) => r.length === 2);
  expect(rows.map((r) => r.url).sort()).toEqual([
    `${server.origin}/sse/counter?count=1&interval=10&key=f2`,
    `${server.origin}/sse/counter?count=2&interval=10&key=f1`,
  ]);
  await panel.waitForFrameCount(3);
  const frames = await panel.frames();
  expect(frames).toHaveLength(3);
  expect(frames.some((f) => f.text.includes('FORGED'))).toBe(false);
});

test('a service-worker restart loses nothing and duplicates nothing', async ({ ext, watch }) => {
  const { page, panel } = await watch(['/sse/counter?count=30&interval=40&key=sw']);
  await panel.waitForConnections('a few frames', (r) => (r[0]?.frames ?? 0) >= 5);
  await stopServiceWorker(ext);
  await panel.waitForFrameCount(30);
  await waitForReceived(page, 30);
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(ids(30));
  const [row] = await panel.connections();
  expect(row).toMatchObject({ frames: 30, state: 'open' });
});

test('DevTools closed and reopened shows everything captured meanwhile', async ({
  watch,
  openPanel,
}) => {
  const { page, panel: first } = await watch(['/sse/counter?count=12&interval=50&key=dt']);
  await first.waitForConnections('some frames', (r) => (r[0]?.frames ?? 0) >= 2);
  await first.devtools.close();
  await waitForReceived(page, 12);
  const second = await openPanel(page);
  await second.waitForFrameCount(12);
  expect((await second.frames()).map((f) => f.eventId)).toEqual(ids(12));
});

test('reload clears the view unless preserve log is on', async ({ ext, server, openPanel }) => {
  const page = await ext.context.newPage();
  const url = testPage(server.origin, RELOADED_STREAM.streams);
  await page.goto(url);
  const panel = await openPanel(page);
  await panel.waitForFrameCount(3);
  await page.reload();
  await waitForReceived(page, 3);
  await panel.waitForConnections(
    'only the reloaded page',
    (r) => r.length === 1 && r[0]?.frames === 3,
  );
  await panel.waitForFrameCount(3);

  await panel.click('preserve-log');
  await page.reload();
  await waitForReceived(page, 3);
  const rows = await panel.waitForConnections(
    'both loads with all their frames',
    (r) => r.length === 2 && r.every((c) => c.frames === 3),
  );
  expect(rows.map((r) => r.frames)).toEqual([3, 3]);
  await panel.waitForFrameCount(6);
});

test('a flood reaches both the page and the panel in full', async ({ server, watch }) => {
  const { page, panel } = await watch(['/sse/fast?count=5000&size=100&key=flood']);
  const received = await waitForReceived(page, 5000);
  expect(received).toHaveLength(5000);
  await panel.waitForFrameCount(5000, 30_000);
  const [row] = await panel.connections();
  expect(row?.frames).toBe(5000);
  expect(server.stats().eventsSent['flood']).toBe(5000);
});

test('a gigantic event is truncated with its true size shown, and nothing after it is lost', async ({
  watch,
}) => {
  const { page, panel } = await watch(['/sse/large?size=3000000&key=big']);
  const received = await waitForReceived(page, 2);
  expect(received[0]?.data.length).toBe(3_000_000);
  await panel.waitForFrameCount(2);
  const frames = await panel.frames();
  expect(frames[0]?.text).toMatch(/truncated/i);
  expect(frames[1]?.text).toContain('after-large');
  const [row] = await panel.connections();
  expect(row?.frames).toBe(2);
});
