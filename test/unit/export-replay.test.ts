// The replay server: a capture served back on 127.0.0.1 gives a client the same frames in the
// same order, with its reconnects (resumed from Last-Event-ID), failures, speed and looping.
import { afterEach, describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureConnection, CaptureFile } from '../../src/export/capture-types';
import { importText } from '../../src/export/import-file';
import { planConnection, resumePosition } from '../../src/cli/replay-plan';
import { INFERRED_RETRY, startReplay, type ReplayServer } from '../../src/cli/replay-server';
import { NOW, sampleRecords, stateFrom } from './export-fixtures';
import { follow } from './export-replay-client';
import { schemaErrors } from './export-schema';

const EVENT_STREAM = 'text/event-stream; charset=utf-8';

const capture = () =>
  buildCapture(stateFrom(sampleRecords()), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

describe('planConnection', () => {
  it('turns attempts into delays, frames with gaps, and endings', () => {
    const [, reconnect, failed] = capture().connections;
    const plan = reconnect ? planConnection(reconnect) : [];
    expect(plan.map((a) => ({ ...a, frames: a.frames.map((f) => [f.gap, f.frame.id]) }))).toEqual([
      {
        headerDelay: 9,
        opens: true,
        response: { status: 200, contentType: EVENT_STREAM, recorded: true },
        queued: false,
        retry: 309,
        frames: [
          [10, '1'],
          [20, '2'],
        ],
        tail: 1,
        ending: 'end',
        lastEventId: '',
      },
      {
        headerDelay: 0,
        opens: true,
        response: { status: 200, contentType: EVENT_STREAM, recorded: true },
        queued: false,
        retry: null,
        frames: [
          [10, '3'],
          [20, '4'],
        ],
        tail: 0,
        ending: 'hold',
        lastEventId: '2',
      },
    ]);
    expect(failed ? planConnection(failed) : []).toEqual([
      {
        headerDelay: 28,
        opens: false,
        response: { status: 204, contentType: null, recorded: false },
        queued: false,
        retry: null,
        frames: [],
        tail: 0,
        ending: 'refuse',
        lastEventId: '',
      },
    ]);
  });

  it('resumes after the Last-Event-ID a client sends', () => {
    const reconnect = capture().connections[1];
    const plan = reconnect ? planConnection(reconnect) : [];
    expect(resumePosition(plan, '', null)).toEqual({ attempt: 0, frame: 0 });
    expect(resumePosition(plan, '2', 1)).toEqual({ attempt: 1, frame: 0 });
    expect(resumePosition(plan, '1', null)).toEqual({ attempt: 0, frame: 1 });
    expect(resumePosition(plan, '2', null)).toEqual({ attempt: 1, frame: 0 });
    expect(resumePosition(plan, '4', null)).toEqual({ attempt: 1, frame: 2 });
    expect(resumePosition(plan, 'unknown', null)).toEqual({ attempt: 0, frame: 0 });
    expect(resumePosition(plan, '', 2)).toBeNull();
  });
});

describe('startReplay', () => {
  let server: ReplayServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('serves each connection with its frames, reconnects and failures', async () => {
    server = await startReplay(capture(), { port: 0, speed: 4, loop: false });
    const [named, reconnect, failed] = server.endpoints;
    expect(server.endpoints.map((e) => new URL(e.url).pathname)).toEqual([
      '/1/sse/named',
      '/2/sse/reconnect',
      '/3/sse/status',
    ]);
    const index = (await (await fetch(`${server.origin}/`)).json()) as unknown;
    expect(index).toEqual(server.endpoints);

    const a = await follow(named?.url ?? '', 4);
    expect(a.events.map((e) => [e.type, e.id, e.data])).toEqual([
      ['message', '1', '{"n":1,"type":"message"}'],
      ['update', '2', '{"n":2,"type":"update"}'],
      ['message', '4', 'line 1\nline 2\n\nline 4'],
      ['update', '5', ''],
    ]);

    const b = await follow(reconnect?.url ?? '', 4);
    expect(b.events.map((e) => e.data)).toEqual([
      '{"n":1,"round":1}',
      '{"n":2,"round":1}',
      '{"n":3,"round":2}',
      '{"n":4,"round":2}',
    ]);
    expect(b.requests).toEqual([
      { lastEventId: '', status: 200 },
      { lastEventId: '2', status: 200 },
    ]);
    // Original gap 40 ms → 350 ms (309 ms reconnect) → 360 ms: a quarter of each at speed 4.
    const [, second, third] = b.events;
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(300 / 4 - 5);

    const c = await follow(failed?.url ?? '', 1);
    expect(c.requests).toEqual([{ lastEventId: '', status: 204 }]);
    expect(c.events).toEqual([]);
  });

  it('resumes a client that comes back with a Last-Event-ID mid-stream', async () => {
    server = await startReplay(capture(), { port: 0, speed: 10, loop: false });
    const url = server.endpoints[0]?.url ?? '';
    const res = await fetch(url, { headers: { 'last-event-id': '2' } });
    const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('data: \n') && !text.endsWith('data:\n\n')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += chunk.value;
    }
    await reader?.cancel();
    expect(text).toBe(
      'id: 4\ndata: line 1\ndata: line 2\ndata:\ndata: line 4\n\nevent: update\nid: 5\ndata:\n\n',
    );
  });

  it('loops when asked, in order, on the same response', async () => {
    server = await startReplay(capture(), { port: 0, speed: 20, loop: true });
    const looped = await follow(server.endpoints[0]?.url ?? '', 8);
    expect(looped.events.map((e) => e.id)).toEqual(['1', '2', '4', '5', '1', '2', '4', '5']);
    expect(looped.requests).toHaveLength(1);
  });

  it('replays recorded statuses and content types, marks inferred values, says the rest', async () => {
    const file = withFailures();
    expect(schemaErrors(file)).toEqual([]);
    // The optional fields survive a JSON round trip through import.
    const reread = importText('c.json', JSON.stringify(file), NOW).file;
    expect(reread.connections[2]?.attempts[0]).toMatchObject({
      httpStatus: 500,
      contentType: 'text/html; charset=utf-8',
    });
    server = await startReplay(reread, { port: 0, speed: 10, loop: false });
    const [, reconnect, http500, wrongType, unrecorded, queued] = server.endpoints;

    const statusOf = async (url = '') => {
      const res = await fetch(url);
      await res.body?.cancel();
      return [res.status, res.headers.get('content-type')];
    };
    expect(await statusOf(http500?.url)).toEqual([500, 'text/html; charset=utf-8']);
    expect(await statusOf(wrongType?.url)).toEqual([200, 'application/json']);
    expect(await statusOf(unrecorded?.url)).toEqual([204, null]);
    expect(await statusOf(queued?.url)).toEqual([200, 'text/event-stream; charset=utf-8']);

    const first = await (await fetch(reconnect?.url ?? '')).text();
    expect(first.startsWith(`${INFERRED_RETRY}retry: 31\n\n`)).toBe(true);

    expect(server.notes).toEqual([
      '1 failed attempt has no recorded HTTP status: served as 204 No Content',
      '1 reconnect delay was not sent by the server as retry: (or the capture could not see ' +
        'it): the replay sends a retry: inferred from the observed delay, after a comment ' +
        'saying so',
      '1 attempt was still queued behind the connection limit at export, so what the server ' +
        'would answer is unknown: answered with an open stream and no frames',
      '1 attempt had no response yet at export: held unanswered, as captured',
    ]);
  });
});

/**
 * The sample plus: the failed stream with its recorded 500, one refused for its content type,
 * one failed with nothing recorded, one still queued at export and one the server never
 * answered.
 */
function withFailures(): CaptureFile {
  const file = capture();
  const [, , failed] = file.connections;
  if (!failed?.attempts[0]) throw new Error('the sample changed');
  const copy = (id: string, change: (c: CaptureConnection) => void): CaptureConnection => {
    const c = structuredClone(failed);
    c.id = id;
    change(c);
    return c;
  };
  const waiting = (c: CaptureConnection): void => {
    c.state = 'connecting';
    c.closedAt = null;
    c.transitions = c.transitions.slice(0, 1);
    c.attempts = [
      {
        start: c.createdAt,
        open: null,
        end: null,
        outcome: 'ongoing',
        retryMs: null,
        lastEventId: '',
      },
    ];
  };
  const wrongType = copy('c4', (c) => {
    Object.assign(c.attempts[0] ?? {}, { httpStatus: 200, contentType: 'application/json' });
  });
  const unrecorded = copy('c5', () => {});
  const queued = copy('c6', (c) => {
    waiting(c);
    c.queueWaits = [{ since: c.createdAt, until: null, pool: 'http://127.0.0.1:4000' }];
  });
  const unanswered = copy('c7', waiting);
  Object.assign(failed.attempts[0], { httpStatus: 500, contentType: 'text/html; charset=utf-8' });
  file.connections.push(wrongType, unrecorded, queued, unanswered);
  return file;
}
