// Scenarios both browsers' panel tests run: the scenario server's streams a page opens and
// what the SSE panel must then show. The Chromium specs (test/e2e) and the Firefox toolbox
// suite (test/firefox/panel-suite.ts) read them from here, so the two cannot drift apart.
import { fetchSseEvent } from '../fixtures/scenarios/fetch-sse';
import { multilineData } from '../fixtures/scenarios/multiline';

/** `/page` opening each stream (paths relative to the server) and listening to `listen`. */
export function testPage(origin: string, streams: string[], listen: string[] = []): string {
  const q = new URLSearchParams();
  for (const s of streams) q.append('open', s);
  if (listen.length > 0) q.set('listen', listen.join(','));
  return `${origin}/page?${q.toString()}`;
}

/**
 * 6 events: message, update, ping, message, update, ping. The page listens to `update` but
 * not to `ping`, so a page-world hook can (and must) show exactly 4, in order.
 */
export const NAMED_EVENTS = {
  streams: ['/sse/named?count=6&interval=20&key=n1'],
  listen: ['update'],
  key: 'n1',
  sent: 6,
  frames: [
    ['message', '1'],
    ['update', '2'],
    ['message', '4'],
    ['update', '5'],
  ] as [type: string, eventId: string][],
};

/** A stream the server ends after 2 events, twice: one retry carrying Last-Event-ID 2. */
export const RECONNECT = {
  streams: ['/sse/reconnect?count=2&retry=100&rounds=2&key=rc'],
  path: '/sse/reconnect',
  retries: 1,
  lastEventIds: [null, '2'],
  eventIds: ['1', '2', '3', '4'],
};

/** 204, 500 and a wrong content type: each closed, with no retry and no frame. */
export const FAILED_STREAMS = ['/sse/status?code=204', '/sse/status?code=500', '/sse/wrong-type'];

/** Data over several `data:` lines, after a comment, with an empty line: kept verbatim. */
export const MULTILINE = {
  streams: ['/sse/multiline?count=3&interval=20'],
  data: [1, 2, 3].map((n) => multilineData(n).data),
};

/** `n` held streams, tagged so that each test's streams are its own. */
export const holdStreams = (n: number, tag: string): string[] =>
  Array.from({ length: n }, (_, i) => `/sse/hold?key=${tag}&n=${i + 1}`);

/** Eight held streams to one HTTP/1.1 origin: the 7th and 8th wait for a free connection. */
export const BUDGET_PILE_UP = {
  streams: holdStreams(8, 'pile'),
  pool: { protocol: 'http/1.1', open: 6, limit: 6, queued: 2, lingering: 0 },
  queuedStates: ['connecting', 'connecting'],
  warning: /6 of 6/,
};

/**
 * Page code opening eight held fetch streams (GET, `Accept: text/event-stream`), each read to
 * its end: 6 get a connection, 2 wait.
 */
export const FETCH_PILE_UP = `(() => {
  for (let i = 0; i < 8; i++) {
    void fetch('/fetch/hold?key=budget-' + i, { headers: { accept: 'text/event-stream' } })
      .then(async (res) => {
        const reader = res.body?.getReader();
        while (reader && !(await reader.read()).done);
      });
  }
})()`;

/**
 * Page code that reads the first event of six held fetch streams and cancels each body, then
 * opens a seventh. `/fetch/hold` next writes a heartbeat `hb` ms after its event. Firefox
 * keeps a cancelled body's connection until the server writes to it again, so there the
 * seventh waits for the first heartbeat; Chromium lets each connection go at its cancel.
 */
const CANCELLED_HEARTBEAT_MS = 6000;
export const CANCELLED_BODIES = {
  heartbeatMs: CANCELLED_HEARTBEAT_MS,
  script: `(() => {
    const hinted = { headers: { accept: 'text/event-stream' } };
    void (async () => {
      for (let i = 0; i < 6; i++) {
        const res = await fetch('/fetch/hold?hb=${CANCELLED_HEARTBEAT_MS}&key=cancelled-' + i, hinted);
        const reader = res.body.getReader();
        await reader.read();
        await reader.cancel();
      }
      const next = await fetch('/fetch/hold?hb=${CANCELLED_HEARTBEAT_MS}&key=cancelled-next', hinted);
      const reader = next.body.getReader();
      while (!(await reader.read()).done);
    })();
  })()`,
  seventh: 'cancelled-next',
};

/** Pause and clear: a held stream, one opened while paused, one after recording again. */
export const PAUSE_AND_CLEAR = {
  held: ['/sse/hold?key=tb'],
  whilePaused: '/sse/counter?count=3&interval=10&key=tb-paused',
  afterResume: '/sse/counter?count=2&interval=10&key=tb-live',
  framesAfterResume: 2,
  pausedNotice: 'not recorded while paused',
};

/** What export then import round-trips: named, reconnecting and multi-line streams. */
export const EXPORT_CAPTURE = {
  streams: [
    '/sse/named?count=6&interval=20&key=ex-named',
    '/sse/reconnect?count=2&retry=100&rounds=2&interval=10&key=ex-rc',
    '/sse/multiline?count=3&interval=20',
  ],
  listen: ['update'],
  connections: 3,
  frames: 11,
  /** The import notice's count of what it imported. */
  imported: '3 connections, 11 frames',
};

/** A short stream reloaded: 3 frames per load, kept across the reload only with preserve log. */
export const RELOADED_STREAM = {
  streams: ['/sse/counter?count=3&interval=10&key=rl'],
  framesPerLoad: 3,
};

/** The frames /fetch/sse sends: its `retry:` and comment, then `count` events. */
export function fetchSseFrames(count: number): {
  kind: string;
  type: string;
  eventId: string;
  data: string;
}[] {
  const frames = [
    { kind: 'retry', type: '', eventId: '', data: '3000' },
    { kind: 'comment', type: '', eventId: '', data: 'fetch-sse' },
  ];
  for (let n = 1; n <= count; n++) {
    const e = fetchSseEvent(n);
    frames.push({ kind: 'event', type: e.event ?? 'message', eventId: String(e.id), data: e.data });
  }
  return frames;
}
