// Checks the scenario SSE server over real HTTP (Node's fetch, node:http2 + eventsource-parser), so
// the end-to-end tests and the demo can rely on its exact event sequences, headers and counters.
import { get, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
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
      ['/fetch-page?run=reader&url=%2Ffetch%2Fsse', 'SSE Lens fetch test page'],
    ] as const) {
      const response = await fetch(sse(path));
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      // The demo's title also names its catalog key (data-i18n), English until translated.
      expect(await response.text()).toMatch(
        new RegExp(`<title( data-i18n="page.title")?>${title}</title>`),
      );
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

  it('fetch/sse: reads and records a POST body over h2, and echoes it', async () => {
    const stream = session.request({
      ':path': '/fetch/sse?count=1&interval=0&echo=1&key=h2-echo',
      ':method': 'POST',
      'content-type': 'text/plain',
    });
    stream.end('over h2');
    stream.setEncoding('utf8');
    let text = '';
    stream.on('data', (chunk: string) => (text += chunk));
    await new Promise((resolve) => stream.once('end', resolve));
    expect(text).toContain('event: echo\ndata: over h2\n\n');
    expect(server.stats().requests.at(-1)).toMatchObject({
      path: '/fetch/sse',
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: { text: 'over h2', size: 7, truncated: false },
    });
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

describe('scenario server /fetch/* streams', () => {
  let server: ScenarioServer;
  const at = (path: string): string => `${server.origin}${path}`;
  /** The request log entries for `path`, in arrival order. */
  const logged = (path: string) => server.stats().requests.filter((r) => r.path === path);

  beforeAll(async () => {
    server = await startScenarioServer();
  });
  afterAll(async () => {
    await server.close();
  });

  /** Parses a whole SSE body. */
  function parseSse(text: string): Omit<Collected, 'response' | 'ended'> {
    const parsed = {
      events: [] as EventSourceMessage[],
      retries: [] as number[],
      comments: [] as string[],
    };
    const parser = createParser({
      onEvent: (event) => parsed.events.push(event),
      onRetry: (ms) => parsed.retries.push(ms),
      onComment: (comment) => parsed.comments.push(comment),
    });
    parser.feed(text);
    return parsed;
  }

  /** Splits a Connect streaming body into its envelopes, checking every length prefix. */
  function connectEnvelopes(bytes: Uint8Array): { flags: number; payload: unknown }[] {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const envelopes: { flags: number; payload: unknown }[] = [];
    let offset = 0;
    while (offset < bytes.length) {
      if (offset + 5 > bytes.length) throw new Error(`half a prefix at ${offset}`);
      const flags = view.getUint8(offset);
      const length = view.getUint32(offset + 1);
      const end = offset + 5 + length;
      if (end > bytes.length) throw new Error(`envelope at ${offset} overruns the body`);
      const json = new TextDecoder().decode(bytes.subarray(offset + 5, end));
      envelopes.push({ flags, payload: JSON.parse(json) as unknown });
      offset = end;
    }
    return envelopes;
  }

  it('sse: POST body, method and headers land in the request log; the stream has every field', async () => {
    const body = JSON.stringify({ prompt: 'hello', n: 1 });
    const response = await fetch(at('/fetch/sse?count=3&interval=0&retry=1500&key=fs-1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-run': 'one' },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const { events, retries, comments } = parseSse(await response.text());
    expect(retries).toEqual([1500]);
    expect(comments).toEqual(['fetch-sse']);
    expect(events).toEqual([
      { event: undefined, id: '1', data: '{"n":1}' },
      { event: 'delta', id: '2', data: '{"n":2,"delta":"token 2"}' },
      { event: undefined, id: '3', data: 'line 1 of 3\nline 2 of 3\nline 3 of 3' },
    ]);
    const [request] = logged('/fetch/sse');
    expect(request).toMatchObject({
      method: 'POST',
      body: { text: body, size: body.length, truncated: false },
    });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-test-run': 'one',
    });
    expect(server.stats().eventsSent['fs-1']).toBe(3);
  });

  it('sse: echo=1 sends the request body back as a first echo event; GET has a null body', async () => {
    const body = 'chat: hi\nsecond line';
    const echoed = await fetch(at('/fetch/sse?count=1&interval=0&echo=1'), {
      method: 'POST',
      body,
    });
    const { events } = parseSse(await echoed.text());
    expect(events.map((e) => [e.event, e.id, e.data])).toEqual([
      ['echo', undefined, body],
      [undefined, '1', '{"n":1}'],
    ]);
    await (await fetch(at('/fetch/sse?count=0&key=fs-get'))).text();
    expect(logged('/fetch/sse').at(-1)).toMatchObject({ method: 'GET', body: null });
  });

  it('records the true size of a body over the 2 MiB cap, keeping its first 2 MiB', async () => {
    const size = 3 * 1024 * 1024 + 5;
    const response = await fetch(at('/fetch/json?key=big-body'), {
      method: 'POST',
      body: new Uint8Array(size).fill(0x61),
    });
    expect(await response.json()).toEqual({ ok: true, items: [1, 2, 3] });
    const body = logged('/fetch/json').at(-1)?.body;
    expect(body).toMatchObject({ size, truncated: true });
    expect(body?.text.length).toBe(2 * 1024 * 1024);
  });

  it('ndjson: one JSON line per write, line `bad` invalid, type overridable', async () => {
    const response = await fetch(at('/fetch/ndjson?count=4&interval=0&bad=3'));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text()).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ n: 1, text: 'line 1' });
    expect(() => JSON.parse(lines[2] ?? '') as unknown).toThrow(SyntaxError);
    expect(JSON.parse(lines[3] ?? '')).toEqual({ n: 4, text: 'line 4' });
    const jsonl = await fetch(at('/fetch/ndjson?count=1&type=application/jsonl'));
    expect(jsonl.headers.get('content-type')).toBe('application/jsonl');
    expect(await jsonl.text()).toBe('{"n":1,"text":"line 1"}\n');
  });

  it('fast: a POST gets count events of size characters in order, then the body ends', async () => {
    const count = 5_000;
    const response = await fetch(at('/fetch/fast?count=5000&size=100&key=ff-1'), {
      method: 'POST',
      body: '{}',
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const { events } = parseSse(await response.text());
    expect(events).toHaveLength(count);
    expect(events.every((e, i) => e.id === String(i + 1) && e.data.length === 100)).toBe(true);
    expect(server.stats().eventsSent['ff-1']).toBe(count);
    expect(logged('/fetch/fast').at(-1)).toMatchObject({ method: 'POST' });
  });

  it('connect: length-prefixed envelopes ending with an end-of-stream error and metadata', async () => {
    const response = await fetch(
      at('/fetch/connect?count=2&interval=0&error=resource_exhausted&trailer=1'),
      { method: 'POST', headers: { 'content-type': 'application/connect+json' }, body: '{}' },
    );
    expect(response.headers.get('content-type')).toBe('application/connect+json');
    expect(connectEnvelopes(new Uint8Array(await response.arrayBuffer()))).toEqual([
      { flags: 0, payload: { n: 1, text: 'message 1' } },
      { flags: 0, payload: { n: 2, text: 'message 2' } },
      {
        flags: 2,
        payload: {
          error: { code: 'resource_exhausted', message: 'scenario error: resource_exhausted' },
          metadata: { 'x-scenario': ['connect'] },
        },
      },
    ]);
    const clean = await fetch(at('/fetch/connect?count=1&interval=0'));
    expect(connectEnvelopes(new Uint8Array(await clean.arrayBuffer())).at(-1)).toEqual({
      flags: 2,
      payload: {},
    });
  });

  it('status: an HTTP error status carrying an event stream', async () => {
    const response = await fetch(at('/fetch/status?code=500'), { method: 'POST', body: 'x' });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(parseSse(await response.text()).events.map((e) => e.data)).toEqual([
      'error event 1',
      'error event 2',
      'error event 3',
    ]);
  });

  it('redirect: 302 turns a POST into a GET, 307 keeps the method and body', async () => {
    const to = encodeURIComponent('/fetch/sse?count=1&interval=0&echo=1');
    const manual = await fetch(at(`/fetch/redirect?to=${to}`), { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/fetch/sse?count=1&interval=0&echo=1');

    server.reset();
    const followed = await fetch(at(`/fetch/redirect?to=${to}`), { method: 'POST', body: 'b1' });
    expect(followed.redirected).toBe(true);
    expect(parseSse(await followed.text()).events[0]).toMatchObject({ event: 'echo', data: '' });
    const kept = await fetch(at(`/fetch/redirect?to=${to}&code=307`), {
      method: 'POST',
      body: 'b2',
    });
    expect(parseSse(await kept.text()).events[0]).toMatchObject({ event: 'echo', data: 'b2' });
    expect(server.stats().requests.map((r) => [r.path, r.method, r.body?.text ?? null])).toEqual([
      ['/fetch/redirect', 'POST', 'b1'],
      ['/fetch/sse', 'GET', null],
      ['/fetch/redirect', 'POST', 'b2'],
      ['/fetch/sse', 'POST', 'b2'],
    ]);
    expect((await fetch(at('/fetch/redirect?to=//elsewhere.invalid/'))).status).toBe(400);
  });

  it('cut: the body read fails with a network error after count events and half of one', async () => {
    const response = await fetch(at('/fetch/cut?count=2&interval=0'));
    expect(response.status).toBe(200);
    if (response.body === null) throw new Error('no body');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const failure = await (async () => {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return null;
        text += chunk.value;
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(text).toBe('id: 1\ndata: ok 1\n\nid: 2\ndata: ok 2\n\nid: 3\ndata: PARTIAL');
    await waitFor(() => server.stats().openStreams === 0);
  });

  it('mislabelled: SSE field lines under exactly the content type asked for', async () => {
    for (const type of ['text/plain', 'application/json', 'application/octet-stream']) {
      const response = await fetch(at(`/fetch/mislabelled?type=${encodeURIComponent(type)}`));
      expect(response.headers.get('content-type')).toBe(type);
      expect(await response.text()).toBe(
        'id: 1\ndata: mislabelled 1\n\nid: 2\ndata: mislabelled 2\n\nid: 3\ndata: mislabelled 3\n\n',
      );
    }
  });

  it('json: a plain JSON body with a length, not a stream', async () => {
    const opened = server.stats().openStreams;
    const response = await fetch(at('/fetch/json'));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ ok: true, items: [1, 2, 3] });
    expect(server.stats().openStreams).toBe(opened);
    expect(server.stats().streamsByPath['/fetch/json']).toBeUndefined();
  });

  it('large: ~10 MB of events, some over 1 MiB, then a done event with the totals', async () => {
    const response = await fetch(at('/fetch/large?mb=10'));
    const { events } = parseSse(await response.text());
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    const data = events.slice(0, -1);
    const bytes = data.reduce((sum, e) => sum + e.data.length, 0);
    expect(bytes).toBe(10_000_000);
    expect(JSON.parse(done?.data ?? '')).toEqual({ events: data.length, bytes });
    expect(data.filter((e) => e.data.length > 1024 * 1024).length).toBeGreaterThanOrEqual(4);
    expect(data.map((e) => e.id)).toEqual(data.map((_, i) => String(i + 1)));
  });

  it('large: stops writing while the client reads nothing (waits for drain)', async () => {
    const request = get(at('/fetch/large?mb=64&key=fl-paused'), { agent: false });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      request.once('response', resolve);
      request.once('error', reject);
    });
    response.pause();
    await waitFor(() => (server.stats().eventsSent['fl-paused'] ?? 0) > 0);
    // Without backpressure the whole 64 MB (about 225 events) is written before this round trip.
    expect(await (await fetch(at('/fetch/json'))).json()).toEqual({ ok: true, items: [1, 2, 3] });
    expect(server.stats().eventsSent['fl-paused']).toBeLessThan(60);
    request.destroy();
    await waitFor(() => server.stats().openStreams === 0);
  });

  it('hold: one open event, then the stream stays open and counted until the client goes', async () => {
    const controllers = [new AbortController(), new AbortController()];
    const opened = await Promise.all(
      controllers.map(async (controller, i) => {
        const response = await fetch(at(`/fetch/hold?key=fh-${i}`), {
          method: 'POST',
          body: String(i),
          signal: controller.signal,
        });
        if (response.body === null) throw new Error('no body');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        return (await reader.read()).value;
      }),
    );
    expect(opened).toEqual(['id: 1\ndata: open\n\n', 'id: 1\ndata: open\n\n']);
    expect(server.stats()).toMatchObject({ openStreams: 2, streamsByPath: { '/fetch/hold': 2 } });
    for (const controller of controllers) controller.abort();
    await waitFor(() => server.stats().openStreams === 0);
    expect(server.stats().streamsByPath).toEqual({});
  });

  it('answers a preflight for a POST with custom headers', async () => {
    const preflight = await fetch(at('/fetch/sse'), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:1234',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-sse-lens-run',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'content-type, x-sse-lens-run',
    );
  });

  it('404s an unknown /fetch/ path and records it', async () => {
    expect((await fetch(at('/fetch/nope'), { method: 'POST', body: 'z' })).status).toBe(404);
    expect(logged('/fetch/nope')).toMatchObject([{ method: 'POST', body: { text: 'z' } }]);
  });
});
