// The fetch test page itself, in plain Chromium without the extension: each mode reads its
// stream the way it says and records what it saw, so the capture tests can trust its globals
// as the page's view to compare the panel with.
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromePath, QUIET_FLAGS } from './support/chromium';
import {
  FETCH_ABORT_REASON,
  FETCH_RUN_HEADER,
  fetchPage,
  fetchRunBody,
  fetchRunText,
  waitForFetchOutcomes,
  waitForFetchRuns,
} from './support/fetch-page';
import { expect, test } from './support/fixtures';

let browser: Browser;
let page: Page;

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
});
test.afterAll(async () => {
  await browser.close();
});
test.beforeEach(async ({ server }) => {
  server.reset();
  page = await browser.newPage();
});
test.afterEach(async () => {
  await page.close();
});

test('reader, text, pipe, iterate and xhr POST their body and read the whole stream', async ({
  server,
}) => {
  const url = '/fetch/sse?count=3&interval=0&echo=1';
  const modes = ['reader', 'text', 'pipe', 'iterate', 'xhr'] as const;
  await page.goto(
    fetchPage(
      server.origin,
      modes.map((mode) => ({ mode, url })),
    ),
  );
  const runs = await waitForFetchOutcomes(page);

  expect(runs.map((run) => [run.mode, run.status, run.outcome])).toEqual(
    modes.map((mode) => [mode, 200, { kind: 'done' }]),
  );
  runs.forEach((run, i) => {
    const text = fetchRunText(run);
    expect(text).toContain(`event: echo\ndata: ${fetchRunBody(i)}\n\n`);
    expect(text).toMatch(/data: line 1 of 3\ndata: line 2 of 3\ndata: line 3 of 3\n\n$/);
  });
  const posts = server.stats().requests.filter((r) => r.path === '/fetch/sse');
  expect(posts).toHaveLength(modes.length);
  for (const post of posts) {
    const index = Number(post.headers[FETCH_RUN_HEADER]);
    expect(post).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { text: fetchRunBody(index), truncated: false },
    });
  }
  expect(posts.map((post) => post.headers[FETCH_RUN_HEADER]).sort()).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
  ]);
});

test('abort and cancel stop after the first chunk with what the page passed', async ({
  server,
}) => {
  const url = '/fetch/sse?count=5&interval=2000';
  await page.goto(
    fetchPage(server.origin, [
      { mode: 'abort', url },
      { mode: 'cancel', url },
    ]),
  );
  const [aborted, cancelled] = await waitForFetchOutcomes(page);
  expect(aborted?.chunks).toHaveLength(1);
  expect(aborted?.outcome).toEqual({ kind: 'error', name: 'string', message: FETCH_ABORT_REASON });
  expect(cancelled?.chunks).toHaveLength(1);
  expect(cancelled?.outcome).toEqual({ kind: 'cancelled' });
  await expect.poll(() => server.stats().openStreams).toBe(0);
});

test('json, an HTTP 500 stream, a 307 redirect and a cut body, as the page sees them', async ({
  server,
}) => {
  await page.goto(
    fetchPage(server.origin, [
      { mode: 'json', url: '/fetch/json' },
      { mode: 'reader', url: '/fetch/status?code=500' },
      { mode: 'reader', url: '/fetch/redirect?code=307&to=%2Ffetch%2Fsse%3Fcount%3D1%26echo%3D1' },
      { mode: 'reader', url: '/fetch/cut?count=2&interval=0' },
      { mode: 'xhr', url: '/fetch/cut?count=2&interval=0' },
    ]),
  );
  const [json, status, redirect, cut, xhrCut] = await waitForFetchOutcomes(page);
  expect(json).toMatchObject({ status: 200, chunks: ['{"ok":true,"items":[1,2,3]}'] });
  expect(status).toMatchObject({ status: 500, outcome: { kind: 'done' } });
  expect(fetchRunText(status!)).toContain('data: error event 3\n\n');
  expect(redirect?.responseUrl).toBe(`${server.origin}/fetch/sse?count=1&echo=1`);
  expect(fetchRunText(redirect!)).toContain(`data: ${fetchRunBody(2)}\n\n`);
  expect(cut?.outcome).toMatchObject({ kind: 'error', name: 'TypeError' });
  expect(fetchRunText(cut!)).toContain('data: ok 2\n\n');
  expect(xhrCut?.outcome).toEqual({ kind: 'error', name: 'error', message: '' });
});

test('eight held fetch streams to one HTTP/1.1 origin: six open, two queued', async ({
  server,
}) => {
  const runs = Array.from({ length: 8 }, (_, i) => ({
    mode: 'reader' as const,
    url: `/fetch/hold?key=fh-${i}`,
  }));
  await page.goto(fetchPage(server.origin, runs));
  await expect.poll(() => server.stats().openStreams).toBe(6);
  const seen = await waitForFetchRuns(
    page,
    'six runs with a response',
    (r) => r.filter((run) => run.status === 200).length === 6,
  );
  expect(seen.filter((run) => run.status === null)).toHaveLength(2);
  expect(server.stats().streamsByPath).toEqual({ '/fetch/hold': 6 });
  await page.close();
  await expect.poll(() => server.stats().openStreams).toBe(0);
  page = await browser.newPage();
});
