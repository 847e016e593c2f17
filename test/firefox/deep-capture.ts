// Deep capture in real Firefox (webRequest.filterResponseData), run by smoke.ts with the deep
// capture variant (build-deep-variant.ts): the page gets the same bytes, the same events and
// at the same time with the switch on as with it off, while our side reads what the page
// cannot (unlistened events, comments, `retry:`), sees the page abort, and tells workers'
// streams apart. Times are compared over interleaved rounds, each in a fresh tab.
import type { Page } from 'puppeteer-core';
import { NOT_GRANTED } from '../../src/deep-capture/firefox-filter';
import { createWireDecoder, type WireFrame } from '../../src/sse/wire-decoder';
import type { ScenarioServer } from '../fixtures/scenario-server';
import { DEEP_PROBE_DATASET_KEY, type DeepProbeSummary } from './deep-probe-summary';
import type { Firefox } from './firefox';
import { waitFor, type Suite } from './suite';

const GECKO_ID = 'sse-lens@sse-lens.dev';
const EVENTS = 20;
const INTERVAL_MS = 40;
const ROUNDS = 5;
/**
 * How much later (median over a round's events, then median over rounds) the page may get a
 * paced event with the switch on. The filter adds one hop to the extension process and back
 * per chunk, which costs well under a millisecond on an idle machine; the rounds' own spread
 * on this shared 2-core machine is a few ms, so more than this would be a real delay.
 */
const TOLERANCE_MS = 10;
/** A deterministic body, read as bytes by the page: its retry, comment and 3-line events. */
const FETCH_BODY = '/fetch/sse?count=30&interval=0';

const EMPTY: DeepProbeSummary = { statuses: [], requests: [], bytes: {}, ends: [] };

interface Arrival {
  n: number;
  id: string;
  sent: number;
  got: number;
}

interface PageRun {
  arrivals: Arrival[];
  body: string;
}

async function probe(page: Page): Promise<DeepProbeSummary> {
  const json = await page.evaluate(
    (key) => document.documentElement.dataset[key],
    DEEP_PROBE_DATASET_KEY,
  );
  return json === undefined ? EMPTY : (JSON.parse(json) as DeepProbeSummary);
}

/** A fresh tab whose probe panel has the switch `on` or off, as the background confirmed. */
async function openTab(ff: Firefox, origin: string, on: boolean): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.goto(`${origin}/blank#deep-${on ? 'on' : 'off'}`);
  await waitFor(
    `the background to say deep capture is ${on ? 'on' : 'off'}`,
    () => probe(page),
    (s) => s.statuses.at(-1)?.state === (on ? 'on' : 'off'),
  );
  return page;
}

/**
 * In the page: the stamped stream through an EventSource that listens to `message` only
 * (each event's server time and arrival time), closed after the last; then a fetch body read
 * as bytes (base64).
 */
function runInPage(page: Page, stream: string, body: string): Promise<PageRun> {
  return page.evaluate(
    async (stream, body, count) => {
      const arrivals: Arrival[] = [];
      await new Promise<void>((resolve, reject) => {
        const source = new EventSource(stream);
        source.addEventListener('message', (e: MessageEvent<string>) => {
          const got = Date.now();
          const { n, sent } = JSON.parse(e.data) as { n: number; sent: number };
          arrivals.push({ n, id: e.lastEventId, sent, got });
          if (n === count) {
            source.close();
            resolve();
          }
        });
        source.onerror = () => reject(new Error('the stamped stream failed'));
      });
      const bytes = new Uint8Array(await (await fetch(body)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { arrivals, body: btoa(binary) };
    },
    stream,
    body,
    EVENTS,
  );
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function decode(base64Chunks: string[]): WireFrame[] {
  const decoder = createWireDecoder('sse');
  const frames = base64Chunks.flatMap((c) => decoder.push(Buffer.from(c, 'base64')));
  return [...frames, ...decoder.end()];
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}\ngot:      ${a}\nexpected: ${e}`);
}

/**
 * As shipped, the permissions are optional and a Firefox DevTools panel cannot ask for them:
 * turning the switch on opens the grant page, whose button (a real click) asks; turned on
 * again, the switch is on. (The profile grants asked-for permissions without a prompt.)
 */
export async function checkGrantPage(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  variantDir: string,
): Promise<void> {
  await suite.require('the deep capture variant without its permissions installs', async () => {
    expectEqual(await ff.install(variantDir), GECKO_ID, 'add-on id');
  });
  await suite.check(
    'without the permissions, the switch opens the grant page; a click there grants them',
    async () => {
      const before = await ff.browser.pages();
      const page = await ff.browser.newPage();
      await page.goto(`${server.origin}/blank#deep-on`);
      const refused = await waitFor(
        'the background to refuse, for want of permissions',
        () => probe(page),
        (s) => s.statuses.at(-1)?.state === 'error',
      );
      expectEqual(
        refused.statuses.at(-1),
        { state: 'error', error: NOT_GRANTED, problem: { key: 'deepCapture.notGranted' } },
        'status',
      );
      // The grant page's tab (its URL reads about:blank over WebDriver BiDi).
      const grant = await waitFor(
        'the grant page',
        async () => (await ff.browser.pages()).filter((p) => p !== page && !before.includes(p)),
        (pages) => pages.length === 1,
      );
      const tab = grant[0]!;
      await tab.locator('[data-testid=grant-allow]').click();
      await waitFor(
        'the grant page to say so',
        () => tab.evaluate(() => document.querySelector('[data-testid=grant-result]')?.textContent),
        (text) => text?.startsWith('Allowed.') === true,
      );
      await tab.close();
      await page.close();
      // The user turns the switch on again (here, a panel of a new tab).
      const again = await openTab(ff, server.origin, true);
      expectEqual((await probe(again)).statuses.at(-1), { state: 'on', sockets: false }, 'status');
      await again.close();
    },
  );
}

export async function checkDeepCapture(
  suite: Suite,
  ff: Firefox,
  server: ScenarioServer,
  variantDir: string,
): Promise<void> {
  await suite.require(
    'the deep capture variant installs with its permissions granted',
    async () => {
      expectEqual(await ff.install(variantDir), GECKO_ID, 'add-on id');
    },
  );
  const origin = server.origin;
  const stream = (key: string) => `/sse/stamped?count=${EVENTS}&interval=${INTERVAL_MS}&key=${key}`;

  // Interleaved rounds: off, on, off, on… each in a fresh tab of its own.
  const latencies: Record<'off' | 'on', number[]> = { off: [], on: [] };
  const runs: Record<'off' | 'on', PageRun[]> = { off: [], on: [] };
  const seen: {
    onTab?: { page: Page; summary: DeepProbeSummary; streamUrl: string; run: PageRun };
  } = {};
  await suite.require(
    'the page runs the paced stream and a fetch with deep capture off and on',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        for (const on of [false, true]) {
          const mode = on ? 'on' : 'off';
          const page = await openTab(ff, origin, on);
          const key = `deep-${mode}-${round}`;
          const run = await runInPage(page, stream(key), `${FETCH_BODY}&key=${key}`);
          runs[mode].push(run);
          latencies[mode].push(median(run.arrivals.map((a) => a.got - a.sent)));
          if (on && round === 0) {
            const streamUrl = `${origin}${stream(key)}`;
            const fetchUrl = `${origin}${FETCH_BODY}&key=${key}`;
            const summary = await waitFor(
              'our side to see both requests end',
              () => probe(page),
              (s) =>
                [streamUrl, fetchUrl].every((url) => {
                  const id = s.requests.find((r) => r.url === url)?.id;
                  return s.ends.some((e) => e.id === id);
                }),
            );
            seen.onTab = { page, summary, streamUrl, run };
          } else await page.close();
        }
      }
    },
  );

  await suite.check('deep capture on: the page gets the same events as with it off', () => {
    const events = (r: PageRun) => r.arrivals.map((a) => [a.n, a.id]);
    const expected = Array.from({ length: EVENTS }, (_, i) => [i + 1, String(i + 1)]);
    for (const r of [...runs.off, ...runs.on]) expectEqual(events(r), expected, 'page events');
  });
  await suite.check('deep capture on: the page reads the same bytes as with it off', () => {
    for (const r of runs.on) expectEqual(r.body, runs.off[0]!.body, 'fetch body (base64)');
  });
  await suite.check(
    `deep capture on: the page gets each paced event within ${TOLERANCE_MS} ms of when it does with it off`,
    () => {
      const off = median(latencies.off);
      const on = median(latencies.on);
      const spread = (v: number[]) => `${Math.min(...v)}–${Math.max(...v)}`;
      console.log(
        `     page latency, median of ${ROUNDS} rounds × ${EVENTS} events: off ${off} ms ` +
          `(rounds ${spread(latencies.off)}), on ${on} ms (rounds ${spread(latencies.on)}), ` +
          `difference ${on - off} ms`,
      );
      if (on - off > TOLERANCE_MS) throw new Error(`on is ${on - off} ms later than off`);
    },
  );

  const tab = seen.onTab;
  if (!tab) return;
  const { summary, streamUrl, run } = tab;
  const esRequest = summary.requests.find((r) => r.url === streamUrl);
  await suite.check(
    'our side: the EventSource request, flagged as Firefox’s, with a guessed API',
    () => {
      expectEqual(
        [esRequest?.api, esRequest?.filtered?.documentUrl, esRequest?.worker],
        ['eventsource', `${origin}/blank#deep-on`, undefined],
        'request',
      );
    },
  );
  await suite.check('our side: unlistened events, comments and retry: from the bytes', () => {
    const frames = decode(summary.bytes[esRequest?.id ?? ''] ?? []);
    const rows = frames.map(
      (f) => `${f.frameKind}:${f.type}:${f.frameKind === 'event' ? f.id : f.data}`,
    );
    expectEqual(
      rows.slice(0, 6),
      [
        'retry::1500',
        'comment::stamped',
        'comment::c1',
        'event:tick:',
        'event:message:1',
        'event:message:2',
      ],
      'first frames',
    );
    expectEqual(rows.filter((r) => r.startsWith('event:tick')).length, EVENTS / 2, 'tick events');
    // Every event the page got is among them, with the same data.
    const messages = frames.filter((f) => f.frameKind === 'event' && f.type === 'message');
    expectEqual(
      messages.map((f) => JSON.parse(f.data) as { sent: number }).map((d) => d.sent),
      run.arrivals.map((a) => a.sent),
      'message events',
    );
  });
  await suite.check('our side: the page’s EventSource.close() ends the request as canceled', () => {
    expectEqual(
      summary.ends.find((e) => e.id === esRequest?.id),
      { id: esRequest?.id, canceled: true },
      'end',
    );
  });
  await suite.check('our side: the fetch body byte for byte as the page read it', () => {
    const id = summary.requests.find((r) => r.url.includes(FETCH_BODY))?.id ?? '';
    const joined = Buffer.concat((summary.bytes[id] ?? []).map((c) => Buffer.from(c, 'base64')));
    expectEqual(joined.toString('base64'), run.body, 'bytes');
    expectEqual(summary.ends.find((e) => e.id === id)?.canceled, false, 'ended on its own');
  });

  await suite.check(
    'a 6 s stream is followed to its end though the background page idles out after 1 s',
    async () => {
      const page = await openTab(ff, origin, true);
      const key = 'deep-idle';
      const count = await page.evaluate(async (stream) => {
        let n = 0;
        await new Promise<void>((resolve) => {
          const source = new EventSource(stream);
          source.onmessage = () => {
            if (++n < 12) return;
            source.close();
            resolve();
          };
        });
        return n;
      }, `/sse/stamped?count=12&interval=500&key=${key}`);
      const s = await waitFor(
        'the stream’s end on our side',
        () => probe(page),
        (x) => x.ends.some((e) => e.id === x.requests.find((r) => r.url.includes(key))?.id),
      );
      const id = s.requests.find((r) => r.url.includes(key))?.id ?? '';
      const ours = decode(s.bytes[id] ?? []).filter((f) => f.type === 'message').length;
      expectEqual([count, ours, s.statuses.at(-1)?.state], [12, 12, 'on'], 'events, page and ours');
      await page.close();
    },
  );
  await suite.check(
    'workers: a dedicated worker’s fetch names its script; streams of no tab are unattributed',
    async () => {
      const { page } = tab;
      const q = (key: string) => encodeURIComponent(`/sse/counter?count=2&interval=10&key=${key}`);
      const dedicated = `/stream-worker.js?fetch=${q('ffdwf')}&es=${q('ffdwe')}`;
      const shared = `/stream-worker.js?fetch=${q('ffswf')}`;
      await page.evaluate(
        (dedicated, shared) => {
          new Worker(dedicated);
          new SharedWorker(shared).port.start();
        },
        dedicated,
        shared,
      );
      const keys = ['ffdwf', 'ffdwe', 'ffswf'];
      const s = await waitFor(
        'the three workers’ requests',
        () => probe(page),
        (x) => keys.every((k) => x.requests.some((r) => r.url.includes(k))),
      );
      const [dwf, dwe, swf] = keys.map((k) => s.requests.find((r) => r.url.includes(k)));
      // Firefox gives the tab for a dedicated worker's fetch: the panel tells it by its script.
      expectEqual(
        [dwf?.filtered?.documentUrl, dwf?.worker],
        [`${origin}${dedicated}`, undefined],
        'dedicated worker fetch',
      );
      // No tab for a dedicated worker's EventSource, nor for a shared worker's requests.
      const unattributed = (url: string) => ({
        type: 'worker',
        url,
        session: url,
        unattributed: true,
      });
      expectEqual(
        dwe?.worker,
        unattributed(`${origin}${dedicated}`),
        'dedicated worker EventSource',
      );
      expectEqual(swf?.worker, unattributed(`${origin}${shared}`), 'shared worker fetch');
    },
  );
  await tab.page.close();
}
