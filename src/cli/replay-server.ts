// Serves a capture as a mock SSE server on 127.0.0.1: each connection at its own path, with
// the captured frames, gaps, reconnects and failures (scaled by `speed`), resuming from a
// client's Last-Event-ID; a fetch/XHR stream answers its recorded method only, with its
// recorded status, Content-Type and body. `GET /` lists the endpoints as JSON.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CaptureFile } from '../export/capture-types';
import { parseUrl } from '../export/url-parts';
import type { StreamTrailer } from '../sse/parse-stream';
import { writeEvent, writeTrailer } from '../sse/write-stream';
import { paceTimelessFetch, planFetch, type FetchPlan } from './replay-fetch';
import type { Locale } from '../i18n/locales';
import { cliMessage, cliText } from './cli-text';
import { replayNotes } from './replay-notes';
import {
  paceTimeless,
  planConnection,
  resumePosition,
  type PlannedAttempt,
  type Position,
} from './replay-plan';

export interface ReplayOptions {
  /** 0 picks a free port. */
  port: number;
  /** 2 plays twice as fast; every delay, `retry:` included, is divided by it. */
  speed: number;
  /** Start over after the last frame instead of ending or holding. */
  loop: boolean;
  /** The language of `notes`; English when not given. */
  locale?: Locale;
}

export interface ReplayEndpoint {
  url: string;
  /** The captured connection's URL. */
  original: string;
  frames: number;
  attempts: number;
  /** fetch/XHR streams: the one method the endpoint answers. */
  method?: string;
}

export interface ReplayServer {
  origin: string;
  endpoints: ReplayEndpoint[];
  /** What the replay cannot reproduce exactly, one sentence each, in `options.locale`. */
  notes: string[];
  close(): Promise<void>;
}

interface Endpoint {
  info: ReplayEndpoint;
  plan: PlannedAttempt[];
  /** Comments, `retry:` and an id-only block the stream held after its last frame. */
  trailer: StreamTrailer;
  timeless: boolean;
  /** The attempt to serve next after the server ended one (consumed by the next request). */
  pending: number | null;
  /** Set for fetch/XHR streams, which are served from it instead of `plan`. */
  fetch: FetchPlan | null;
}

const HOST = '127.0.0.1';

export async function startReplay(
  file: CaptureFile,
  options: ReplayOptions,
): Promise<ReplayServer> {
  const endpoints: Endpoint[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => route(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  const origin = `http://${HOST}:${address.port}`;
  file.connections.forEach((c, i) => {
    const plan = planConnection(c);
    const fetchPlan = planFetch(c);
    const timeless = fetchPlan ? paceTimelessFetch(fetchPlan) : paceTimeless(plan);
    const parsed = parseUrl(c.url);
    const path = parsed ? `${parsed.pathname}${parsed.search}` : '/stream';
    endpoints.push({
      info: {
        url: `${origin}/${i + 1}${path}`,
        original: c.url,
        frames: c.frames.length,
        attempts: c.attempts.length,
        ...(fetchPlan && { method: fetchPlan.method }),
      },
      plan,
      trailer: c.trailer ?? {},
      timeless,
      pending: null,
      fetch: fetchPlan,
    });
  });

  function route(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', origin).pathname;
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      const asked = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        ...cors,
        'access-control-allow-headers': asked ?? 'last-event-id, cache-control',
        'access-control-allow-methods': endpointAt(path)?.fetch?.method ?? 'GET',
      });
      res.end();
      return;
    }
    if (path === '/') {
      res.writeHead(200, { ...cors, 'content-type': 'application/json; charset=utf-8' });
      res.end(
        `${JSON.stringify(
          endpoints.map((e) => e.info),
          null,
          2,
        )}\n`,
      );
      return;
    }
    const endpoint = endpointAt(path);
    if (!endpoint) {
      res.writeHead(404, { ...cors, 'content-type': 'text/plain; charset=utf-8' });
      res.end(`No replayed connection at ${path}; see ${origin}/\n`);
      return;
    }
    if (endpoint.fetch) {
      replayFetch(endpoint.fetch, endpoint.info, req, res, cors);
      return;
    }
    const header = req.headers['last-event-id'];
    const lastEventId = (Array.isArray(header) ? header[0] : header) ?? '';
    const start = resumePosition(endpoint.plan, lastEventId, endpoint.pending);
    endpoint.pending = null;
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    serve(endpoint, start, lastEventId, res, cors, abort.signal).catch((error: unknown) => {
      if (!abort.signal.aborted) {
        console.error(cliText(cliMessage('fail.stream'), options.locale), error);
        res.destroy();
      }
    });
  }

  function endpointAt(path: string): Endpoint | undefined {
    const n = /^\/(\d+)(?:\/|$)/.exec(path)?.[1];
    return n === undefined ? undefined : endpoints[Number(n) - 1];
  }

  function replayFetch(
    plan: FetchPlan,
    info: ReplayEndpoint,
    req: IncomingMessage,
    res: ServerResponse,
    cors: Record<string, string>,
  ): void {
    req.resume();
    if (req.method !== plan.method) {
      res.writeHead(405, {
        ...cors,
        allow: plan.method,
        'content-type': 'text/plain; charset=utf-8',
      });
      res.end(
        `${info.url} replays a ${plan.method} stream (captured from ${plan.method} ` +
          `${info.original}); send ${plan.method}, not ${req.method ?? 'an unknown method'}\n`,
      );
      return;
    }
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    serveFetch(plan, res, cors, abort.signal).catch((error: unknown) => {
      if (!abort.signal.aborted) {
        console.error(cliText(cliMessage('fail.stream'), options.locale), error);
        res.destroy();
      }
    });
  }

  async function serveFetch(
    plan: FetchPlan,
    res: ServerResponse,
    cors: Record<string, string>,
    signal: AbortSignal,
  ): Promise<void> {
    const clock = new Clock(options.speed, signal);
    await clock.wait(plan.headerDelay);
    // A request the server had not answered at export stays unanswered, as it was.
    if (plan.response === null) return;
    const { status, statusText, contentType } = plan.response;
    const type = contentType === null ? {} : { 'content-type': contentType };
    res.writeHead(status, statusText, { ...cors, ...type, 'cache-control': 'no-store' });
    res.flushHeaders();
    for (;;) {
      const loopStart = performance.now();
      for (const { gap, bytes } of plan.chunks) {
        await clock.wait(gap);
        if (!res.write(bytes)) await once(res, 'drain', { signal });
      }
      if (options.loop && plan.chunks.length > 0) {
        await clock.atLeast(loopStart, MIN_LOOP_MS);
        continue;
      }
      await clock.wait(plan.tail);
      if (plan.ending === 'end') res.end();
      else if (plan.ending === 'drop') res.socket?.destroy();
      return; // hold: open until the client leaves
    }
  }

  async function serve(
    endpoint: Endpoint,
    start: Position | null,
    lastEventId: string,
    res: ServerResponse,
    cors: Record<string, string>,
    signal: AbortSignal,
  ): Promise<void> {
    const plan = endpoint.plan;
    let position = start ?? (options.loop ? { attempt: 0, frame: 0 } : null);
    const first = position === null ? undefined : plan[position.attempt];
    if (position === null || first === undefined) {
      res.writeHead(204, cors).end();
      return;
    }
    const clock = new Clock(options.speed, signal);
    if (position.frame === 0) await clock.wait(first.headerDelay);
    if (first.ending === 'drop' && !first.opens) {
      endpoint.pending = position.attempt + 1;
      res.socket?.destroy();
      return;
    }
    // An attempt that never got a response at export stays unanswered, as it was.
    if (first.response === null) return;
    const { status, contentType } = first.response;
    const type = contentType === null ? {} : { 'content-type': contentType };
    if (!first.opens) {
      res.writeHead(status, { ...cors, ...type }).end();
      return;
    }
    res.writeHead(status, { ...cors, ...type, 'cache-control': 'no-store' });
    res.flushHeaders();
    const write = async (chunk: string): Promise<void> => {
      if (!res.write(chunk)) await once(res, 'drain', { signal });
    };
    let buffer = lastEventId;
    for (;;) {
      const loopStart = performance.now();
      const attempt = plan[position.attempt];
      if (attempt === undefined) return;
      if (attempt.retry !== null && position.frame === 0) {
        await write(`${INFERRED_RETRY}retry: ${Math.round(attempt.retry / options.speed)}\n\n`);
      }
      for (const { gap, frame } of attempt.frames.slice(position.frame)) {
        await clock.wait(gap);
        const retry =
          frame.retry === undefined ? {} : { retry: Math.round(frame.retry / options.speed) };
        await write(writeEvent({ ...frame, ...retry }, buffer));
        buffer = frame.id;
      }
      const trailer =
        position.attempt === plan.length - 1 ? writeTrailer(endpoint.trailer, buffer) : '';
      if (trailer !== '') {
        await write(trailer);
        buffer = endpoint.trailer.lastEventId ?? buffer;
      }
      if (attempt.ending === 'end') {
        await clock.wait(attempt.tail);
        endpoint.pending = position.attempt + 1;
        res.end();
        return;
      }
      const hasFrames = plan.some((a) => a.frames.length > 0);
      if (!options.loop || !hasFrames) return; // hold: open until the client leaves
      // However short the capture, a loop takes a while and lets other work run between loops.
      await clock.atLeast(loopStart, MIN_LOOP_MS);
      position = { attempt: 0, frame: 0 };
    }
  }

  return {
    origin,
    endpoints: endpoints.map((e) => e.info),
    notes: replayNotes(
      endpoints.filter((e) => e.fetch === null),
      fetchPlans(endpoints),
    ).map((note) => cliText(note, options.locale)),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function fetchPlans(endpoints: readonly Endpoint[]): FetchPlan[] {
  return endpoints.flatMap((e) => (e.fetch ? [e.fetch] : []));
}

/** Marks a `retry:` the replay inferred from the observed reconnect delay (a comment line). */
export const INFERRED_RETRY =
  ': retry inferred by sse-lens replay from the observed reconnect delay\n';

/** A loop of the capture lasts at least this long (divided by speed), so it cannot spin. */
const MIN_LOOP_MS = 100;

/** Waits out capture delays divided by `speed`, against one schedule so gaps do not drift. */
class Clock {
  private due = performance.now();

  constructor(
    private readonly speed: number,
    private readonly signal: AbortSignal,
  ) {}

  async wait(captureMs: number): Promise<void> {
    this.due += captureMs / this.speed;
    const ms = this.due - performance.now();
    if (ms > 0) await sleep(ms, undefined, { signal: this.signal });
    if (this.signal.aborted) throw new Error('client left');
  }

  /** Waits until `captureMs` (scaled) have passed since `since`; always yields once. */
  async atLeast(since: number, captureMs: number): Promise<void> {
    this.due = Math.max(this.due, since + captureMs / this.speed);
    const ms = this.due - performance.now();
    await sleep(Math.max(0, ms), undefined, { signal: this.signal });
    if (this.signal.aborted) throw new Error('client left');
  }
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin === undefined
    ? { 'access-control-allow-origin': '*' }
    : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
}
