// Export, import and replay in the real extension: streams captured live are exported from
// the panel in each format (real downloads), imported back, loaded by Chrome DevTools' own
// HAR code, replayed by `sse-lens replay` and captured again; redaction and hostile files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureFile } from '../../src/export/capture-types';
import { harProblems } from '../unit/export-har-check';
import { schemaErrors } from '../unit/export-schema';
import { chromeImport, chromeReexport, openDevToolsFrontEnd } from './export/chrome-devtools-har';
import { NO_TAB, PanelTab, type TabConnection, type TabFrame } from './export/panel-tab';
import { runReplay } from './export/replay-cli';
import { expect, test } from './support/fixtures';
import { EXPORT_CAPTURE } from '../support/panel-scenarios';
import { waitForReceived } from './support/pages';

/** Frames grouped by connection URL, in order, without the clock column. */
function byConnection(frames: TabFrame[], rename: (url: string) => string = (u) => u) {
  const groups: Record<string, [string, string, string][]> = {};
  for (const f of frames) (groups[rename(f.url)] ??= []).push([f.type, f.id, f.data]);
  return groups;
}

const withoutImport = (rows: TabConnection[]) => rows.map(({ imported: _imported, ...r }) => r);
/** Live rows as their import shows them: a capture is a record of the past, all of it ended. */
const asImported = (rows: TabConnection[]) =>
  withoutImport(rows).map((r) => ({ ...r, state: 'closed' }));

test('each export format imports back to the same connections and frames', async ({
  ext,
  watch,
}) => {
  const { page } = await watch(EXPORT_CAPTURE.streams, EXPORT_CAPTURE.listen);
  await waitForReceived(page, EXPORT_CAPTURE.frames);
  const live = await PanelTab.open(ext, await ext.tabIdOf(page));
  const rows = await live.until(
    'the live capture',
    () => live.connections(),
    (r) => r.length === 3 && r.reduce((n, c) => n + c.frames, 0) === 11 && r[1]?.retries === 1,
  );
  const frames = await live.frames();
  expect(frames).toHaveLength(11);
  const viewer = await PanelTab.open(ext, NO_TAB);

  // SSE Lens JSON: valid against the schema; imports to identical rows, clock times included.
  const [json] = await live.export('json');
  expect(json?.name).toMatch(/^sse-lens-127\.0\.0\.1_\d+-.*\.json$/);
  const capture = JSON.parse(json?.text ?? '') as CaptureFile;
  expect(schemaErrors(capture)).toEqual([]);
  const fromJson = await viewer.import(json?.name ?? '', json?.text ?? '');
  expect(fromJson.ok).toBe(true);
  expect(fromJson.text).toContain(EXPORT_CAPTURE.imported);
  const imported = await viewer.connections();
  expect(imported.every((r) => r.imported === json?.name)).toBe(true);
  expect(withoutImport(imported)).toEqual(asImported(rows));
  expect(byConnection(await viewer.frames())).toEqual(byConnection(frames));
  expect((await viewer.frames()).map((f) => f.time).sort()).toEqual(
    frames.map((f) => f.time).sort(),
  );

  // Re-exporting the imported capture gives the same capture, marked as imported.
  const [again] = await viewer.export('json');
  const reexported = JSON.parse(again?.text ?? '') as CaptureFile;
  expect(reexported.connections.map(({ imported: _i, ...c }) => c)).toEqual(capture.connections);
  expect(reexported.connections[0]?.imported).toMatchObject({
    name: json?.name,
    format: 'sse-lens-json',
  });

  // HAR: what Chrome and HAR 1.2 require; imports back to identical rows.
  await viewer.clear();
  const [harFile] = await live.export('har');
  const har: unknown = JSON.parse(harFile?.text ?? '');
  expect(harProblems(har)).toEqual([]);
  expect((await viewer.import(harFile?.name ?? '', harFile?.text ?? '')).ok).toBe(true);
  expect(withoutImport(await viewer.connections())).toEqual(asImported(rows));
  expect(byConnection(await viewer.frames())).toEqual(byConnection(frames));

  // Chrome DevTools' own HAR importer reads our HAR: one request per attempt, our frames as
  // its EventSource messages. Its HAR writer's output imports back to the same connections.
  const devtools = await openDevToolsFrontEnd(ext.context);
  const requests = await chromeImport(devtools, har);
  expect(requests.map((r) => r.resourceType)).toEqual([
    'eventsource',
    'eventsource',
    'eventsource',
    'eventsource',
  ]);
  const chromeMessages: Record<string, [string, string, string][]> = {};
  for (const r of requests) {
    for (const m of r.messages)
      (chromeMessages[r.url] ??= []).push([m.eventName, m.eventId, m.data]);
  }
  expect(chromeMessages).toEqual(byConnection(frames));
  await viewer.clear();
  const chromeHar = await chromeReexport(devtools, har);
  expect(harProblems(chromeHar)).toEqual([]);
  const fromChrome = await viewer.import('chrome.har', JSON.stringify(chromeHar));
  expect(fromChrome.text).toContain('Imported HAR chrome.har: 3 connections, 11 frames');
  const chromeRows = await viewer.connections();
  expect(chromeRows.map((r) => [r.url, r.state, r.frames, r.retries])).toEqual(
    rows.map((r) => [r.url, 'closed', r.frames, r.retries]),
  );
  expect(byConnection(await viewer.frames())).toEqual(byConnection(frames));

  // Raw .sse: one file per connection, each importing to the same frames.
  await viewer.clear();
  const streams = await live.export('sse');
  expect(streams.map((s) => s.connection)).toEqual(rows.map((r) => r.url));
  for (const s of streams) expect((await viewer.import(s.name, s.text)).ok).toBe(true);
  const fileToUrl = new Map(streams.map((s) => [s.name, s.connection ?? '']));
  expect(byConnection(await viewer.frames(), (name) => fileToUrl.get(name) ?? name)).toEqual(
    byConnection(frames),
  );
  expect(streams[2]?.text).toContain('id: 1\ndata: event 1\ndata: line 2\ndata: line 3\n\n');

  // Scopes: the frames a filter shows (the dialog's default then), or the selected connection.
  await live.page.fill('input[placeholder^="Filter"]', 'update');
  const [filtered] = await live.export('json');
  const narrowed = JSON.parse(filtered?.text ?? '') as CaptureFile;
  expect(narrowed.scope).toBe('filtered');
  expect(narrowed.connections.map((c) => [c.url, c.frames.map((f) => f.id)])).toEqual([
    [rows[0]?.url, ['2', '5']],
  ]);
  await live.page.fill('input[placeholder^="Filter"]', '');
  await live.page.click(`[data-testid=connection-row][data-url="${rows[1]?.url ?? ''}"]`);
  const [selected] = await live.export('json', (dialog) =>
    dialog.check('[data-testid=export-scope-connection]'),
  );
  const one = JSON.parse(selected?.text ?? '') as CaptureFile;
  expect(one.connections.map((c) => [c.url, c.frames.length, c.attempts.length])).toEqual([
    [rows[1]?.url, 4, 2],
  ]);
});

test('a replayed capture, captured again, has the same frames in the same order', async ({
  ext,
  watch,
}) => {
  const { page } = await watch(
    [
      '/sse/named?count=6&interval=20&key=rp-named',
      '/sse/reconnect?count=2&retry=100&rounds=2&interval=10&key=rp-rc',
    ],
    ['update'],
  );
  await waitForReceived(page, 8);
  const live = await PanelTab.open(ext, await ext.tabIdOf(page));
  const rows = await live.until(
    'the live capture',
    () => live.connections(),
    (r) => r.length === 2 && r[0]?.frames === 4 && r[1]?.frames === 4 && r[1].retries === 1,
  );
  const frames = await live.frames();
  const [json] = await live.export('json');
  const dir = await mkdtemp(join(tmpdir(), 'sse-lens-replay-'));
  const path = join(dir, 'capture.json');
  await writeFile(path, json?.text ?? '');
  const replay = await runReplay(path, ['--speed', '2']);
  try {
    expect(replay.urls).toHaveLength(2);
    const { page: again } = await watch(replay.urls, ['update']);
    await waitForReceived(again, 8);
    const captured = await PanelTab.open(ext, await ext.tabIdOf(again));
    const replayRows = await captured.until(
      'the replayed capture',
      () => captured.connections(),
      (r) => r.length === 2 && r[0]?.frames === 4 && r[1]?.frames === 4,
    );
    // The reconnect was replayed: the server ended the stream, the browser came back with
    // Last-Event-ID 2, and the replay went on from frame 3 rather than starting over.
    expect(replayRows.map((r) => [r.state, r.frames, r.retries])).toEqual(
      rows.map((r) => [r.state, r.frames, r.retries]),
    );
    const original = new Map(replay.urls.map((u, i) => [u, rows[i]?.url ?? '']));
    expect(byConnection(await captured.frames(), (u) => original.get(u) ?? u)).toEqual(
      byConnection(frames),
    );
  } finally {
    await replay.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('redaction leaves no secret behind in any format, and the preview shows it', async ({
  ext,
  watch,
}) => {
  const TOKEN = 'tok-SECRET-7f3a9c';
  const PASSWORD = 'hunter2-SECRET-pw';
  const BEARER = 'eyJSECRET.bearer.value';
  const USER = 'alice-SECRET-user';
  const { page } = await watch(
    [`/sse/named?count=3&interval=10&key=red&access_token=${TOKEN}`],
    ['update'],
  );
  await waitForReceived(page, 2);
  const panel = await PanelTab.open(ext, await ext.tabIdOf(page));
  await panel.until(
    'the live frames',
    () => panel.frameCount(),
    (n) => n === 2,
  );
  const secrets = `data: {"user":"a","password":"${PASSWORD}"}\n\ndata: Authorization: Bearer ${BEARER}\n\ndata: ${TOKEN} echoed\n\n`;
  expect((await panel.import('secrets.sse', secrets)).ok).toBe(true);
  const viewer = await PanelTab.open(ext, NO_TAB);
  const credentials = `{"format":"sse-lens-capture","version":1,"exportedAt":1,"generator":{"name":"t","version":"1"},"scope":"all","redaction":null,"evicted":0,"connections":[{"id":"c1","url":"https://${USER}:pw-SECRET-xyz@api.test/feed","kind":"eventsource","withCredentials":false,"page":{"url":null},"frame":{"url":"https://app.test/","top":true},"createdAt":1,"closedAt":null,"state":"open","stack":"","listenedTypes":[],"transitions":[],"attempts":[],"received":0,"frames":[]}]}`;
  expect((await panel.import('credentials.json', credentials)).ok).toBe(true);
  expect(await viewer.connections()).toEqual([]);

  const redact = async (dialog: typeof page): Promise<void> => {
    await dialog.check('[data-testid=redact-query]');
    await dialog.check('[data-testid=redact-credentials]');
    await dialog.fill('[data-testid=redact-json-keys]', 'password');
    await dialog.fill('[data-testid=redact-patterns]', '/Bearer \\S+/');
    const preview = dialog.locator('[data-testid=export-preview]');
    await expect(preview).toContainText('REDACTED');
    for (const secret of [TOKEN, PASSWORD, BEARER, USER])
      await expect(preview).not.toContainText(secret);
    await expect(dialog.locator('[data-testid=export-summary]')).toContainText('values redacted');
  };
  for (const format of ['json', 'har', 'sse'] as const) {
    const files = await panel.export(format, redact);
    expect(files.length).toBeGreaterThan(0);
    const text = files.map((f) => f.text).join('\n');
    for (const secret of [TOKEN, PASSWORD, BEARER, USER, 'SECRET'])
      expect(text).not.toContain(secret);
    expect(text).toContain('REDACTED');
  }
});

test('malformed and hostile files get a clear error and never break the panel', async ({ ext }) => {
  const panel = await PanelTab.open(ext, NO_TAB);
  const broken = await panel.import('broken.json', '{"format": "sse-lens-capture", oops');
  expect(broken.ok).toBe(false);
  expect(broken.text).toMatch(/^Could not import broken\.json: not valid JSON/);
  const future = await panel.import('future.json', '{"format":"sse-lens-capture","version":9}');
  expect(future.text).toBe(
    'Could not import future.json: version: this SSE Lens reads version 1 captures, the file is version 9',
  );
  const har = await panel.import(
    'page.har',
    '{"log":{"version":"1.2","entries":[{"request":{"url":"x"},"response":{}}]}}',
  );
  expect(har.text).toMatch(/no event streams/);
  expect(await panel.connections()).toEqual([]);

  const markup = '<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>';
  const hostile = await panel.import('hostile.sse', `event: <b>x</b>\ndata: ${markup}\n\n`);
  expect(hostile.ok).toBe(true);
  const [frame] = await panel.frames();
  expect(frame).toMatchObject({ type: '<b>x</b>', data: markup });
  expect(
    await panel.page.evaluate(() => document.querySelectorAll('img, b, script:not([src])').length),
  ).toBe(0);
  expect(await panel.page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined();
  const [row] = await panel.connections();
  expect(row).toMatchObject({
    url: 'hostile.sse',
    state: 'closed',
    frames: 1,
    imported: 'hostile.sse',
  });
});
