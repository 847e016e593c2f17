// fetch() streams in real Chromium, read from the real SSE panel: every way a page reads a
// body (reader, text(), pipeThrough, async iteration), every way one ends (complete, aborted,
// cancelled, socket destroyed, HTTP error), the three framings (SSE, NDJSON, Connect), a
// redirect, a mislabelled stream, a plain JSON fetch that must not appear, a 10 MB stream,
// and the request the page made, shown in the Request tab.
import type { Page } from '@playwright/test';
import { LIMITS } from '../../src/protocol/constants';
import { parseEventStream } from '../../src/sse/parse-stream';
import {
  CANCELLED_BODIES,
  FETCH_PILE_UP,
  fetchSseFrames as sseFrames,
} from '../support/panel-scenarios';
import {
  FETCH_ABORT_REASON,
  FETCH_RUN_HEADER,
  fetchPage,
  fetchRunBody,
  waitForFetchOutcomes,
  type FetchRunSpec,
} from './support/fetch-page';
import { expect, test } from './support/fixtures';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';
import { readRequest } from './support/request-view';

/** Opens the fetch page with DevTools on the SSE panel, and waits for every run to end. */
async function run(
  blankPanel: () => Promise<{ page: Page; panel: PanelView }>,
  origin: string,
  runs: FetchRunSpec[],
) {
  const { page, panel } = await blankPanel();
  await page.goto(fetchPage(origin, runs));
  const results = await waitForFetchOutcomes(page);
  return { page, panel, results };
}

test('a POST fetch read with a reader: every field on the wire, the request and the response', async ({
  server,
  blankPanel,
}) => {
  const path = '/fetch/sse?count=4&interval=10&key=reader';
  const { panel, results } = await run(blankPanel, server.origin, [{ mode: 'reader', url: path }]);
  expect(results[0]?.outcome).toEqual({ kind: 'done' });
  const url = `${server.origin}${path}`;
  const [row] = await panel.waitForConnections(
    'the fetch stream, closed with all its frames',
    (r) => r.length === 1 && r[0]?.state === 'closed' && r[0].frames === 6,
  );
  expect(row).toMatchObject({ url, kind: 'fetch', method: 'POST', status: '200', format: 'sse' });
  expect(row?.outcome).toBe('complete');
  const frames = await panel.frames();
  expect(
    frames.map((f) => ({ kind: f.kind, type: f.type, eventId: f.eventId, data: f.data })),
  ).toEqual(sseFrames(4));
  expect(frames.every((f) => f.source === 'wire')).toBe(true);

  const request = await readRequest(panel, url, (v) => v.outcome === 'complete');
  expect(request.method).toBe('POST');
  expect(request.requestHeaders).toContainEqual([FETCH_RUN_HEADER, '0']);
  expect(request.requestHeaders).toContainEqual(['content-type', 'application/json']);
  expect(request.bodyKind).toBe('json');
  expect(JSON.parse(request.body)).toEqual(JSON.parse(fetchRunBody(0)));
  expect(request.bodySize).toBe(String(new TextEncoder().encode(fetchRunBody(0)).length));
  expect(request.status).toBe('200');
  expect(request.responseHeaders.find(([n]) => n === 'content-type')?.[1]).toMatch(
    /^text\/event-stream/,
  );
  expect(Number(request.timeToFirstFrame)).toBeGreaterThanOrEqual(0);
  // What the server received is what the panel says the page sent.
  // (The server's log spans the suite: the newest POST of run 0 to /fetch/sse is this one.)
  const sent = server
    .stats()
    .requests.filter((r) => r.path === '/fetch/sse' && r.headers[FETCH_RUN_HEADER] === '0')
    .at(-1);
  expect(sent?.body?.text).toBe(fetchRunBody(0));
});

test('text(), pipeThrough and async iteration are captured the same', async ({
  server,
  blankPanel,
}) => {
  const modes = ['text', 'pipe', 'iterate'] as const;
  const runs = modes.map((mode) => ({ mode, url: `/fetch/sse?count=3&interval=5&key=${mode}` }));
  const { panel, results } = await run(blankPanel, server.origin, runs);
  expect(results.map((r) => r.outcome)).toEqual(modes.map(() => ({ kind: 'done' })));
  await panel.waitForConnections(
    'three closed fetch streams of five frames',
    (r) => r.length === 3 && r.every((c) => c.state === 'closed' && c.frames === 5),
  );
  const frames = await panel.frames();
  expect(frames).toHaveLength(15);
  expect(frames.filter((f) => f.kind === 'event')).toHaveLength(9);
});

test('aborted, cancelled, socket destroyed, HTTP 500: each ends as it did in the page', async ({
  server,
  blankPanel,
}) => {
  const runs: FetchRunSpec[] = [
    { mode: 'abort', url: '/fetch/sse?count=20&interval=100&key=abort' },
    { mode: 'cancel', url: '/fetch/sse?count=20&interval=100&key=cancel' },
    { mode: 'reader', url: '/fetch/cut?count=3&interval=10' },
    { mode: 'reader', url: '/fetch/status?code=500&count=2' },
  ];
  const { panel, results } = await run(blankPanel, server.origin, runs);
  expect(results.map((r) => r.outcome?.kind)).toEqual(['error', 'cancelled', 'error', 'done']);
  const rows = await panel.waitForConnections(
    'four closed fetch streams',
    (r) => r.length === 4 && r.every((c) => c.state === 'closed'),
  );
  const byPath = (p: string) => rows.find((r) => r.url === `${server.origin}${p}`);
  expect(byPath(runs[0]!.url)).toMatchObject({ outcome: 'aborted', badge: 'aborted' });
  expect(byPath(runs[1]!.url)).toMatchObject({ outcome: 'cancelled', badge: 'cancelled' });
  expect(byPath(runs[2]!.url)).toMatchObject({ outcome: 'network-error', badge: 'network error' });
  expect(byPath(runs[3]!.url)).toMatchObject({
    outcome: 'http-error',
    status: '500',
    badge: 'HTTP 500',
  });

  // The event the socket cut off is kept, marked as never terminated.
  // Read before a row is selected: selecting one narrows the frames table to it.
  const frames = await panel.frames();
  const partial = frames.find((f) => f.data.includes('PARTIAL'));
  expect(partial?.note).toMatch(/^unterminated/);
  const errorStream = frames.filter((f) => f.data.startsWith('error event'));
  expect(errorStream).toHaveLength(2);

  const aborted = await readRequest(panel, `${server.origin}${runs[0]!.url}`);
  expect(aborted.outcomeText).toContain(FETCH_ABORT_REASON);
  const cancelled = await readRequest(panel, `${server.origin}${runs[1]!.url}`);
  expect(cancelled.outcomeText).toContain('done');
  const cut = await readRequest(panel, `${server.origin}${runs[2]!.url}`);
  expect(cut.outcomeText).toMatch(/Network error: TypeError/);
});

test('streams that ended before DevTools opened show every frame, parsed when the panel asks', async ({
  ext,
  server,
  openPanel,
}) => {
  // No panel watches while they run, so the content script holds their bodies unparsed.
  const page = await ext.context.newPage();
  await page.goto(
    fetchPage(server.origin, [
      { mode: 'reader', url: '/fetch/sse?count=4&interval=5&key=unwatched' },
      { mode: 'reader', url: '/fetch/ndjson?count=4&interval=5&bad=3&key=unwatched' },
    ]),
  );
  const results = await waitForFetchOutcomes(page);
  expect(results.map((r) => r.outcome)).toEqual([{ kind: 'done' }, { kind: 'done' }]);
  const panel = await openPanel(page);
  const rows = await panel.waitForConnections(
    'both streams closed, with all their frames',
    (r) => r.length === 2 && r.every((c) => c.state === 'closed') && r.every((c) => c.frames > 0),
  );
  expect(rows.map((r) => [r.format, r.frames]).sort()).toEqual([
    ['ndjson', 4],
    ['sse', 6],
  ]);
  const frames = await panel.frames();
  // NDJSON lines are events without an id; the SSE stream's events all have one.
  const sse = frames.filter((f) => f.kind !== 'event' || f.eventId !== '');
  expect(
    sse.map((f) => ({ kind: f.kind, type: f.type, eventId: f.eventId, data: f.data })),
  ).toEqual(sseFrames(4));
  expect(frames.filter((f) => f.note?.startsWith('not JSON'))).toHaveLength(1);
});

test('NDJSON lines and Connect envelopes: one frame each, bad lines and stream errors flagged', async ({
  server,
  blankPanel,
}) => {
  const runs: FetchRunSpec[] = [
    { mode: 'reader', url: '/fetch/ndjson?count=4&interval=5&bad=3' },
    { mode: 'reader', url: '/fetch/connect?count=2&interval=5&error=unavailable' },
  ];
  const { panel } = await run(blankPanel, server.origin, runs);
  const rows = await panel.waitForConnections(
    'both streams closed',
    (r) => r.length === 2 && r.every((c) => c.state === 'closed'),
  );
  expect(rows.map((r) => r.format).sort()).toEqual(['connect', 'ndjson']);
  const frames = await panel.frames();
  const ndjson = frames.filter((f) => f.data.includes('line ') || f.data.startsWith('{"n":3'));
  expect(ndjson).toHaveLength(4);
  expect(ndjson.filter((f) => f.note?.startsWith('not JSON'))).toHaveLength(1);
  const end = frames.find((f) => f.type === 'end-stream');
  expect(end?.note).toMatch(/unavailable/);
  expect(frames.filter((f) => f.data.includes('message '))).toHaveLength(2);
});

test('a redirect, a mislabelled stream shown with its warning, and a JSON fetch that never appears', async ({
  server,
  blankPanel,
}) => {
  const runs: FetchRunSpec[] = [
    { mode: 'reader', url: '/fetch/redirect?code=307&to=/fetch/sse?count=2%26interval=5' },
    { mode: 'reader', url: '/fetch/mislabelled?type=text/plain&count=2' },
    { mode: 'json', url: '/fetch/json' },
  ];
  const { panel, results } = await run(blankPanel, server.origin, runs);
  expect(results.map((r) => r.outcome)).toEqual(runs.map(() => ({ kind: 'done' })));
  const rows = await panel.waitForConnections(
    'two closed streams (the JSON fetch is not one)',
    (r) => r.length === 2 && r.every((c) => c.state === 'closed'),
  );
  expect(rows.some((r) => r.url.includes('/fetch/json'))).toBe(false);
  const mislabelled = rows.find((r) => r.url.includes('/fetch/mislabelled'));
  expect(mislabelled?.mislabelled).toBe(true);
  const view = await readRequest(panel, mislabelled!.url);
  expect(view.mislabelled).toBe(true);
  const redirected = rows.find((r) => r.url.includes('/fetch/redirect'));
  expect(redirected?.frames).toBe(4);
});

test('a 10 MB stream: every event captured, the ones over the data limit cut and counted', async ({
  server,
  blankPanel,
}) => {
  const path = '/fetch/large?mb=10';
  const { panel, results } = await run(blankPanel, server.origin, [{ mode: 'reader', url: path }]);
  expect(results[0]?.outcome).toEqual({ kind: 'done' });
  const pageText = results[0]?.chunks.join('') ?? '';
  const done = /event: done\ndata: (\{[^\n]*\})/.exec(pageText);
  const { events } = JSON.parse(done?.[1] ?? '{}') as { events: number };
  expect(events).toBeGreaterThan(20);
  const [row] = await panel.waitForConnections(
    'every event of the 10 MB stream',
    (r) => r[0]?.state === 'closed' && r[0].frames === events + 1,
    30_000,
  );
  expect(row?.outcome).toBe('complete');
  // The table renders on its own schedule: wait until it lists what the row counts.
  const frames = await waitUntil(
    'every event of the 10 MB stream in the frames table',
    () => panel.frames(),
    (f) => f.filter((x) => x.kind === 'event').length === events + 1,
  );
  // The page's own text says which events carry more data than the capture keeps.
  const over = parseEventStream(pageText).events.filter((e) => e.data.length > LIMITS.maxDataChars);
  expect(over.length).toBeGreaterThan(2);
  expect(frames.filter((f) => f.truncated).map((f) => f.eventId)).toEqual(over.map((e) => e.id));
  expect(frames.filter((f) => f.kind === 'event')).toHaveLength(events + 1);
});

test('eight fetch streams to one HTTP/1.1 origin: six open, two queued in the budget', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  await page.evaluate(FETCH_PILE_UP);
  const pools = await panel.waitForPools(
    'six open and two queued',
    (p) => p[0]?.open === 6 && p[0].queued === 2,
  );
  expect(pools).toHaveLength(1);
  const rows = await panel.waitForConnections(
    'six open fetch streams and two queued',
    (r) =>
      r.length === 8 &&
      r.filter((c) => c.state === 'open').length === 6 &&
      r.filter((c) => c.queued).length === 2,
  );
  expect(rows.every((r) => r.kind === 'fetch' && r.method === 'GET')).toBe(true);
  expect(server.stats().openStreams).toBe(6);
});

test('six cancelled fetch bodies: Chromium lets their connections go, the 7th opens', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  await page.evaluate(CANCELLED_BODIES.script);
  const [pool] = await panel.waitForPools('the seventh open', (p) => p[0]?.open === 1);
  expect(pool).toMatchObject({ open: 1, queued: 0, lingering: 0 });
  const rows = await panel.waitForConnections(
    'six cancelled rows and the seventh open',
    (r) => r.length === 7 && r[6]?.state === 'open',
  );
  expect(rows.map((r) => r.badge)).toEqual([...Array<string>(6).fill('cancelled'), 'open']);
  await expect.poll(() => server.stats().streamsByPath['/fetch/hold']).toBe(1);
  expect(server.stats().eventsSent[CANCELLED_BODIES.seventh]).toBe(1);
  expect(await panel.budgetWarning()).toBeNull();
});
