// The SSE panel end to end in Firefox's own DevTools toolbox, run after `npm run build`: the
// real dist/firefox in headless Firefox ESR, real streams from the scenario server, and what
// the panel shows read through the same data-testid contract (and the same scenarios, in
// test/support/panel-scenarios.ts) as the Chromium specs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CaptureFile } from '../../src/export/capture-types';
import { fetchPage } from '../e2e/support/fetch-page';
import { PanelView } from '../e2e/support/panel-view';
import { startScenarioServer, type ScenarioServer } from '../fixtures/scenario-server';
import {
  BUDGET_PILE_UP,
  CANCELLED_BODIES,
  EXPORT_CAPTURE,
  FAILED_STREAMS,
  FETCH_PILE_UP,
  fetchSseFrames,
  MULTILINE,
  NAMED_EVENTS,
  PAUSE_AND_CLEAR,
  RECONNECT,
  RELOADED_STREAM,
  testPage,
} from '../support/panel-scenarios';
import { schemaErrors } from '../unit/export-schema';
import { buildDeepVariant } from './build-deep-variant';
import { runSuite, waitFor, type Suite } from './suite';
import {
  launchFirefoxToolbox,
  type FirefoxPanel,
  type FirefoxTab,
  type FirefoxToolbox,
} from './toolbox';

const DIST = resolve(import.meta.dirname, '../../dist/firefox');
const GECKO_ID = 'sse-lens@sse-lens.dev';
const DEADLINE_MS = 150_000;

type Panel = PanelView<FirefoxPanel>;

function expectEqual(actual: unknown, expected: unknown, what = ''): void {
  if (!isDeepStrictEqual(actual, expected)) {
    const label = what === '' ? '' : `${what}\n`;
    throw new Error(
      `${label}got:      ${JSON.stringify(actual)}\nexpected: ${JSON.stringify(expected)}`,
    );
  }
}

function expectMatch(actual: string | null, pattern: RegExp): void {
  if (actual === null || !pattern.test(actual)) {
    throw new Error(`got ${JSON.stringify(actual)}, expected to match ${pattern}`);
  }
}

/** Frame rows with the URL of their connection (the connection cell's title). */
interface UrlFrame {
  url: string;
  kind: string;
  type: string;
  eventId: string;
  data: string;
  time: string;
}

const FRAMES_BY_URL = `[...document.querySelectorAll('[data-testid=frame-row]')].map((e) => ({
  url: e.querySelector('.col-conn')?.title ?? '', kind: e.dataset.kind, type: e.dataset.type,
  eventId: e.dataset.eventId, data: e.querySelector('.col-data')?.textContent ?? '',
  time: e.querySelector('.col-time')?.textContent ?? '' }))`;

/**
 * Frames grouped by connection URL, in order, without the clock column: how streams
 * interleave may differ between a live view (arrival order) and an import (time order).
 */
function byConnection(frames: UrlFrame[]): Record<string, string[][]> {
  const groups: Record<string, string[][]> = {};
  for (const f of frames) (groups[f.url] ??= []).push([f.kind, f.type, f.eventId, f.data]);
  return groups;
}

class PanelSuite {
  private readonly tabs: FirefoxTab[] = [];

  constructor(
    readonly suite: Suite,
    readonly ff: FirefoxToolbox,
    readonly server: ScenarioServer,
  ) {}

  /** A new tab on the blank page with the toolbox open on the SSE panel. */
  async blankPanel(): Promise<{ tab: FirefoxTab; panel: Panel }> {
    const tab = await this.ff.openTab(`${this.server.origin}/blank`);
    this.tabs.push(tab);
    return { tab, panel: new PanelView(await tab.openPanel()) };
  }

  /** Like the Chromium `watch` fixture: the panel open first, then the test page loads. */
  async watch(streams: string[], listen: string[] = []) {
    const opened = await this.blankPanel();
    await opened.tab.navigate(testPage(this.server.origin, streams, listen));
    return opened;
  }

  /** Runs one check in fresh tabs and a reset server; closes its tabs (and toolboxes) after. */
  async test(description: string, run: () => Promise<void>, required = false): Promise<void> {
    this.server.reset();
    const check = async (): Promise<void> => {
      try {
        await run();
      } finally {
        for (const tab of this.tabs.splice(0)) await tab.close();
      }
    };
    if (required) await this.suite.require(description, check);
    else await this.suite.check(description, check);
  }
}

const received = (tab: FirefoxTab, n: number) =>
  waitFor(
    `${n} events in the page's window.__received`,
    () => tab.evaluate<[string, string][]>(`window.__received.map((r) => [r.type, r.lastEventId])`),
    (r) => r.length >= n,
  );

async function captureChecks(t: PanelSuite): Promise<void> {
  const { server } = t;
  await t.test('named events: the listened ones, in order, as the page got them', async () => {
    const { tab, panel } = await t.watch(NAMED_EVENTS.streams, NAMED_EVENTS.listen);
    const got = await received(tab, NAMED_EVENTS.frames.length);
    await panel.waitForFrameCount(NAMED_EVENTS.frames.length);
    const [row] = await panel.waitForConnections(
      'one open connection with its frames',
      (r) => r.length === 1 && r[0]?.state === 'open' && r[0].frames === 4,
    );
    expectEqual(
      [row?.kind, row?.url, row?.retries],
      ['eventsource', `${server.origin}${NAMED_EVENTS.streams[0]}`, 0],
    );
    const frames = (await panel.frames()).map((f) => [f.type, f.eventId]);
    expectEqual(frames, NAMED_EVENTS.frames);
    expectEqual(got, frames, 'the page received what the panel shows');
    await waitFor(
      'the server to have sent every event',
      () => Promise.resolve(server.stats().eventsSent[NAMED_EVENTS.key]),
      (n) => n === NAMED_EVENTS.sent,
    );
  });

  await t.test('multi-line data, after a comment and with an empty line, is kept', async () => {
    const { panel } = await t.watch(MULTILINE.streams);
    await panel.waitForFrameCount(MULTILINE.data.length);
    expectEqual(
      (await panel.frames()).map((f) => f.data),
      MULTILINE.data,
    );
  });

  await t.test('a server-closed stream shows as a retry carrying Last-Event-ID', async () => {
    const { panel } = await t.watch(RECONNECT.streams);
    await panel.waitForConnections(
      'a reconnected, open stream',
      (r) =>
        r.length === 1 &&
        r[0]?.retries === RECONNECT.retries &&
        r[0].frames === RECONNECT.eventIds.length &&
        r[0].state === 'open',
    );
    const requests = server.stats().requests.filter((r) => r.path === RECONNECT.path);
    expectEqual(
      requests.map((r) => r.lastEventId),
      RECONNECT.lastEventIds,
    );
    expectEqual(
      (await panel.frames()).map((f) => f.eventId),
      RECONNECT.eventIds,
    );
  });

  await t.test('failed streams (204, 500, wrong type): closed, no retry, no frame', async () => {
    const { tab, panel } = await t.watch(FAILED_STREAMS);
    const rows = await panel.waitForConnections(
      'three closed connections',
      (r) => r.length === 3 && r.every((c) => c.state === 'closed'),
    );
    expectEqual(
      rows.map((r) => [r.url, r.retries, r.frames]).sort(),
      FAILED_STREAMS.map((s) => [`${server.origin}${s}`, 0, 0]).sort(),
    );
    expectEqual(await tab.evaluate('Object.values(window.__errors)'), [1, 1, 1]);
  });
}

async function budgetCheck(t: PanelSuite): Promise<void> {
  await t.test('8 streams to one HTTP/1.1 origin: 6 open, 2 queued, then the next in', async () => {
    const { tab, panel } = await t.watch(BUDGET_PILE_UP.streams);
    const [pool] = await panel.waitForPools('a full pool', (p) => p[0]?.queued === 2);
    const { pool: key, ...counts } = pool ?? { pool: '' };
    expectEqual(counts, BUDGET_PILE_UP.pool);
    if (!key.includes(t.server.origin)) throw new Error(`pool ${key} is not ${t.server.origin}`);
    await waitFor(
      'the server to hold 6 streams',
      () => Promise.resolve(t.server.stats().openStreams),
      (n) => n === 6,
    );
    const rows = await panel.waitForConnections(
      'two rows queued',
      (r) => r.filter((c) => c.queued).length >= 2,
    );
    expectEqual(
      rows.filter((r) => r.queued).map((r) => r.state),
      BUDGET_PILE_UP.queuedStates,
    );
    expectMatch(await panel.budgetWarning(), BUDGET_PILE_UP.warning);
    await tab.evaluate('window.__sources[0].close()');
    await panel.waitForPools('one queued stream let in', (p) => p[0]?.queued === 1);
    await panel.waitForConnections(
      'the 7th stream open',
      (r) =>
        r.filter((c) => c.state === 'open').length === 6 && r.filter((c) => c.queued).length === 1,
    );
  });

  await t.test(
    "a cross-site iframe's stream is pooled under the tab's top-level site",
    async () => {
      const { tab, panel } = await t.blankPanel();
      const frameOrigin = t.server.origin.replace('127.0.0.1', 'localhost');
      const frameUrl = testPage(frameOrigin, ['/sse/hold?key=xsite']);
      await tab.evaluate(`document.body.appendChild(Object.assign(document.createElement('iframe'),
      { src: ${JSON.stringify(frameUrl)} })) && null`);
      const [row] = await panel.waitForConnections(
        'the iframe stream open',
        (r) => r[0]?.state === 'open',
      );
      expectEqual(row?.url, `${frameOrigin}/sse/hold?key=xsite`);
      const pools = await panel.waitForPools('its pool', (p) => p.length === 1);
      expectEqual(
        pools.map((p) => [p.pool, p.open]),
        [[`${frameOrigin} · top-level site http://127.0.0.1 · credentialed`, 1]],
      );
    },
  );

  await t.test('8 fetch streams to one origin: 6 open, 2 queued in the budget', async () => {
    const { tab, panel } = await t.blankPanel();
    await tab.evaluate(FETCH_PILE_UP);
    await panel.waitForPools(
      'six open and two queued',
      (p) => p[0]?.open === 6 && p[0].queued === 2,
    );
    const rows = await panel.waitForConnections(
      'six open fetch streams and two queued',
      (r) =>
        r.length === 8 &&
        r.filter((c) => c.state === 'open').length === 6 &&
        r.filter((c) => c.queued).length === 2,
    );
    expectEqual(
      rows.every((r) => r.kind === 'fetch' && r.method === 'GET'),
      true,
    );
  });

  await t.test('6 cancelled fetch bodies keep their connections: the 7th waits', async () => {
    await waitFor(
      'no /fetch/hold stream left by earlier checks',
      () => Promise.resolve(t.server.stats().streamsByPath['/fetch/hold'] ?? 0),
      (n) => n === 0,
    );
    const { tab, panel } = await t.blankPanel();
    const { seventh, heartbeatMs } = CANCELLED_BODIES;
    const started = Date.now();
    await tab.evaluate(CANCELLED_BODIES.script);
    const [pool] = await panel.waitForPools(
      'six lingering and one queued',
      (p) => p[0]?.lingering === 6 && p[0].queued === 1,
    );
    expectEqual(pool?.open, 6);
    // The truth, before the first heartbeat: six connections held, the seventh not served.
    const stats = t.server.stats();
    if (Date.now() - started >= heartbeatMs) throw new Error('too slow to see the wait');
    expectEqual([stats.streamsByPath['/fetch/hold'], stats.eventsSent[seventh]], [6, undefined]);
    const rows = await panel.waitForConnections(
      'six cancelled rows and the seventh queued',
      (r) => r.length === 7 && r.some((c) => c.queued),
    );
    expectEqual(
      rows.map((r) => r.badge),
      [...Array<string>(6).fill('cancelled, held'), 'queued'],
    );
    expectMatch(await panel.budgetWarning(), /6 of them are fetch bodies the page cancelled/);
    // The heartbeat makes Firefox let all six go: the panel learns it from Resource Timing.
    await panel.waitForPools(
      'the seventh open, nothing lingering',
      (p) => p[0]?.open === 1 && p[0].lingering === 0 && p[0].queued === 0,
    );
    expectEqual(t.server.stats().streamsByPath['/fetch/hold'], 1);
    expectEqual(t.server.stats().eventsSent[seventh], 1);
  });
}

async function toolbarChecks(t: PanelSuite): Promise<void> {
  await t.test('pause drops and says so; record again captures; clear empties', async () => {
    const { tab, panel } = await t.watch(PAUSE_AND_CLEAR.held);
    await panel.waitForConnections('the held stream', (r) => r.length === 1);
    await panel.click('record-toggle');
    expectEqual(
      await panel.devtools.evaluate(
        `document.querySelector('[data-testid=record-toggle]').getAttribute('aria-pressed')`,
      ),
      'false',
    );
    const open = (url: string) => `new EventSource(${JSON.stringify(url)}).onmessage = () => {}`;
    await tab.evaluate(open(PAUSE_AND_CLEAR.whilePaused));
    await panel.devtools.waitFor(
      `document.body.textContent.includes(${JSON.stringify(PAUSE_AND_CLEAR.pausedNotice)})`,
      'the paused notice',
    );
    expectEqual(await panel.frameCount(), 0);
    await panel.click('record-toggle');
    await tab.evaluate(open(PAUSE_AND_CLEAR.afterResume));
    await panel.waitForFrameCount(PAUSE_AND_CLEAR.framesAfterResume);
    await panel.click('clear');
    await panel.waitForFrameCount(0);
    expectEqual(await panel.frames(), []);
  });

  await t.test('reload clears the view unless preserve log is on', async () => {
    const n = RELOADED_STREAM.framesPerLoad;
    const { tab, panel } = await t.watch(RELOADED_STREAM.streams);
    await panel.waitForFrameCount(n);
    await tab.reload();
    await received(tab, n);
    await panel.waitForConnections(
      'only the reloaded page',
      (r) => r.length === 1 && r[0]?.frames === n,
    );
    await panel.waitForFrameCount(n);
    await panel.click('preserve-log');
    await tab.reload();
    await received(tab, n);
    await panel.waitForConnections(
      'both loads with all their frames',
      (r) => r.length === 2 && r.every((c) => c.frames === n),
    );
    await panel.waitForFrameCount(2 * n);
  });

  await t.test('the panel follows the DevTools theme, light and dark', async () => {
    const { panel } = await t.blankPanel();
    const theme = `document.documentElement.dataset.theme`;
    expectEqual(await panel.devtools.evaluate(theme), 'light');
    await t.ff.setTheme('dark');
    try {
      await panel.devtools.waitFor(`${theme} === 'dark'`, 'the dark theme');
      const background = await panel.devtools.evaluate<string>(
        `getComputedStyle(document.body).backgroundColor`,
      );
      const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
      if (r + g + b > 3 * 128)
        throw new Error(`a dark panel with a light background ${background}`);
    } finally {
      await t.ff.setTheme('light');
    }
    await panel.devtools.waitFor(`${theme} === 'light'`, 'the light theme again');
  });
}

/** Clicks Export, picks `format`, clicks every download button; returns the saved files. */
async function exportFiles(
  ff: FirefoxToolbox,
  panel: FirefoxPanel,
  format: 'json' | 'har',
): Promise<{ name: string; text: string }[]> {
  const before = new Set(readdirSync(ff.downloads));
  await panel.evaluate(`document.querySelector('[data-testid=export]').click()`);
  await panel.waitFor(
    `document.querySelector('[data-testid=export-dialog]') !== null`,
    'the Export dialog',
  );
  await panel.evaluate(`document.querySelector('[data-testid=export-format-${format}]').click()`);
  const count = await panel.evaluate<number>(`(() => {
    const buttons = [...document.querySelectorAll('[data-testid=export-download]')];
    for (const b of buttons) b.click();
    return buttons.length;
  })()`);
  const names = await waitFor(
    `${count} downloaded file(s) in ${ff.downloads}`,
    () =>
      Promise.resolve(
        readdirSync(ff.downloads).filter((n) => !before.has(n) && !n.endsWith('.part')),
      ),
    (n) => n.length === count,
    10_000,
  );
  await panel.evaluate(`document.querySelector('[data-testid=export-close]').click()`);
  return names.map((name) => ({ name, text: readFileSync(join(ff.downloads, name), 'utf8') }));
}

/** Imports a file through the Import button's file input; resolves to the notice's text. */
async function importFile(panel: FirefoxPanel, name: string, text: string) {
  await panel.evaluate(`(() => {
    const input = document.querySelector('[data-testid=import-file]');
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  return panel.waitFor<{ ok: boolean; text: string }>(
    `(() => {
      const notice = document.querySelector('[data-testid=import-status], [data-testid=import-error]');
      return notice && { ok: notice.dataset.testid === 'import-status', text: notice.textContent };
    })()`,
    'the import notice',
  );
}

async function exportImportCheck(t: PanelSuite): Promise<void> {
  await t.test('export as JSON and HAR (real downloads), then import both back', async () => {
    const { tab, panel } = await t.watch(EXPORT_CAPTURE.streams, EXPORT_CAPTURE.listen);
    await received(tab, EXPORT_CAPTURE.frames);
    const live = await panel.waitForConnections(
      'the live capture',
      (r) =>
        r.length === EXPORT_CAPTURE.connections &&
        r.reduce((n, c) => n + c.frames, 0) === EXPORT_CAPTURE.frames &&
        r[1]?.retries === 1,
    );
    const liveFrames = await panel.devtools.evaluate<UrlFrame[]>(FRAMES_BY_URL);
    const asImported = live.map((r) => ({
      url: r.url,
      kind: r.kind,
      state: 'closed',
      frames: r.frames,
      retries: r.retries,
    }));
    const exported = [];
    for (const format of ['json', 'har'] as const) {
      const [file, ...more] = await exportFiles(t.ff, panel.devtools, format);
      expectEqual(more, [], `one ${format} file`);
      if (!file) throw new Error(`no ${format} file exported`);
      exported.push({ format, ...file });
    }
    const json = exported[0];
    if (!json || !/^sse-lens-127\.0\.0\.1_\d+-.*\.json$/.test(json.name)) {
      throw new Error(`JSON export named ${json?.name}`);
    }
    expectEqual(schemaErrors(JSON.parse(json.text) as CaptureFile), [], 'schema errors');
    // Leaving the page ends its streams and (preserve log off) empties the view.
    await tab.navigate(`${t.server.origin}/blank`);
    for (const { format, name, text } of exported) {
      await panel.waitForConnections('an empty view', (r) => r.length === 0);
      const notice = await importFile(panel.devtools, name, text);
      expectEqual(notice.ok, true, notice.text);
      if (!notice.text.includes(EXPORT_CAPTURE.imported)) throw new Error(notice.text);
      const rows = await panel.connections();
      expectEqual(
        rows.map((r) => ({
          url: r.url,
          kind: r.kind,
          state: r.state,
          frames: r.frames,
          retries: r.retries,
        })),
        asImported,
        `${format}: imported rows`,
      );
      const frames = await panel.devtools.evaluate<UrlFrame[]>(FRAMES_BY_URL);
      expectEqual(byConnection(frames), byConnection(liveFrames), `${format}: imported frames`);
      expectEqual(
        frames.map((f) => f.time).sort(),
        liveFrames.map((f) => f.time).sort(),
        `${format}: imported frame times`,
      );
      await panel.devtools.evaluate(
        `document.querySelector('[data-testid=import-status] button')?.click()`,
      );
      await panel.click('clear');
    }
  });
}

async function fetchXhrCheck(t: PanelSuite): Promise<void> {
  await t.test('a fetch and an XHR POST event stream: every field on the wire', async () => {
    const { tab, panel } = await t.blankPanel();
    const runs = [
      { mode: 'reader', url: '/fetch/sse?count=4&interval=10&key=ff-fetch' },
      { mode: 'xhr', url: '/fetch/sse?count=4&interval=10&key=ff-xhr' },
    ] as const;
    await tab.navigate(fetchPage(t.server.origin, runs));
    await waitFor(
      'both runs to finish in the page',
      () => tab.evaluate<unknown[]>(`window.__fetchRuns.map((r) => r.outcome)`),
      (o) => o.length === 2 && o.every((x) => x !== null),
    );
    const rows = await panel.waitForConnections(
      'both streams, closed with all their frames',
      (r) => r.length === 2 && r.every((c) => c.state === 'closed' && c.frames === 6),
    );
    // Sorted: Firefox lists the XHR first, Chromium the fetch (see the README's differences).
    expectEqual(rows.map((r) => [r.url, r.kind, r.method, r.status, r.format, r.outcome]).sort(), [
      [`${t.server.origin}${runs[0].url}`, 'fetch', 'POST', '200', 'sse', 'complete'],
      [`${t.server.origin}${runs[1].url}`, 'xhr', 'POST', '200', 'sse', 'complete'],
    ]);
    const frames = await panel.devtools.evaluate<UrlFrame[]>(FRAMES_BY_URL);
    for (const row of rows) {
      expectEqual(
        frames.filter((f) => f.url === row.url).map(({ url: _url, time: _time, ...f }) => f),
        fetchSseFrames(4),
        `${row.kind} frames`,
      );
    }
  });
}

/**
 * Deep capture in the real Firefox panel, with the variant that grants its permissions at
 * install (build-deep-variant.ts; Firefox's own panels cannot ask for them): the switch turns
 * on, the stream's unlistened event, comment and retry: appear as wire frames and its
 * dispatched events as `both`, and the budget says Firefox names no sockets.
 */
async function deepCaptureCheck(t: PanelSuite): Promise<void> {
  const variant = await buildDeepVariant(DIST, true);
  try {
    await t.suite.require('the deep capture variant installs', async () => {
      expectEqual(await t.ff.install(variant.dir), GECKO_ID);
    });
    await wireFramesCheck(
      t,
      'deep capture: unlistened events, comments and retry: from the wire',
      '/sse/wire?retry=1234&key=ff-deep',
    );
    // Firefox names the redirect's target; the page's EventSource knows the URL it asked for.
    await wireFramesCheck(
      t,
      'deep capture: the same through a 307 redirect, bound to the EventSource that asked',
      `/fetch/redirect?code=307&to=${encodeURIComponent('/sse/wire?retry=1234&key=ff-redirect')}`,
    );
    await t.test(
      "deep capture: a cancelled fetch body's connection goes as without it",
      async () => {
        const { tab, panel } = await t.blankPanel();
        const state = `document.querySelector('[data-testid=deep-capture-toggle]').dataset.state`;
        await panel.click('deep-capture-toggle');
        await panel.devtools.waitFor(`${state} === 'on'`, 'the switch on');
        // Without a response filter, Firefox lets the connection go at the server's next write
        // (a heartbeat 2 s after the event); a filter left reading would keep it for good.
        await tab.evaluate(`(async () => {
        const res = await fetch('/fetch/hold?hb=2000&key=deep-cancelled',
          { headers: { accept: 'text/event-stream' } });
        const reader = res.body.getReader();
        await reader.read();
        await reader.cancel();
      })()`);
        await panel.waitForPools('the cancelled body held', (p) => p[0]?.lingering === 1);
        await waitFor(
          'the server to see the connection go after its heartbeat',
          () => Promise.resolve(t.server.stats().streamsByPath['/fetch/hold'] ?? 0),
          (n) => n === 0,
          10_000,
        );
        await panel.waitForPools('nothing held', (p) => p.length === 0);
        await panel.click('deep-capture-toggle');
        await panel.devtools.waitFor(`${state} === 'off'`, 'the switch off');
      },
    );
  } finally {
    variant.remove();
  }
}

/**
 * Deep capture on, a page whose EventSource reads `path` (a wire stream: retry:, a comment, two
 * dispatched events and one nobody listens to): the panel shows all five frames, each
 * dispatched one merged with its wire twin, and the budget says Firefox names no sockets.
 */
async function wireFramesCheck(t: PanelSuite, title: string, path: string): Promise<void> {
  await t.test(title, async () => {
    const { tab, panel } = await t.blankPanel();
    const state = `document.querySelector('[data-testid=deep-capture-toggle]').dataset.state`;
    expectEqual(await panel.devtools.evaluate<string>(state), 'off');
    await panel.click('deep-capture-toggle');
    await panel.devtools.waitFor(`${state} === 'on'`, 'the switch on');
    // The switch follows the tab to the page it navigates to.
    await tab.navigate(testPage(t.server.origin, [path]));
    // Either source may reach the panel first: a dispatched event shows as `page`, or its
    // wire twin as `wire`, until the other arrives and they are one `both` frame.
    const expected = [
      ['retry', '', '', 'wire'],
      ['comment', '', '', 'wire'],
      ['event', 'message', '1', 'both'],
      ['event', 'unlistened', '2', 'wire'],
      ['event', 'message', '3', 'both'],
    ];
    await waitFor(
      'the stream’s five frames, each dispatched one merged with its wire twin',
      async () => (await panel.frames()).map((f) => [f.kind, f.type, f.eventId, f.source]),
      // In order: the wire's clock (the background's) runs a little behind the page's for
      // the same bytes, and wire-only frames still sort between their wire neighbours.
      (rows) => isDeepStrictEqual(rows, expected),
      15_000,
    );
    expectEqual(
      await panel.devtools.evaluate<string | null>(
        `document.querySelector('[data-testid=connection-row]')?.dataset.serverRetry ?? null`,
      ),
      '1234',
    );
    await panel.devtools.waitFor(
      `document.querySelector('[data-testid=sockets-unavailable]') !== null`,
      'the budget saying Firefox names no sockets',
    );
    await panel.click('deep-capture-toggle');
    await panel.devtools.waitFor(`${state} === 'off'`, 'the switch off');
  });
}

async function main(suite: Suite): Promise<void> {
  const server = await startScenarioServer();
  let ff: FirefoxToolbox | undefined;
  try {
    ff = await launchFirefoxToolbox();
    const firefox = ff;
    await suite.require(`dist/firefox installs as temporary add-on ${GECKO_ID}`, async () => {
      expectEqual(await firefox.install(DIST), GECKO_ID);
    });
    const t = new PanelSuite(suite, ff, server);
    await t.test(
      'the toolbox opens on a served page and shows the SSE panel',
      async () => {
        const { panel } = await t.blankPanel();
        expectEqual(await panel.frameCount(), 0);
      },
      true,
    );
    await captureChecks(t);
    await budgetCheck(t);
    await toolbarChecks(t);
    await exportImportCheck(t);
    await fetchXhrCheck(t);
    await deepCaptureCheck(t);
  } finally {
    await ff?.close();
    await server.close();
  }
}

await runSuite('the Firefox panel suite', DEADLINE_MS, main);
