// The oracle: serves each corpus stream over real HTTP (text/event-stream, one write per
// chunk) to a real browser page's EventSource, and records what it dispatched and the
// Last-Event-ID of its reconnect, which the server answers with 204 so the EventSource stops.
// It listens on several ports: each is its own pool of six HTTP/1.1 sockets in the browser,
// so many streams are in flight at once.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { chromePath, QUIET_FLAGS } from '../../e2e/support/chromium';
import { EVENT_TYPES, type CorpusStream } from './corpus';
import type { StreamOutcome } from './outcome';

/** EventSources in flight per port: one below HTTP/1.1's six sockets per host. */
const IN_FLIGHT = 5;
const PORTS = 6;
const CORS = { 'access-control-allow-origin': '*' };

export interface OracleServer {
  origin: string;
  /** Serves the corpus to the page (which must be at `origin`) and returns what it dispatched. */
  run(page: Page, corpus: readonly CorpusStream[]): Promise<StreamOutcome[]>;
  close(): Promise<void>;
}

export async function startOracleServer(): Promise<OracleServer> {
  let corpus: readonly CorpusStream[] = [];
  let served = new Set<number>();
  let reconnectIds: string[] = [];
  const sockets = new Set<Socket>();

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/s\/(\d+)$/.exec(req.url ?? '');
    const stream = match ? corpus[Number(match[1])] : undefined;
    if (stream === undefined) {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>oracle</title>');
      return;
    }
    if (served.has(stream.index)) {
      // Node reads header bytes as Latin-1; the browser sent the id as UTF-8.
      const header = req.headers['last-event-id'];
      const latin1 = typeof header === 'string' ? header : '';
      reconnectIds[stream.index] = Buffer.from(latin1, 'latin1').toString('utf8');
      res.writeHead(204, CORS).end();
      return;
    }
    served.add(stream.index);
    res.socket?.setNoDelay(true);
    res.writeHead(200, {
      ...CORS,
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
    });
    res.flushHeaders();
    for (const chunk of stream.chunks) {
      await new Promise<void>((resolve, reject) =>
        res.write(chunk, (error) => (error ? reject(error) : resolve())),
      );
    }
    res.end();
  }

  const servers = Array.from({ length: PORTS }, () => {
    const server = createServer((req, res) => {
      serve(req, res).catch(() => res.destroy());
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    return server;
  });
  const origins = await Promise.all(
    servers.map(async (server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('expected TCP');
      return `http://127.0.0.1:${address.port}`;
    }),
  );
  const origin = origins[0]!;

  return {
    origin,
    async run(page, streams) {
      corpus = streams;
      served = new Set();
      reconnectIds = [];
      const dispatched = await page.evaluate(dispatchAll, {
        count: streams.length,
        types: [...EVENT_TYPES],
        origins,
        inFlight: IN_FLIGHT,
      });
      return dispatched.map((events, i) => ({
        events: events.map(([type, data, lastEventId]) => ({ type, data, lastEventId })),
        lastEventId: reconnectIds[i] ?? '',
      }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}

/** What plain headless Chromium dispatched for each stream of the corpus. */
export async function chromiumOutcomes(corpus: readonly CorpusStream[]): Promise<StreamOutcome[]> {
  const server = await startOracleServer();
  const browser = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.origin);
    return await server.run(page, corpus);
  } finally {
    await browser.close();
    await server.close();
  }
}

type Dispatched = [type: string, data: string, lastEventId: string][];

/** Runs in the page: opens `/s/<i>` for every stream, a few per origin, until each is closed. */
async function dispatchAll(options: {
  count: number;
  types: string[];
  origins: string[];
  inFlight: number;
}): Promise<Dispatched[]> {
  const results: Dispatched[] = [];
  let next = 0;
  const one = (i: number, origin: string) =>
    new Promise<Dispatched>((resolve) => {
      const events: Dispatched = [];
      const source = new EventSource(`${origin}/s/${i}`);
      const record = (e: Event) => {
        const m = e as MessageEvent<string>;
        events.push([m.type, m.data, m.lastEventId]);
      };
      for (const type of options.types) source.addEventListener(type, record);
      // After the body ends the browser reconnects; the server's 204 closes the source.
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) resolve(events);
      };
    });
  const worker = async (origin: string) => {
    while (next < options.count) {
      const i = next++;
      results[i] = await one(i, origin);
    }
  };
  const workers = options.origins.flatMap((origin) =>
    Array.from({ length: options.inFlight }, () => worker(origin)),
  );
  await Promise.all(workers);
  return results;
}
