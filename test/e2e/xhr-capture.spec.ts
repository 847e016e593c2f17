// XMLHttpRequest streams captured through the real DevTools panel: an XHR event stream and an
// NDJSON XHR are `xhr` connections whose frames are what the page's responseText held, an
// abort() mid-stream closes the connection, a plain JSON XHR never shows, and page code
// observes XHR exactly as in the same Chromium without the extension. A fetch() stream,
// which shares the recorder, is checked the same way.
import { chromium } from '@playwright/test';
import { createWireDecoder } from '../../src/sse/wire-decoder';
import { chromePath, QUIET_FLAGS } from './support/chromium';
import { fetchPage, fetchRunText, waitForFetchOutcomes, type FetchRun } from './support/fetch-page';
import { expect, test } from './support/fixtures';
import type { FrameRow, PanelView } from './support/panel-view';
import { xhrProbe, type XhrProbeRequest, type XhrProbeResult } from './support/xhr-probe';

/** The frames the panel must show for what a run received: the text decoded as `format`. */
function expectedFrames(run: FetchRun, format: 'sse' | 'ndjson') {
  const decoder = createWireDecoder(format);
  return [...decoder.push(fetchRunText(run)), ...decoder.end()].map((f) => ({
    type: f.type,
    eventId: f.id,
    data: f.data,
  }));
}

/** Each frame row as type, id and whether its text ends with the expected data. */
async function framesMatch(panel: PanelView, expected: ReturnType<typeof expectedFrames>) {
  const rows: FrameRow[] = await panel.frames();
  expect(rows).toHaveLength(expected.length);
  rows.forEach((row, i) => {
    const want = expected[i] as (typeof expected)[number];
    expect({ type: row.type, eventId: row.eventId }).toEqual({
      type: want.type,
      eventId: want.eventId,
    });
    expect(row.text.endsWith(want.data), `row ${i} "${row.text}" ends with "${want.data}"`).toBe(
      true,
    );
  });
}

test('an XHR POST event stream is an xhr connection whose frames are what the page read', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = '/fetch/sse?count=5&interval=30&echo=1';
  await page.goto(fetchPage(server.origin, [{ mode: 'xhr', url }]));
  const [run] = await waitForFetchOutcomes(page);
  expect(run).toMatchObject({ status: 200, outcome: { kind: 'done' } });

  const rows = await panel.waitForConnections(
    'one closed xhr connection',
    (r) => r.length === 1 && r[0]?.state === 'closed',
  );
  expect(rows[0]).toMatchObject({ url: `${server.origin}${url}`, kind: 'xhr' });
  const expected = expectedFrames(run as FetchRun, 'sse');
  // Not vacuous: the echo event carries the POSTed body, and five events follow it.
  expect(expected.filter((f) => f.type === 'echo')).toEqual([
    { type: 'echo', eventId: '', data: JSON.stringify({ prompt: 'hello', run: 0 }) },
  ]);
  expect(expected.filter((f) => f.eventId !== '').map((f) => f.eventId)).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
  ]);
  await panel.waitForFrameCount(expected.length);
  await framesMatch(panel, expected);
});

test('a fetch() event stream read by a reader still shows, through the same recorder', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = '/fetch/sse?count=3&interval=30&echo=1';
  await page.goto(fetchPage(server.origin, [{ mode: 'reader', url }]));
  const [run] = await waitForFetchOutcomes(page);
  const rows = await panel.waitForConnections(
    'one closed fetch connection',
    (r) => r.length === 1 && r[0]?.state === 'closed',
  );
  expect(rows[0]).toMatchObject({ url: `${server.origin}${url}`, kind: 'fetch' });
  const expected = expectedFrames(run as FetchRun, 'sse');
  expect(expected.filter((f) => f.eventId !== '')).toHaveLength(3);
  await panel.waitForFrameCount(expected.length);
  await framesMatch(panel, expected);
});

test('an NDJSON XHR shows one frame per line; a plain JSON XHR never appears', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const ndjson = '/fetch/ndjson?count=4&interval=30';
  await page.goto(
    fetchPage(server.origin, [
      { mode: 'xhr', url: '/fetch/json' },
      { mode: 'xhr', url: ndjson },
      { mode: 'xhr', url: '/fetch/json' },
    ]),
  );
  const [json, lines] = await waitForFetchOutcomes(page);
  expect(json).toMatchObject({ status: 200, chunks: ['{"ok":true,"items":[1,2,3]}'] });
  const rows = await panel.waitForConnections(
    'the NDJSON connection, closed',
    (r) => r.length === 1 && r[0]?.state === 'closed',
  );
  expect(rows[0]).toMatchObject({ url: `${server.origin}${ndjson}`, kind: 'xhr' });
  const expected = expectedFrames(lines as FetchRun, 'ndjson');
  expect(expected.map((f) => f.data)).toEqual(
    [1, 2, 3, 4].map((n) => JSON.stringify({ n, text: `line ${n}` })),
  );
  await panel.waitForFrameCount(4);
  await framesMatch(panel, expected);
  // The JSON requests finished first and second-to-last: had either been captured, it would be listed.
  expect(await panel.connections()).toHaveLength(1);
});

test('abort() mid-stream closes the xhr connection after the frames the page had', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = '/fetch/sse?count=5&interval=2000&echo=1';
  const probe: XhrProbeRequest[] = [
    { name: 'aborted', method: 'POST', url, abortAfterFirstText: true },
  ];
  const result = await page.evaluate(xhrProbe, probe);
  const aborted = (result.requests as Record<string, { log: string[] }>)['aborted'];
  expect(aborted?.log.slice(-4)).toEqual([
    'readystatechange:4:0',
    'abort:4:0',
    'loadend:4:0',
    'after abort():0:0:""',
  ]);
  const rows = await panel.waitForConnections(
    'the aborted connection, closed',
    (r) => r.length === 1 && r[0]?.state === 'closed',
  );
  expect(rows[0]).toMatchObject({
    url: `${server.origin}${url}`,
    kind: 'xhr',
    method: 'POST',
    outcome: 'aborted',
    badge: 'aborted',
  });
  // The first text held the retry field, the comment and perhaps the echo; event 1 comes 2 s
  // later, after the abort.
  const frames = await panel.frames();
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.map((f) => f.eventId)).not.toContain('1');
  await expect.poll(() => server.stats().openStreams).toBe(0);
});

const PROBE: XhrProbeRequest[] = [
  { name: 'sse', method: 'POST', url: '/fetch/sse?count=4&interval=100&echo=1' },
  { name: 'ndjson', method: 'GET', url: '/fetch/ndjson?count=3&interval=100' },
  { name: 'json', method: 'GET', url: '/fetch/json' },
  { name: 'text', method: 'POST', url: '/fetch/sse?count=2&interval=50', responseType: 'text' },
  {
    name: 'arraybuffer',
    method: 'POST',
    url: '/fetch/sse?count=2&interval=50',
    responseType: 'arraybuffer',
  },
  { name: 'jsonType', method: 'GET', url: '/fetch/json', responseType: 'json' },
  { name: 'http500', method: 'POST', url: '/fetch/status?code=500' },
  { name: 'cut', method: 'GET', url: '/fetch/cut?count=2&interval=0' },
  {
    name: 'abort',
    method: 'POST',
    url: '/fetch/sse?count=5&interval=300',
    abortAfterFirstText: true,
  },
  { name: 'timeout', method: 'GET', url: '/fetch/hold?key=xhr-timeout', timeout: 300 },
  { name: 'sync', method: 'GET', url: '/fetch/sse?count=2&interval=0', sync: true },
  { name: 'mislabelled', method: 'GET', url: '/fetch/mislabelled' },
];

test('page code observes XMLHttpRequest exactly as without the extension', async ({
  ext,
  server,
  openPanel,
}) => {
  const plain = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
  let native: XhrProbeResult;
  try {
    const page = await plain.newPage();
    await page.goto(`${server.origin}/blank`);
    native = await page.evaluate(xhrProbe, PROBE);
  } finally {
    await plain.close();
  }
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/blank`);
  const hooked = await page.evaluate(xhrProbe, PROBE);
  expect(hooked).toEqual(native);

  // Not vacuous: the hook was in place and captured the probe's streams, and only those.
  const panel = await openPanel(page);
  const rows = await panel.waitForConnections(
    'the ten probe streams, closed',
    (r) => r.length === 10 && r.every((row) => row.state === 'closed'),
  );
  expect(rows.every((r) => r.kind === 'xhr')).toBe(true);
  expect(rows.map((r) => new URL(r.url).pathname).sort()).toEqual(
    [
      ...['sse', 'text', 'arraybuffer', 'abort', 'sync'].map(() => '/fetch/sse'),
      '/fetch/ndjson',
      '/fetch/status',
      '/fetch/cut',
      '/fetch/hold',
      '/fetch/mislabelled',
    ].sort(),
  );
});

test('the hook reads no XMLHttpRequest or EventTarget member the page replaced', async ({
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = '/fetch/sse?count=3&interval=30';
  const seen = await page.evaluate(async (path) => {
    const proto = XMLHttpRequest.prototype;
    const calls: string[] = [];
    const originals = new Map<string, PropertyDescriptor>();
    let pageReading = false;
    const spy = (target: object, name: string) => {
      const d = Object.getOwnPropertyDescriptor(target, name) as PropertyDescriptor;
      originals.set(name, d);
      const note = () => {
        if (!pageReading) calls.push(name);
      };
      if (d.get) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the page's `this`
        const get = d.get;
        Object.defineProperty(target, name, {
          ...d,
          get() {
            note();
            return get.call(this) as unknown;
          },
        });
      } else {
        const fn = d.value as (...a: unknown[]) => unknown;
        Object.defineProperty(target, name, {
          ...d,
          value(this: unknown, ...args: unknown[]) {
            note();
            return fn.apply(this, args);
          },
        });
      }
    };
    for (const name of [
      'readyState',
      'status',
      'statusText',
      'responseURL',
      'responseType',
      'responseText',
      'response',
      'withCredentials',
      'getResponseHeader',
      'getAllResponseHeaders',
    ]) {
      spy(proto, name);
    }
    spy(EventTarget.prototype, 'addEventListener');
    spy(EventTarget.prototype, 'removeEventListener');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/json');
    const text = await new Promise<string>((resolve) => {
      xhr.onloadend = () => {
        pageReading = true;
        resolve(xhr.responseText);
      };
      xhr.send('{"hostile":true}');
    });
    return { calls, text };
  }, url);
  expect(seen.calls).toEqual([]);
  expect(seen.text).toContain('data: line 1 of 3');
  await panel.waitForConnections(
    'the xhr stream, closed',
    (r) => r.length === 1 && r[0]?.kind === 'xhr' && r[0]?.state === 'closed',
  );
  const decoder = createWireDecoder('sse');
  const expected = [...decoder.push(seen.text), ...decoder.end()];
  await panel.waitForFrameCount(expected.length);
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(expected.map((f) => f.id));
});
