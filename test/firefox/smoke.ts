// Firefox smoke test, run after `npm run build`: the real dist/firefox installs, leaves pages
// working and EventSource indistinguishable from native; a probe variant proves that the
// MAIN-world hook's records reach the real content bridge and page-forged records do not;
// the add-on zip, unpacked, passes web-ext lint, installs and runs (package-check.ts); deep
// capture through webRequest's response filter leaves the page's stream as it was and reads
// what the page cannot (deep-capture.ts).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'puppeteer-core';
import { HANDSHAKE_SOURCE } from '../../src/protocol/constants';
import { startScenarioServer, type ScenarioServer } from '../fixtures/scenario-server';
import { acceptKnownDifferences } from '../support/fetch-known-differences';
import { buildDeepVariant } from './build-deep-variant';
import { buildProbeVariant, type ProbeVariant } from './build-probe';
import { checkDeepCapture, checkGrantPage } from './deep-capture';
import { launchFirefox, type Firefox } from './firefox';
import { checkFirefoxPackage, unpackFirefoxPackage } from './package-check';
import { POOL_PROBE_DATASET_KEY, type PoolProbeResult } from './pool-probe-result';
import { PROBE_DATASET_KEY, type ProbeSummary } from './probe-summary';
import { runSuite, waitFor, type Suite } from './suite';
import { fetchTransparencyProbeExpression } from '../support/fetch-transparency-probe';
import {
  firstDifference,
  transparencyProbeExpression,
  type ProbeResult,
} from '../support/transparency-probe';

const DIST = resolve(import.meta.dirname, '../../dist/firefox');
const GECKO_ID = 'sse-lens@sse-lens.dev';
const NAMED = '/sse/named?count=6&interval=20&key=ff1';
const COUNTER = '/sse/counter?count=2&interval=10&key=ff2';
const FETCH_STREAM = '/fetch/sse?count=3&interval=10';
const DEADLINE_MS = 120_000;

interface Received {
  type: string;
  lastEventId: string;
  data: string;
}

/** The named stream's events a page listening to `update` (not `ping`) can see. */
const NAMED_VISIBLE: Received[] = (
  [
    [1, 'message'],
    [2, 'update'],
    [4, 'message'],
    [5, 'update'],
  ] as const
).map(([n, type]) => ({ type, lastEventId: String(n), data: JSON.stringify({ n, type }) }));

const COUNTER_VISIBLE: Received[] = ['1', '2'].map((n) => ({
  type: 'message',
  lastEventId: n,
  data: n,
}));

const NO_RECORDS: ProbeSummary = { messages: 0, connections: [], events: [], states: [] };

function expectEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`got:      ${JSON.stringify(actual)}\nexpected: ${JSON.stringify(expected)}`);
  }
}

async function openTestPage(ff: Firefox, origin: string, stream: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${origin}/page?open=${encodeURIComponent(stream)}&listen=update`);
  return page;
}

async function pageReceived(page: Page): Promise<Received[]> {
  const all = await page.evaluate(
    () => (window as unknown as { __received?: Received[] }).__received ?? [],
  );
  return all.map(({ type, lastEventId, data }) => ({ type, lastEventId, data }));
}

async function probeSummary(page: Page): Promise<ProbeSummary> {
  const json = await page.evaluate(
    (key) => document.documentElement.dataset[key],
    PROBE_DATASET_KEY,
  );
  return json === undefined ? NO_RECORDS : (JSON.parse(json) as ProbeSummary);
}

const eventsOf = (s: ProbeSummary, conn: number | undefined): Received[] =>
  s.events
    .filter((e) => e.conn === conn)
    .map(({ type, lastEventId, data }) => ({ type, lastEventId, data }));

/**
 * Runs the transparency probe in a fresh blank page; its EventSource uses stream key `key`.
 * Keys of one length keep the probe's stack columns comparable across runs.
 */
async function probeTransparency(ff: Firefox, origin: string, key: string) {
  const page = await ff.browser.newPage();
  await page.goto(`${origin}/blank`);
  const streamUrl = `${origin}/sse/counter?count=1&interval=10&key=${key}`;
  return {
    page,
    streamUrl,
    results: (await page.evaluate(transparencyProbeExpression(streamUrl))) as ProbeResult,
  };
}

/** Runs the fetch/XHR transparency probe in a fresh blank page; keys of one length. */
async function probeFetchTransparency(ff: Firefox, origin: string, key: string) {
  const page = await ff.browser.newPage();
  await page.goto(`${origin}/blank`);
  const results = (await page.evaluate(fetchTransparencyProbeExpression(key))) as ProbeResult;
  await page.close();
  return results;
}

/** Probe sections that could not run record `probeFailed`; a baseline must have none. */
function failedSections(results: ProbeResult): string[] {
  return Object.entries(results)
    .filter(([, v]) => typeof v === 'object' && v !== null && 'probeFailed' in v)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
}

/**
 * Firefox resolves the window's WebIDL globals lazily, and any document_start script that
 * reads one (the hook must read EventSource) moves it in Object.getOwnPropertyNames(window).
 * No MAIN-world script can avoid that, so this one value is not compared in Firefox
 * (Chromium's e2e transparency tests compare it). The fetch probe records the window-key
 * places of fetch, XMLHttpRequest, Request, Response, Headers and ReadableStream under this name.
 */
const FIREFOX_UNAVOIDABLE = new Set(['windowKeyIndex']);

/**
 * SpiderMonkey keeps an error's stack in an internal slot behind Error.prototype.stack, so
 * an error thrown by a native the hook's wrapper called keeps the wrapper's one frame
 * (`EventSource@<anonymous code>:…`). Re-capturing it would add an own `stack` property no
 * native error has (see the README's browser differences). Exactly that one frame is allowed.
 */
const HOOK_FRAME = /^[\w$.]+@<anonymous code>:\d+:\d+\n/;

function withoutHookFrame(stacks: unknown): unknown {
  if (typeof stacks !== 'object' || stacks === null) return stacks;
  return Object.fromEntries(
    Object.entries(stacks).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.replace(HOOK_FRAME, '') : v,
    ]),
  );
}

function compareGroup(got: ProbeResult, expected: ProbeResult, group: string): void {
  const strip = (v: unknown): unknown =>
    typeof v === 'object' && v !== null
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !FIREFOX_UNAVOIDABLE.has(k)))
      : v;
  const mine = group === 'errorStacks' ? withoutHookFrame(got[group]) : got[group];
  const difference = firstDifference(strip(mine), strip(expected[group]), group);
  if (difference) throw new Error(difference);
}

async function checkRealExtension(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  baseline: ProbeResult,
  fetchBaseline: ProbeResult,
): Promise<void> {
  await suite.require(`dist/firefox installs as temporary add-on ${GECKO_ID}`, async () => {
    expectEqual(await ff.install(DIST), GECKO_ID);
  });
  await suite.check('the page’s own handlers get the 4 listened events of /sse/named', async () => {
    const page = await openTestPage(ff, server.origin, NAMED.replace('ff1', 'ff0'));
    try {
      const got = await waitFor(
        '4 events in window.__received',
        () => pageReceived(page),
        (r) => r.length >= 4,
      );
      expectEqual(got, NAMED_VISIBLE);
    } finally {
      // Its held stream would take one of the origin's six connections from the probes.
      await page.close();
    }
  });
  const { results } = await probeTransparency(ff, server.origin, 'tp-added');
  for (const group of Object.keys(baseline)) {
    await suite.check(`transparency: ${group}`, () => compareGroup(results, baseline, group));
  }
  await suite.check('fetch transparency: every probe section ran without the extension', () =>
    expectEqual(failedSections(fetchBaseline), []),
  );
  const fetchResults = await probeFetchTransparency(ff, server.origin, 'fp-added');
  // Only the differences still known in Firefox (test/support/fetch-known-differences.ts).
  await suite.check('fetch transparency: every known difference still differs', () =>
    expectEqual(acceptKnownDifferences(fetchResults, fetchBaseline, 'firefox'), []),
  );
  for (const group of Object.keys(fetchBaseline)) {
    await suite.check(`fetch transparency: ${group}`, () =>
      compareGroup(fetchResults, fetchBaseline, group),
    );
  }
}

async function checkProbeVariant(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  variant: ProbeVariant,
  baseline: ProbeResult,
): Promise<void> {
  const namedUrl = server.origin + NAMED;
  const counterUrl = server.origin + COUNTER;
  await suite.require('the probe variant installs', async () => {
    expectEqual(await ff.install(variant.dir), GECKO_ID);
  });
  const page = await openTestPage(ff, server.origin, NAMED);
  let first = NO_RECORDS;
  await suite.require(
    'probe: the hook’s records of /sse/named reach the content bridge',
    async () => {
      first = await waitFor(
        '4 events and a state record, after the server sent all 6 events',
        () => probeSummary(page),
        (s) =>
          s.events.length >= 4 && s.states.length > 0 && server.stats().eventsSent['ff1'] === 6,
      );
    },
  );
  const namedConn = first.connections[0]?.conn;
  await suite.check('probe: one connection, with the absolute URL of /sse/named', () =>
    expectEqual(
      first.connections.map((c) => c.url),
      [namedUrl],
    ),
  );
  await suite.check('probe: the initiator stack starts at the page’s own code', () => {
    const stack = first.connections[0]?.stack ?? '';
    const top = stack.split('\n')[0] ?? '';
    if (!top.includes(`@${server.origin}/page?`) || /<anonymous code>|moz-extension:/.test(stack)) {
      throw new Error(`initiator stack:\n${stack}`);
    }
  });
  await suite.check('probe: an `open` state record for that connection', () =>
    expectEqual(first.states[0], { conn: namedConn, readyState: 1, cause: 'open' }),
  );

  // The page forges a hook batch and a second handshake, then opens a real stream. Had the
  // hook taken the forged port, the real stream's records would never reach the bridge.
  await page.evaluate(
    (handshake, stream) => {
      const forged = {
        kind: 'connection',
        conn: 99,
        t: 1,
        url: 'http://forged/',
        withCredentials: false,
        frameUrl: '',
        stack: '',
      };
      window.postMessage({ v: 1, type: 'records', records: [forged], dropped: 0 }, '*');
      window.postMessage({ source: handshake }, '*', [new MessageChannel().port2]);
      new EventSource(stream).addEventListener('message', () => undefined);
    },
    HANDSHAKE_SOURCE,
    COUNTER,
  );
  let last = NO_RECORDS;
  await suite.require(
    'probe: a stream opened after forged messages still reaches the bridge',
    async () => {
      last = await waitFor(
        `${counterUrl} and its 2 events`,
        () => probeSummary(page),
        (s) => eventsOf(s, s.connections.find((c) => c.url === counterUrl)?.conn).length >= 2,
      );
    },
  );
  await suite.check('probe: exactly the 4 listened events of /sse/named, in order', () =>
    expectEqual(eventsOf(last, namedConn), NAMED_VISIBLE),
  );
  await suite.check('probe: page-forged records and handshakes are not accepted', () => {
    const counterConn = last.connections.find((c) => c.url === counterUrl)?.conn;
    expectEqual(
      last.connections.map((c) => c.url),
      [namedUrl, counterUrl],
    );
    expectEqual(eventsOf(last, counterConn), COUNTER_VISIBLE);
  });

  // fetch and XHR streams: a POST read to its end by a reader, and an XHR POST; every field
  // on the wire becomes a frame (its `retry:`, its comment, 3 events), and both close.
  await page.evaluate((stream) => {
    void fetch(stream + '&key=ff-fetch', { method: 'POST', body: '{"q":1}' }).then(async (r) => {
      const reader = r.body?.getReader();
      while (reader && !(await reader.read()).done);
    });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', stream + '&key=ff-xhr');
    xhr.send('{"q":2}');
  }, FETCH_STREAM);
  const fetchUrl = `${server.origin}${FETCH_STREAM}&key=ff-fetch`;
  const xhrUrl = `${server.origin}${FETCH_STREAM}&key=ff-xhr`;
  let streams = NO_RECORDS;
  await suite.require('probe: a fetch and an XHR stream reach the bridge', async () => {
    streams = await waitFor(
      'the fetch and the XHR stream, each with 5 frames and closed',
      () => probeSummary(page),
      (s) =>
        [fetchUrl, xhrUrl].every((url) => {
          const conn = s.connections.find((c) => c.url === url)?.conn;
          return (
            s.events.filter((e) => e.conn === conn).length === 5 &&
            s.states.some((st) => st.conn === conn && st.readyState === 2)
          );
        }),
    );
  });

  for (const [url, api] of [
    [fetchUrl, 'fetch'],
    [xhrUrl, 'xhr'],
  ] as const) {
    await suite.check(`probe: a ${api} POST stream is captured frame by frame`, () => {
      const c = streams.connections.find((x) => x.url === url);
      expectEqual(c?.api, api);
      expectEqual(
        streams.events
          .filter((e) => e.conn === c?.conn)
          .map((e) => [e.frameKind, e.type, e.lastEventId]),
        [
          ['retry', '', ''],
          ['comment', '', ''],
          ['event', 'message', '1'],
          ['event', 'delta', '2'],
          ['event', 'message', '3'],
        ],
      );
    });
  }

  await suite.check(
    'probe: the same transparency results while the hook is proven active',
    async () => {
      const {
        page: blank,
        streamUrl,
        results,
      } = await probeTransparency(ff, server.origin, 'tp-probe');
      await waitFor(
        'the probe to report the transparency probe’s EventSource',
        () => probeSummary(blank),
        (s) => s.connections.some((c) => c.url === streamUrl),
      );
      for (const group of Object.keys(baseline)) compareGroup(results, baseline, group);
    },
  );
}

/**
 * A cross-site iframe (localhost in a 127.0.0.1 page) whose top frame holds no port and
 * whose snapshot names no top origin (Firefox before ancestorOrigins): the real background
 * must take the top-level site from the tab's URL to place the frame's streams in the
 * 127.0.0.1-partitioned pool.
 */
async function checkIframeTopLevelSite(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  variant: ProbeVariant,
): Promise<void> {
  await suite.require('the pool probe variant installs', async () => {
    expectEqual(await ff.install(variant.dir), GECKO_ID);
  });
  await suite.check("an iframe's streams are pooled under the tab's top-level site", async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}/blank`);
    const frameOrigin = server.origin.replace('127.0.0.1', 'localhost');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${frameOrigin}/blank`);
    const json = await waitFor(
      "the background's queue verdict in the iframe",
      async () => {
        const frame = page.frames().find((f) => f.url().startsWith(frameOrigin));
        return frame?.evaluate(
          (key) => document.documentElement.dataset[key],
          POOL_PROBE_DATASET_KEY,
        );
      },
      (v) => v !== undefined,
    );
    const result = JSON.parse(json ?? '') as PoolProbeResult;
    expectEqual(result.origin, frameOrigin);
    expectEqual(result.pool, `${frameOrigin} · top-level site http://127.0.0.1 · credentialed`);
  });
}

async function main(suite: Suite): Promise<void> {
  const cleanup: (() => Promise<void> | void)[] = [];
  const keep = async <T>(pending: Promise<T>, release: (value: T) => Promise<void> | void) => {
    const value = await pending;
    cleanup.push(() => release(value));
    return value;
  };
  try {
    const server = await keep(startScenarioServer(), (s) => s.close());
    const pending = [
      keep(launchFirefox(), (ff) => ff.close()),
      keep(launchFirefox(), (ff) => ff.close()),
      keep(launchFirefox(), (ff) => ff.close()),
      keep(buildProbeVariant(DIST), (v) => v.remove()),
      keep(buildProbeVariant(DIST, 'pool-probe-content-script.ts', POOL_PROBE_DATASET_KEY), (v) =>
        v.remove(),
      ),
      keep(launchFirefox(), (ff) => ff.close()),
      keep(unpackFirefoxPackage(DIST), (p) => rmSync(p.dir, { recursive: true, force: true })),
      // Optional permissions asked for are granted without a prompt (which headless cannot
      // show); an idle background page would be suspended after 1 s instead of 30.
      keep(
        launchFirefox({
          'extensions.webextOptionalPermissionPrompts': false,
          'extensions.background.idle.timeout': 1000,
        }),
        (ff) => ff.close(),
      ),
      keep(buildDeepVariant(DIST, true), (v) => v.remove()),
      keep(buildDeepVariant(DIST, false), (v) => v.remove()),
    ] as const;
    // Settle all first, so whatever did start is released even if something else failed.
    await Promise.allSettled(pending);
    const [plain, real, probed, variant, poolVariant, packaged, pkg, deep, granted, asking] =
      await Promise.all(pending);
    const baseline = (await probeTransparency(plain, server.origin, 'tp-plain')).results;
    const fetchBaseline = await probeFetchTransparency(plain, server.origin, 'fp-plain');
    await checkRealExtension(suite, real, server, baseline, fetchBaseline);
    await checkProbeVariant(suite, probed, server, variant, baseline);
    // The plain browser has served its purpose as the baseline: it hosts the pool probe.
    await checkIframeTopLevelSite(suite, plain, server, poolVariant);
    await checkFirefoxPackage(suite, packaged, server, pkg, GECKO_ID);
    await checkGrantPage(suite, deep, server, asking.dir);
    await checkDeepCapture(suite, deep, server, granted.dir);
  } finally {
    for (const release of cleanup.reverse()) {
      await Promise.resolve()
        .then(release)
        .catch((error: unknown) => console.error('cleanup failed:', error));
    }
  }
}

await runSuite('the Firefox smoke test', DEADLINE_MS, main);
