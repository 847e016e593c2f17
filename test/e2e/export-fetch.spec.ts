// Export and replay of a fetch stream in the real extension: a page POSTs a JSON body and
// reads a text/event-stream answer; the panel's JSON export carries the request, response
// head and outcome, its HAR the method and postData, and `sse-lens replay` of the JSON serves
// the same events to a POST (and 405 to a GET).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureFile } from '../../src/export/capture-types';
import type { Har } from '../../src/export/har-types';
import { parseEventStream } from '../../src/sse/parse-stream';
import { harProblems } from '../unit/export-har-check';
import { schemaErrors } from '../unit/export-schema';
import { PanelTab } from './export/panel-tab';
import { runReplay } from './export/replay-cli';
import { fetchPage, fetchRunBody, fetchRunText, waitForFetchOutcomes } from './support/fetch-page';
import { expect, test } from './support/fixtures';

test('a captured POST fetch stream exports with its request and replays to POST only', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  await page.goto(
    fetchPage(server.origin, [{ mode: 'reader', url: '/fetch/sse?count=3&interval=20&echo=1' }]),
  );
  const [run] = await waitForFetchOutcomes(page);
  const pageEvents = parseEventStream(fetchRunText(run!)).events.map((e) => [e.type, e.data]);
  expect(pageEvents.length).toBeGreaterThanOrEqual(4);

  const live = await PanelTab.open(ext, await ext.tabIdOf(page));
  await live.until(
    'the fetch stream, ended',
    () => live.connections(),
    (rows) => rows.length === 1 && rows[0]?.state === 'closed',
  );

  const [json] = await live.export('json');
  const capture = JSON.parse(json?.text ?? '') as CaptureFile;
  const [c] = capture.connections;
  expect(schemaErrors(capture)).toEqual([]);
  const body = fetchRunBody(0);
  expect(c?.request?.body).toEqual({
    text: body,
    binary: false,
    kept: body.length,
    size: body.length,
  });
  expect(c).toMatchObject({
    kind: 'fetch',
    request: { method: 'POST', credentials: 'same-origin' },
    response: { status: 200, format: 'sse', redirected: false },
    end: { outcome: 'complete', error: '' },
  });
  expect(c?.request?.headers).toContainEqual(['content-type', 'application/json']);
  const events = c?.frames.filter((f) => f.kind === undefined).map((f) => [f.type, f.data]);
  expect(events).toEqual(pageEvents);

  const [harFile] = await live.export('har');
  const har = JSON.parse(harFile?.text ?? '') as Har;
  expect(harProblems(har)).toEqual([]);
  expect(har.log.entries[0]?.request).toMatchObject({
    method: 'POST',
    postData: { mimeType: 'application/json' },
  });
  expect(har.log.entries[0]?._eventSourceMessages.map((m) => [m.eventName, m.data])).toEqual(
    pageEvents,
  );

  const dir = await mkdtemp(join(tmpdir(), 'sse-lens-fetch-replay-'));
  const path = join(dir, json?.name ?? 'capture.json');
  await writeFile(path, json?.text ?? '');
  const replay = await runReplay(path, ['--speed', '4']);
  try {
    const [url] = replay.urls;
    const res = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(parseEventStream(await res.text()).events.map((e) => [e.type, e.data])).toEqual(
      pageEvents,
    );
    const get = await fetch(url ?? '');
    expect(get.status).toBe(405);
    expect(await get.text()).toContain('send POST, not GET');
  } finally {
    await replay.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
