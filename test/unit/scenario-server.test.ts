// Checks the scenario SSE server over real HTTP (Node's fetch, node:http2 + eventsource-parser), so
// the end-to-end tests and the demo can rely on its exact event sequences, headers and counters.
import { get, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { TLSSocket } from 'node:tls';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../fixtures/scenario-server';

interface Collected {
  response: Response;
  events: EventSourceMessage[];
  retries: number[];
  comments: string[];
  /** The server ended the response. */
  ended: boolean;
}

/** Reads an SSE response until `enough` says so (or the server ends it), then aborts. */
async function readSse(
  url: string,
  enough: (collected: Collected) => boolean,
  headers: Record<string, string> = {},
): Promise<Collected> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const collected: Collected = { response, events: [], retries: [], comments: [], ended: false };
  const parser = createParser({
    onEvent: (event) => collected.events.push(event),
    onRetry: (ms) => collected.retries.push(ms),
    onComment: (comment) => collected.comments.push(comment),
  });
  if (response.body === null) throw new Error(`no body from ${url}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (!enough(collected)) {
      const chunk = await reader.read();
      if (chunk.done) {
        collected.ended = true;
        break;
      }
      parser.feed(chunk.value);
    }
  } finally {
    controller.abort();
  }
  return collected;
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('scenario server', () => {
  let server: ScenarioServer;
  const sse = (path: string): string => `${server.origin}${path}`;

  beforeAll(async () => {
    server = await startScenarioServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on an ephemeral 127.0.0.1 port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('named: message, update, ping in turn, with ids and JSON data', async () => {
    const { response, events } = await readSse(
      sse('/sse/named?count=5&interval=0&key=named-1'),
      (c) => c.events.length >= 5,
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(events.map((e) => [e.event ?? 'message', e.id])).toEqual([
      ['message', '1'],
      ['update', '2'],
      ['ping', '3'],
      ['message', '4'],
      ['update', '5'],
    ]);
    expect(events.map((e) => e.event)).toContain(undefined);
    expect(JSON.parse(events[1]?.data ?? '')).toEqual({ n: 2, type: 'update' });
    expect(server.stats().eventsSent['named-1']).toBe(5);
  });

  it('multiline: data lines join with \\n; a comment and an empty data line', async () => {
    const { events, comments } = await readSse(
      sse('/sse/multiline?count=3&interval=0'),
      (c) => c.events.length >= 3,
    );
    expect(events.map((e) => e.data)).toEqual([
      'event 1\nline 2\nline 3',
      'event 2\nafter a comment',
      'event 3\n\nafter an empty line',
    ]);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(comments).toEqual(['keep-alive']);
  });

  it('reconnect: sends retry, hangs up, then continues from Last-Event-ID and holds', async () => {
    const url = sse('/sse/reconnect?count=3&retry=123&rounds=2&interval=0&key=rc-1');
    const first = await readSse(url, () => false);
    expect(first.ended).toBe(true);
    expect(first.retries).toEqual([123]);
    expect(first.events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(JSON.parse(first.events[0]?.data ?? '')).toEqual({ n: 1, round: 1 });

    const second = await readSse(url, (c) => c.events.length >= 3, { 'last-event-id': '3' });
    expect(second.ended).toBe(false);
    expect(second.retries).toEqual([123]);
    expect(second.events.map((e) => e.id)).toEqual(['4', '5', '6']);
    expect(JSON.parse(second.events[2]?.data ?? '')).toEqual({ n: 6, round: 2 });

    const requests = server.stats().requests.filter((r) => r.path === '/sse/reconnect');
    expect(requests.map((r) => r.lastEventId)).toEqual([null, '3']);
    expect(server.stats().eventsSent['rc-1']).toBe(6);
  });

  it('status: 204 without a body, 500 with a text body, no event stream', async () => {
    const noContent = await fetch(sse('/sse/status?code=204'));
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe('');
    const failure = await fetch(sse('/sse/status?code=500'));
    expect(failure.status).toBe(500);
    expect(failure.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await failure.text()).toContain('500');
  });

  it('wrong-type: 200 text/plain carrying an SSE-looking body', async () => {
    const response = await fetch(sse('/sse/wrong-type'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('data: x\n\n');
  });

  it('fast: exactly count events of size characters, in order', async () => {
    const count = 5_000;
    const { events } = await readSse(
      sse(`/sse/fast?count=${count}&size=100&key=fast-1`),
      (c) => c.events.length >= count,
    );
    expect(events).toHaveLength(count);
    expect(events.every((e, i) => e.id === String(i + 1) && e.data.length === 100)).toBe(true);
    expect(JSON.parse(events[count - 1]?.data ?? '')).toMatchObject({ n: count });
    expect(server.stats().eventsSent['fast-1']).toBe(count);
  });

  it('large: one event of exactly size characters, then after-large', async () => {
    const size = 2_000_000;
    const { events } = await readSse(sse(`/sse/large?size=${size}`), (c) => c.events.length >= 2);
    expect(events[0]?.data.length).toBe(size);
    expect(events[0]?.data).toMatch(/^[a-z0-9]+$/);
    expect(events[1]).toEqual({ event: 'message', id: '2', data: 'after-large' });
  });

  it('counter: data i with id i and an optional event type; key counts separately', async () => {
    const [a, b] = await Promise.all([
      readSse(sse('/sse/counter?count=3&interval=0&key=ca'), (c) => c.events.length >= 3),
      readSse(
        sse('/sse/counter?count=2&interval=0&event=tick&key=cb'),
        (c) => c.events.length >= 2,
      ),
    ]);
    expect(a.events).toEqual([
      { event: undefined, id: '1', data: '1' },
      { event: undefined, id: '2', data: '2' },
      { event: undefined, id: '3', data: '3' },
    ]);
    expect(b.events.map((e) => e.event)).toEqual(['tick', 'tick']);
    expect(server.stats().eventsSent).toMatchObject({ ca: 3, cb: 2 });
  });

  it('hold: sends an open comment, then heartbeats', async () => {
    const { comments } = await readSse(sse('/sse/hold?hb=10'), (c) => c.comments.length >= 3);
    expect(comments.slice(0, 3)).toEqual(['open', 'hb', 'hb']);
  });

  it('serves the pages as HTML and 404s the rest', async () => {
    for (const [path, title] of [
      ['/', 'SSE Lens demo'],
      ['/page?open=%2Fsse%2Fnamed', 'SSE Lens test page'],
      ['/blank', 'SSE Lens blank page'],
      ['/iframes', 'SSE Lens iframes page'],
    ] as const) {
      const response = await fetch(sse(path));
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain(`<title>${title}</title>`);
    }
    expect((await fetch(sse('/nope'))).status).toBe(404);
    expect((await fetch(sse('/sse/nope'))).status).toBe(404);
  });

  it('CORS: echoes Origin on streams and answers preflights without opening one', async () => {
    const origin = 'http://localhost:1234';
    const { response } = await readSse(
      sse('/sse/counter?count=1&interval=0&key=cors'),
      () => true,
      {
        origin,
      },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const preflight = await fetch(sse('/sse/named'), { method: 'OPTIONS', headers: { origin } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('last-event-id');
    expect(server.stats().eventsSent['/sse/named']).toBeUndefined();
  });

  it('reset: forgets requests, event counts and reconnect rounds', async () => {
    const url = sse('/sse/reconnect?count=1&rounds=2&interval=0&key=rc-reset');
    expect((await readSse(url, () => false)).ended).toBe(true);
    server.reset();
    expect(server.stats()).toMatchObject({ requests: [], eventsSent: {} });
    expect((await readSse(url, () => false)).ended).toBe(true);
  });
});

describe('scenario server live counters', () => {
  /** A GET on its own socket (no pool), resolved once the response head arrives. */
  function openOwnSocket(url: string): Promise<ClientRequest> {
    return new Promise((resolve, reject) => {
      const request = get(url, { agent: false }, () => resolve(request));
      request.on('error', reject);
    });
  }

  it('counts open sockets and streams, and drops to 0 after clients abort', async () => {
    const server = await startScenarioServer();
    try {
      const clients = await Promise.all([
        openOwnSocket(`${server.origin}/sse/hold`),
        openOwnSocket(`${server.origin}/sse/hold`),
        openOwnSocket(`${server.origin}/sse/counter?count=1`),
      ]);
      await waitFor(() => server.stats().openStreams === 3);
      expect(server.stats()).toMatchObject({
        openSockets: 3,
        openStreams: 3,
        streamsByPath: { '/sse/hold': 2, '/sse/counter': 1 },
      });

      for (const client of clients) client.destroy();
      await waitFor(() => server.stats().openStreams === 0 && server.stats().openSockets === 0);
      expect(server.stats().streamsByPath).toEqual({});
      expect(server.stats().requests.map((r) => r.path)).toEqual([
        '/sse/hold',
        '/sse/hold',
        '/sse/counter',
      ]);
    } finally {
      await server.close();
    }
  });

  it('close() ends held streams and destroys their sockets', async () => {
    const server = await startScenarioServer();
    const client = await openOwnSocket(`${server.origin}/sse/named?count=1`);
    const clientClosed = new Promise((resolve) => client.once('close', resolve));
    await waitFor(() => server.stats().openStreams === 1);
    await server.close();
    expect(server.stats()).toMatchObject({ openSockets: 0, openStreams: 0, streamsByPath: {} });
    await clientClosed;
  });
});

describe('scenario server over HTTP/2', () => {
  interface OpenedStream {
    stream: ClientHttp2Stream;
    headers: IncomingHttpHeaders;
  }

  /** A session that accepts the server's throwaway self-signed certificate. */
  function connectH2(server: ScenarioServer): ClientHttp2Session {
    return connect(server.origin, { rejectUnauthorized: false });
  }

  /** Opens `path` on `session`, resolved once the response head arrives. */
  function openH2(session: ClientHttp2Session, path: string): Promise<OpenedStream> {
    return new Promise((resolve, reject) => {
      const stream = session.request({ ':path': path });
      stream.once('response', (headers) => resolve({ stream, headers }));
      stream.once('error', reject);
    });
  }

  /** Reads an SSE stream until `enough` holds, then cancels it. */
  async function readH2Events(
    session: ClientHttp2Session,
    path: string,
    enough: (events: readonly EventSourceMessage[]) => boolean,
  ): Promise<{ headers: IncomingHttpHeaders; events: EventSourceMessage[] }> {
    const { stream, headers } = await openH2(session, path);
    const events: EventSourceMessage[] = [];
    const parser = createParser({ onEvent: (event) => events.push(event) });
    stream.setEncoding('utf8');
    try {
      await new Promise<void>((resolve, reject) => {
        stream.on('data', (chunk: string) => {
          parser.feed(chunk);
          if (enough(events)) resolve();
        });
        stream.once('end', () => reject(new Error(`${path} ended after ${events.length} events`)));
        stream.once('error', reject);
      });
    } finally {
      stream.close();
    }
    return { headers, events };
  }

  let server: ScenarioServer;
  let session: ClientHttp2Session;

  beforeAll(async () => {
    server = await startScenarioServer({ http2: true });
    session = connectH2(server);
  });
  afterAll(async () => {
    session.destroy();
    await server.close();
  });

  it('speaks h2 only, over TLS with a certificate for 127.0.0.1 and localhost', async () => {
    expect(server.protocol).toBe('h2');
    expect(server.origin).toBe(`https://127.0.0.1:${server.port}`);
    await openH2(session, '/blank').then(({ stream }) => stream.close());
    expect(session.alpnProtocol).toBe('h2');
    const socket = session.socket;
    if (!(socket instanceof TLSSocket)) throw new Error('expected a TLS socket');
    expect(socket.getPeerCertificate().subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1');
  });

  it('opens 8 concurrent held streams over one session, and counts them closing', async () => {
    const opened = await Promise.all(
      Array.from({ length: 8 }, (_, i) => openH2(session, `/sse/hold?n=${i + 1}`)),
    );
    await waitFor(() => server.stats().openStreams === 8);
    expect(server.stats()).toMatchObject({
      openSockets: 1,
      openStreams: 8,
      streamsByPath: { '/sse/hold': 8 },
    });
    expect(opened.map(({ headers }) => headers[':status'])).toEqual(Array(8).fill(200));
    expect(opened[0]?.headers['content-type']).toBe('text/event-stream; charset=utf-8');

    for (const { stream } of opened) stream.close();
    await waitFor(() => server.stats().openStreams === 0);
    expect(server.stats()).toMatchObject({ openSockets: 1, streamsByPath: {} });
  });

  it('counter: delivers count events and counts them per key', async () => {
    const { events } = await readH2Events(
      session,
      '/sse/counter?count=3&interval=0&key=h2-counter',
      (received) => received.length >= 3,
    );
    expect(events).toEqual([
      { event: undefined, id: '1', data: '1' },
      { event: undefined, id: '2', data: '2' },
      { event: undefined, id: '3', data: '3' },
    ]);
    expect(server.stats().eventsSent['h2-counter']).toBe(3);
    expect(server.stats().requests.at(-1)).toMatchObject({ path: '/sse/counter' });
  });

  it('large: a 2 MB event waits out h2 flow control (drain) and arrives whole', async () => {
    const size = 2_000_000;
    const { events } = await readH2Events(
      session,
      `/sse/large?size=${size}`,
      (received) => received.length >= 2,
    );
    expect(events[0]?.data.length).toBe(size);
    expect(events[1]).toEqual({ event: 'message', id: '2', data: 'after-large' });
  });

  it('fast: stops writing while the client reads nothing (backpressure per h2 stream)', async () => {
    const count = 100_000;
    const { stream } = await openH2(session, `/sse/fast?count=${count}&size=100&key=h2-paused`);
    stream.pause();
    await waitFor(() => (server.stats().eventsSent['h2-paused'] ?? 0) > 0);
    // Without backpressure the whole run would be written before this round trip completes.
    await readH2Events(session, '/sse/counter?count=1&interval=0', (events) => events.length >= 1);
    expect(server.stats().eventsSent['h2-paused']).toBeLessThan(count / 10);
    stream.close();
  });

  it('serves pages and status responses through the same handler', async () => {
    const { stream, headers } = await openH2(session, '/sse/status?code=204');
    stream.close();
    expect(headers[':status']).toBe(204);
    const page = await openH2(session, '/page');
    page.stream.close();
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('close() destroys sessions with held streams, promptly', async () => {
    const own = await startScenarioServer({ http2: true });
    const client = connectH2(own);
    const clientClosed = new Promise((resolve) => client.once('close', resolve));
    await Promise.all([openH2(client, '/sse/hold'), openH2(client, '/sse/named?count=1')]);
    await waitFor(() => own.stats().openStreams === 2);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(own.stats()).toMatchObject({ openSockets: 0, openStreams: 0, streamsByPath: {} });
    await clientClosed;
  });
});
