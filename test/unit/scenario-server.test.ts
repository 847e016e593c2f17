// Checks the scenario SSE server over real HTTP (Node's fetch + eventsource-parser), so the
// end-to-end tests and the demo can rely on its exact event sequences, headers and counters.
import { get, type ClientRequest } from 'node:http';
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
