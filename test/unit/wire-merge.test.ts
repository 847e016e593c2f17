// Deep capture's wire records folded into the live model: a Chrome request binds to the hook's
// connection by URL and time, frames seen both ways become one `both` frame whichever source
// comes first, unlistened events, comments and `retry:` become wire frames, and the export
// keeps them all (valid against the schema, and back again through JSON and HAR).
import { describe, expect, it } from 'vitest';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { WireRecord, WireRequest } from '../../src/deep-capture/wire-records';
import { buildCapture } from '../../src/export/build-capture';
import { renderExport } from '../../src/export/render-export';
import { applyBatch, clearCapture } from '../../src/model/apply-batch';
import { setRecording } from '../../src/model/recording';
import { createCaptureState, type CaptureState } from '../../src/model/capture-state';
import { reconnectGaps } from '../../src/model/timeline';
import {
  applyWire,
  bindWaiting,
  expectWire,
  streamsOpenBeforeWire,
  wireBody,
} from '../../src/model/wire-merge';
import { createTimeOrder } from '../../panel/time-order';
import { importInto, NOW } from './export-fixtures';
import { schemaErrors } from './export-schema';

const T0 = 1_763_000_000_000;
const URL_A = 'http://127.0.0.1:4000/sse/wire';
const DOC: DocInfo = { id: 'doc', url: 'http://127.0.0.1:4000/page', top: true, startedAt: T0 };

type Body<R> = R extends CapturedRecord ? Omit<R, 'seq'> : never;
let seq = 0;
function hook(state: CaptureState, ...records: Body<CapturedRecord>[]): void {
  applyBatch(state, {
    v: 1,
    type: 'records',
    doc: DOC,
    records: records.map((r): CapturedRecord => ({ ...r, seq: ++seq })),
    lost: 0,
    clearedThrough: 0,
    sync: false,
  });
  bindWaiting(state);
}

const connection = (conn: number, t: number, url = URL_A): Body<CapturedRecord> => ({
  kind: 'connection',
  conn,
  t,
  url,
  withCredentials: false,
  frameUrl: DOC.url,
  stack: '',
});
const open = (conn: number, t: number): Body<CapturedRecord> => ({
  kind: 'state',
  conn,
  t,
  readyState: 1,
  cause: 'open',
});
const dispatched = (conn: number, t: number, id: string, data: string): Body<CapturedRecord> => ({
  kind: 'event',
  conn,
  t,
  type: 'message',
  data,
  lastEventId: id,
  origin: 'http://127.0.0.1:4000',
  size: data.length,
  truncated: false,
});
const request = (id: string, t: number, url = URL_A): WireRecord => ({
  kind: 'request',
  id,
  t,
  url,
  api: 'eventsource',
});
const message = (id: string, t: number, eventId: string, data: string, type = 'message') =>
  ({ kind: 'message', id, t, type, lastEventId: eventId, data }) as const;
const bytes = (id: string, t: number, text: string): WireRecord => ({
  kind: 'bytes',
  id,
  t,
  base64: Buffer.from(text).toString('base64'),
});

const rows = (state: CaptureState) =>
  state.frames.map((f) => [f.connection, f.kind ?? 'event', f.type, f.id, f.source ?? 'page']);
/** Kind, id and source of each frame in the order the panel's table shows them. */
const shownOrder = (state: CaptureState) =>
  createTimeOrder()
    .update(state.frames)
    .map((f) => [f.kind ?? 'event', f.id, f.source ?? 'page']);

describe('wire merge', () => {
  it('merges a frame seen by the hook first and on the wire later into one `both` frame', () => {
    const state = createCaptureState();
    expectWire(state);
    hook(state, connection(1, T0), open(1, T0 + 5), dispatched(1, T0 + 6, '1', 'a'));
    applyWire(state, [request('r1', T0 + 1), message('r1', T0 + 6, '1', 'a')]);
    expect(rows(state)).toEqual([['doc:1', 'event', 'message', '1', 'both']]);
    expect(state.connections.get('doc:1')?.frames).toBe(1);
  });

  it('merges a frame seen on the wire first, and keeps unlistened events as wire frames', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0));
    applyWire(state, [
      request('r1', T0 + 1),
      message('r1', T0 + 6, '1', 'a'),
      message('r1', T0 + 7, '2', 'b', 'unlistened'),
      message('r1', T0 + 8, '3', 'c'),
    ]);
    hook(state, open(1, T0 + 5), dispatched(1, T0 + 6, '1', 'a'), dispatched(1, T0 + 8, '3', 'c'));
    expect(rows(state)).toEqual([
      ['doc:1', 'event', 'message', '1', 'both'],
      ['doc:1', 'event', 'unlistened', '2', 'wire'],
      ['doc:1', 'event', 'message', '3', 'both'],
    ]);
    expect(state.connections.get('doc:1')?.frames).toBe(3);
  });

  it('holds a request until its connection reaches the panel', () => {
    const state = createCaptureState();
    applyWire(state, [request('r1', T0 + 1), message('r1', T0 + 6, '2', 'b', 'unlistened')]);
    expect(state.frames).toEqual([]);
    hook(state, connection(1, T0));
    expect(rows(state)).toEqual([['doc:1', 'event', 'unlistened', '2', 'wire']]);
  });

  it('holds a burst of 5,000 wire events that beat their connection to the panel', () => {
    const state = createCaptureState();
    const n = 5_000;
    const wire: WireRecord[] = [request('r1', T0)];
    for (let i = 1; i <= n; i++) wire.push(message('r1', T0 + 2, String(i), `d${i}`));
    applyWire(state, wire);
    const page: Body<CapturedRecord>[] = [connection(1, T0), open(1, T0 + 1)];
    for (let i = 1; i <= n; i++) page.push(dispatched(1, T0 + 2, String(i), `d${i}`));
    hook(state, ...page);
    expect(state.frames).toHaveLength(n);
    expect(state.frames.filter((f) => f.source === 'both')).toHaveLength(n);
    expect(state.wireUnmatched).toBe(0);
  });

  it('takes comments and retry: from the raw bytes of an EventSource, not its events twice', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0));
    applyWire(state, [
      request('r1', T0 + 1),
      bytes('r1', T0 + 5, 'retry: 1234\n: hello\n\nid: 1\ndata: a\n\n'),
      message('r1', T0 + 6, '1', 'a'),
    ]);
    expect(rows(state)).toEqual([
      ['doc:1', 'retry', '', '', 'wire'],
      ['doc:1', 'comment', '', '', 'wire'],
      ['doc:1', 'event', 'message', '1', 'wire'],
    ]);
    expect(state.frames.map((f) => f.data)).toEqual(['1234', 'hello', 'a']);
    expect(state.connections.get('doc:1')?.serverRetry).toBe(1234);
  });

  it('shows comments, retry: and unlistened events that arrive late before the events after them', () => {
    const state = createCaptureState();
    expectWire(state);
    // The page's path is faster: its events reach the panel first, timed in the same
    // millisecond as (or, by the clocks, before) the chunk that carried them.
    hook(
      state,
      connection(1, T0),
      open(1, T0 + 5),
      dispatched(1, T0 + 6, '1', 'a'),
      dispatched(1, T0 + 40, '3', 'c'),
    );
    applyWire(state, [
      request('r1', T0 + 1),
      bytes('r1', T0 + 7, 'retry: 1234\n: wire-check\n\nid: 1\ndata: a\n\n'),
      message('r1', T0 + 7, '1', 'a'),
      message('r1', T0 + 41, '2', 'b', 'unlistened'),
      bytes('r1', T0 + 41, 'event: unlistened\nid: 2\ndata: b\n\nid: 3\ndata: c\n\n'),
      message('r1', T0 + 41, '3', 'c'),
    ]);
    expect(shownOrder(state)).toEqual([
      ['retry', '', 'wire'],
      ['comment', '', 'wire'],
      ['event', '1', 'both'],
      ['event', '2', 'wire'],
      ['event', '3', 'both'],
    ]);
  });

  it('shows comments and retry: before the events Chrome parsed first, in the same millisecond', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0));
    applyWire(state, [
      request('r1', T0 + 1),
      message('r1', T0 + 5, '1', 'a'),
      bytes('r1', T0 + 5, 'retry: 5\n: c\n\nid: 1\ndata: a\n\n: d\n\n'),
    ]);
    expect(
      createTimeOrder()
        .update(state.frames)
        .map((f) => f.kind ?? f.id),
    ).toEqual(['retry', 'comment', '1', 'comment']);
  });

  it('keeps an unlistened event between the tied events around it', () => {
    const state = createCaptureState();
    expectWire(state);
    hook(
      state,
      connection(1, T0),
      open(1, T0 + 1),
      ...['1', '2', '4', '5'].map((id) => dispatched(1, T0 + 2, id, id)),
    );
    applyWire(state, [
      request('r1', T0),
      message('r1', T0 + 2, '1', '1'),
      message('r1', T0 + 2, '2', '2'),
      message('r1', T0 + 2, '3', '3', 'unlistened'),
      message('r1', T0 + 2, '4', '4'),
      message('r1', T0 + 2, '5', '5'),
    ]);
    expect(
      createTimeOrder()
        .update(state.frames)
        .map((f) => f.id),
    ).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps an unlistened event after the event before it when the page dispatched that one late', () => {
    const state = createCaptureState();
    expectWire(state);
    // A loaded page dispatched event 1 at T0 + 60, after the wire saw events 1 and 2 (T0 + 5
    // and T0 + 6); event 3 is not dispatched yet when the wire's records arrive.
    hook(state, connection(1, T0), open(1, T0 + 1), dispatched(1, T0 + 60, '1', 'a'));
    applyWire(state, [
      request('r1', T0),
      message('r1', T0 + 5, '1', 'a'),
      message('r1', T0 + 6, '2', 'b', 'unlistened'),
      message('r1', T0 + 7, '3', 'c'),
    ]);
    hook(state, dispatched(1, T0 + 61, '3', 'c'));
    expect(shownOrder(state)).toEqual([
      ['event', '1', 'both'],
      ['event', '2', 'wire'],
      ['event', '3', 'both'],
    ]);
  });

  it('makes each worker stream a connection of its own; an EventSource reconnect stays one', () => {
    const state = createCaptureState();
    const worker = { type: 'worker', url: 'http://127.0.0.1:4000/w.js', session: 'S' } as const;
    const fromWorker = (id: string, t: number, api: 'eventsource' | 'fetch'): WireRecord => ({
      ...(request(id, t) as WireRequest),
      api,
      worker,
    });
    // Before any document of the page is known, the request waits for one.
    applyWire(state, [fromWorker('S:1', T0 + 1, 'eventsource'), message('S:1', T0 + 5, '1', 'a')]);
    expect(state.connections.size).toBe(0);
    hook(state, connection(1, T0));
    applyWire(state, [
      { kind: 'end', id: 'S:1', t: T0 + 10 },
      fromWorker('S:2', T0 + 20, 'eventsource'),
      bytes('S:2', T0 + 21, ': hi\n\n'),
      message('S:2', T0 + 22, '2', 'b'),
      { kind: 'end', id: 'S:2', t: T0 + 30, canceled: true },
      fromWorker('S:3', T0 + 40, 'fetch'),
      bytes('S:3', T0 + 41, 'data: x\n\n'),
      { kind: 'end', id: 'S:3', t: T0 + 50 },
    ]);
    const workers = [...state.connections.values()].filter((c) => c.context === 'worker');
    expect(workers.map((c) => [c.kind, c.url, c.frameUrl, c.state, c.retries, c.frames])).toEqual([
      ['eventsource', URL_A, worker.url, 'closed', 1, 3],
      ['fetch', URL_A, worker.url, 'closed', 0, 1],
    ]);
    expect(workers[0]?.transitions.map((t) => [t.readyState, t.cause])).toEqual([
      [0, 'create'],
      [1, 'open'],
      [0, 'error'],
      [1, 'open'],
      [2, 'close'],
    ]);
    // The page's own EventSource to the same URL got none of them.
    expect(state.connections.get('doc:1')?.frames).toBe(0);
    expect(state.wireUnmatched).toBe(0);
  });

  it('counts the live streams deep capture started too late to see', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0), open(1, T0 + 5), connection(2, T0 + 6), connection(3, T0 + 7));
    hook(state, { kind: 'state', conn: 3, t: T0 + 8, readyState: 2, cause: 'close' });
    expect(streamsOpenBeforeWire(state)).toBe(0);
    expectWire(state, T0 + 10);
    // 1 and 2 were live before deep capture; 3 had closed.
    expect(streamsOpenBeforeWire(state)).toBe(2);
    // 2 (still connecting) makes its request now: Chrome sees it from the start.
    applyWire(state, [request('r2', T0 + 11)]);
    hook(state, connection(4, T0 + 20));
    expect(streamsOpenBeforeWire(state)).toBe(1);
  });

  it('binds each request to the connection that was connecting then, reconnects included', () => {
    const state = createCaptureState();
    // Connection 1 opened before deep capture was on (its request is unknown); 2 is new.
    hook(state, connection(1, T0), open(1, T0 + 5), connection(2, T0 + 100));
    applyWire(state, [request('r2', T0 + 101), message('r2', T0 + 110, '', 'to 2')]);
    expect(rows(state)).toEqual([['doc:2', 'event', 'message', '', 'wire']]);
    // Connection 1 loses its stream and reconnects: its new request is its own.
    hook(state, { kind: 'state', conn: 1, t: T0 + 200, readyState: 0, cause: 'error' });
    applyWire(state, [request('r3', T0 + 300), message('r3', T0 + 310, '', 'to 1')]);
    expect(rows(state).at(-1)).toEqual(['doc:1', 'event', 'message', '', 'wire']);
  });

  it('binds two streams to one URL in the order they were made, and counts what never binds', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0), connection(2, T0 + 1));
    applyWire(state, [
      request('r1', T0 + 2),
      request('r2', T0 + 3),
      message('r2', T0 + 10, '', 'second'),
      message('r1', T0 + 11, '', 'first'),
      request('r9', T0 + 20, 'http://127.0.0.1:4000/sse/other'),
      message('r9', T0 + 21, '', 'nobody'),
      { kind: 'end', id: 'r9', t: T0 + 22 },
    ]);
    expect(state.frames.map((f) => [f.connection, f.data])).toEqual([
      ['doc:2', 'second'],
      ['doc:1', 'first'],
    ]);
    expect(state.wireUnmatched).toBe(1);
  });

  it('merges a flood whose page side runs thousands of frames ahead, each frame once', () => {
    const state = createCaptureState();
    expectWire(state);
    const n = 20_000;
    const page: Body<CapturedRecord>[] = [connection(1, T0), open(1, T0 + 1)];
    for (let i = 1; i <= n; i++) page.push(dispatched(1, T0 + 2, String(i), `d${i}`));
    hook(state, ...page);
    const wire: WireRecord[] = [request('r1', T0)];
    for (let i = 1; i <= n; i++) {
      wire.push(message('r1', T0 + 2, String(i), `d${i}`));
      if (i % 1000 === 0) wire.push(message('r1', T0 + 2, '', 'x', 'unlistened'));
    }
    const started = performance.now();
    applyWire(state, wire);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(state.frames).toHaveLength(n + n / 1000);
    expect(state.frames.filter((f) => f.source === 'both')).toHaveLength(n);
    expect(state.frames.filter((f) => f.source === 'wire')).toHaveLength(n / 1000);
  });

  it('finds the twin of a frame the capture cut to its data limit', () => {
    const state = createCaptureState();
    expectWire(state);
    const big = 'x'.repeat(1024 * 1024 + 10);
    hook(state, connection(1, T0), open(1, T0 + 1), {
      kind: 'event',
      conn: 1,
      t: T0 + 2,
      type: 'message',
      data: big.slice(0, 1024 * 1024),
      lastEventId: '1',
      origin: 'http://127.0.0.1:4000',
      size: big.length,
      truncated: true,
    });
    applyWire(state, [request('r1', T0), message('r1', T0 + 2, '1', big)]);
    expect(rows(state)).toEqual([['doc:1', 'event', 'message', '1', 'both']]);
  });

  it('carries the last event id and the server retry: past comments into reconnects', () => {
    const state = createCaptureState();
    expectWire(state);
    hook(state, connection(1, T0), open(1, T0 + 5), dispatched(1, T0 + 6, '7', 'a'));
    applyWire(state, [
      request('r1', T0 + 1),
      bytes('r1', T0 + 5, 'retry: 1234\n\nid: 7\ndata: a\n\n'),
      message('r1', T0 + 6, '7', 'a'),
      bytes('r1', T0 + 8, ': heartbeat\n'),
    ]);
    hook(state, { kind: 'state', conn: 1, t: T0 + 10, readyState: 0, cause: 'error' });
    const c = state.connections.get('doc:1')!;
    const byTime = [...state.frames].sort((a, b) => a.t - b.t);
    expect(reconnectGaps(c, byTime).map((g) => g.lastEventId)).toEqual(['7']);
    const file = buildCapture(state, {
      scope: 'all',
      connections: null,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(file.connections[0]?.attempts.at(-1)).toMatchObject({ retryMs: 1234, lastEventId: '7' });
  });

  it('records no wire frame that happened while paused, even when it arrives after resuming', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0));
    setRecording(state, false, T0 + 10);
    setRecording(state, true, T0 + 20);
    applyWire(state, [
      request('r1', T0 + 1),
      message('r1', T0 + 15, '', 'during', 'unlistened'),
      message('r1', T0 + 25, '', 'after', 'unlistened'),
    ]);
    expect(state.frames.map((f) => f.data)).toEqual(['after']);
    expect(state.droppedWhilePaused).toBe(1);
  });

  it('exports wire, both and comment/retry frames valid against the schema, and reads them back', () => {
    const state = createCaptureState();
    expectWire(state);
    hook(state, connection(1, T0), open(1, T0 + 5), dispatched(1, T0 + 6, '1', 'a'));
    applyWire(state, [
      request('r1', T0 + 1),
      bytes('r1', T0 + 5, 'retry: 1234\n: hello\n\nid: 1\ndata: a\n\n'),
      message('r1', T0 + 6, '1', 'a'),
      message('r1', T0 + 7, '2', 'b', 'unlistened'),
    ]);
    const file = buildCapture(state, {
      scope: 'all',
      connections: null,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(schemaErrors(file)).toEqual([]);
    const frames = file.connections[0]?.frames.map((f) => [f.kind ?? 'event', f.id, f.source]);
    expect(frames).toEqual([
      ['event', '1', 'both'],
      ['retry', '', 'wire'],
      ['comment', '', 'wire'],
      ['event', '2', 'wire'],
    ]);
    for (const format of ['json', 'har'] as const) {
      const [exported] = renderExport(file, format);
      const back = createCaptureState();
      importInto(back, exported!.text, exported!.name);
      // In time order: a HAR files frames by attempt and time, a JSON capture by arrival.
      const byTime = [...back.frames].sort((a, b) => a.t - b.t || a.index - b.index);
      expect(
        byTime.map((f) => [f.kind ?? 'event', f.id, f.source === 'both']),
        format,
      ).toEqual([
        ['retry', '', false],
        ['comment', '', false],
        ['event', '1', true],
        ['event', '2', false],
      ]);
    }
    // Chrome's own HAR field holds only events.
    const har = JSON.parse(renderExport(file, 'har')[0]!.text) as {
      log: { entries: { _eventSourceMessages: { eventId: string }[] }[] };
    };
    expect(har.log.entries[0]?._eventSourceMessages.map((m) => m.eventId)).toEqual(['1', '2']);
  });

  it('exports a worker stream with its context, valid against the schema, and reads it back', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0));
    const worker = { type: 'serviceworker', url: 'http://127.0.0.1:4000/sw.js', session: 'S' };
    applyWire(state, [
      { ...(request('S:1', T0 + 1) as WireRequest), api: 'fetch', worker } as WireRecord,
      bytes('S:1', T0 + 2, 'data: x\n\n'),
    ]);
    const file = buildCapture(state, {
      scope: 'all',
      connections: null,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(schemaErrors(file)).toEqual([]);
    expect(file.connections.map((c) => [c.context, c.frame.url])).toEqual([
      [undefined, DOC.url],
      ['serviceworker', worker.url],
    ]);
    for (const format of ['json', 'har'] as const) {
      const [exported] = renderExport(file, format);
      const back = createCaptureState();
      importInto(back, exported!.text, exported!.name);
      const contexts = [...back.connections.values()].map((c) => [c.context, c.frames]);
      expect(contexts, format).toContainEqual(['serviceworker', 1]);
    }
  });

  it('writes a stream deep capture holds whole byte for byte in a raw export', () => {
    const state = createCaptureState();
    hook(state, connection(1, T0), connection(2, T0 + 1, 'http://127.0.0.1:4000/sse/other'));
    const body = Buffer.concat([
      Buffer.from('\ufeffid: 1\r\ndata: a'),
      Buffer.from([0x80, 0x0a, 0x0a]),
    ]);
    applyWire(state, [
      request('r1', T0 + 2),
      { kind: 'bytes', id: 'r1', t: T0 + 3, base64: body.subarray(0, 5).toString('base64') },
      { kind: 'bytes', id: 'r1', t: T0 + 4, base64: body.subarray(5).toString('base64') },
    ]);
    expect(Buffer.from(wireBody(state, 'doc:1') ?? [])).toEqual(body);
    expect(wireBody(state, 'doc:2')).toBeNull();
    const file = buildCapture(state, {
      scope: 'all',
      connections: null,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    const exact = new Map([['c1', wireBody(state, 'doc:1')!]]);
    const [first, second] = renderExport(file, 'sse', exact);
    expect(Buffer.from(first?.bytes ?? [])).toEqual(body);
    // The other stream is written from its frames, as ever.
    expect(second?.bytes).toBeUndefined();
    clearCapture(state);
    expect(wireBody(state, 'doc:1')).toBeNull();
  });

  it('keeps a finished worker stream whose frames are held when connections go over the cap', () => {
    const state = createCaptureState();
    state.maxConnections = 4;
    const closed = (conn: number, t: number): Body<CapturedRecord>[] => [
      connection(conn, t, `http://127.0.0.1:4000/sse/c${conn}`),
      { kind: 'state', conn, t: t + 1, readyState: 2, cause: 'close' },
    ];
    hook(state, ...closed(1, T0));
    const worker = { type: 'worker', url: 'http://127.0.0.1:4000/w.js', session: 'S' } as const;
    applyWire(state, [
      { ...(request('S:1', T0 + 5) as WireRequest), api: 'fetch', worker },
      bytes('S:1', T0 + 6, 'data: x\n\n'),
      { kind: 'end', id: 'S:1', t: T0 + 7 },
    ]);
    hook(state, ...closed(2, T0 + 10), ...closed(3, T0 + 20), ...closed(4, T0 + 30));
    const kept = [...state.connections.values()].map((c) => c.context ?? c.url.slice(-3));
    expect(kept).toContain('worker');
    expect(state.frames).toHaveLength(1);
    expect(state.connectionsEvicted).toBeGreaterThan(0);
  });
});

describe('wire merge of Firefox’s filtered requests', () => {
  const filtered = (id: string, t: number, api: 'eventsource' | 'fetch', by = DOC.url) =>
    ({
      kind: 'request',
      id,
      t,
      url: URL_A,
      api,
      filtered: { documentUrl: by },
    }) as const satisfies WireRecord;
  it('parses an EventSource’s events from the bytes, whatever API Firefox was thought to be', () => {
    const state = createCaptureState();
    expectWire(state);
    hook(state, connection(1, T0), open(1, T0 + 5), dispatched(1, T0 + 6, '1', 'a'));
    // A guess of `fetch` still binds to the page's EventSource: Firefox does not tell.
    applyWire(state, [
      filtered('f1', T0 + 4, 'fetch'),
      bytes('f1', T0 + 6, 'retry: 1234\n: hello\n\nid: 1\ndata: a\n\n'),
      bytes('f1', T0 + 7, 'event: unlistened\nid: 2\ndata: b\n\n'),
      { kind: 'end', id: 'f1', t: T0 + 8 },
    ]);
    expect(rows(state)).toEqual([
      ['doc:1', 'event', 'message', '1', 'both'],
      ['doc:1', 'retry', '', '', 'wire'],
      ['doc:1', 'comment', '', '', 'wire'],
      ['doc:1', 'event', 'unlistened', '2', 'wire'],
    ]);
    expect(state.connections.get('doc:1')?.serverRetry).toBe(1234);
    // The reconnect's event has no id: it carries 2, as the page's EventSource does.
    hook(
      state,
      { kind: 'state', conn: 1, t: T0 + 9, readyState: 0, cause: 'error' },
      open(1, T0 + 21),
      dispatched(1, T0 + 22, '2', 'c'),
    );
    applyWire(state, [filtered('f2', T0 + 20, 'eventsource'), bytes('f2', T0 + 22, 'data: c\n\n')]);
    expect(rows(state).at(-1)).toEqual(['doc:1', 'event', 'message', '2', 'both']);
    expect(state.wireUnmatched).toBe(0);
  });

  it('shows an unlistened event after the event before it, when the wire’s clock is behind', () => {
    const state = createCaptureState();
    expectWire(state);
    // Firefox's filter sees the chunk 2 ms before the page dispatches its events.
    hook(
      state,
      connection(1, T0),
      open(1, T0 + 5),
      dispatched(1, T0 + 87, '1', 'a'),
      dispatched(1, T0 + 87, '3', 'c'),
    );
    applyWire(state, [
      filtered('f1', T0 + 4, 'eventsource'),
      bytes(
        'f1',
        T0 + 85,
        'retry: 1234\n: hello\n\nid: 1\ndata: a\n\nevent: unlistened\nid: 2\ndata: b\n\n' +
          ': between\n\nid: 3\ndata: c\n\n: after\n\n',
      ),
    ]);
    expect(shownOrder(state)).toEqual([
      ['retry', '', 'wire'],
      ['comment', '', 'wire'],
      ['event', '1', 'both'],
      ['event', '2', 'wire'],
      ['comment', '', 'wire'],
      ['event', '3', 'both'],
      ['comment', '', 'wire'],
    ]);
  });

  it('binds a request whose head the page’s clock puts after the stream opened', () => {
    const state = createCaptureState();
    expectWire(state);
    // The head held in the background at T0 + 40; the page's clock, 2 ms behind, has the
    // open at T0 + 39. A connection that opened long before the head does not fit.
    hook(state, connection(1, T0 - 500), open(1, T0 - 400));
    hook(state, connection(2, T0), open(2, T0 + 39), dispatched(2, T0 + 41, '1', 'a'));
    applyWire(state, [
      filtered('f1', T0 + 40, 'eventsource'),
      bytes('f1', T0 + 40, 'retry: 1234\n\nid: 1\ndata: a\n\n'),
    ]);
    expect(rows(state)).toEqual([
      ['doc:2', 'event', 'message', '1', 'both'],
      ['doc:2', 'retry', '', '', 'wire'],
    ]);
  });

  it('binds a redirected request to the connection made for the URL Firefox says it asked for', () => {
    const state = createCaptureState();
    expectWire(state);
    const asked = 'http://127.0.0.1:4000/redirect?to=/sse/wire';
    hook(state, connection(1, T0, asked), open(1, T0 + 5), dispatched(1, T0 + 6, '1', 'a'));
    applyWire(state, [
      { ...filtered('f1', T0 + 4, 'eventsource'), requestedUrl: asked },
      bytes('f1', T0 + 6, ': hello\n\nid: 1\ndata: a\n\n'),
    ]);
    expect(rows(state)).toEqual([
      ['doc:1', 'event', 'message', '1', 'both'],
      ['doc:1', 'comment', '', '', 'wire'],
    ]);
    // Not taken for a worker's: a connection of the page was made for that URL.
    applyWire(state, [{ kind: 'end', id: 'f1', t: T0 + 2_000 }]);
    expect(state.connections.size).toBe(1);
    expect(state.wireUnmatched).toBe(0);
  });

  it('holds a request of a page document until its connection arrives', () => {
    const state = createCaptureState();
    hook(state, connection(9, T0 - 50, 'http://127.0.0.1:4000/other'));
    applyWire(state, [filtered('f1', T0 + 1, 'eventsource'), bytes('f1', T0 + 2, 'data: x\n\n')]);
    expect(state.connections.size).toBe(1);
    hook(state, connection(1, T0));
    expect(rows(state)).toEqual([['doc:1', 'event', 'message', '', 'wire']]);
  });

  it('makes a dedicated worker’s request, named by its script, a worker connection', () => {
    const state = createCaptureState();
    hook(state, connection(9, T0 - 50, 'http://127.0.0.1:4000/other'));
    const script = 'http://127.0.0.1:4000/stream-worker.js';
    applyWire(state, [
      filtered('w1', T0 + 1, 'eventsource', script),
      bytes('w1', T0 + 2, ': hi\n\nid: 1\ndata: x\n\n'),
    ]);
    // Held a while: the page's records of a new document may still be on their way.
    expect(state.connections.size).toBe(1);
    applyWire(state, [bytes('w1', T0 + 1_001, ': later\n\n')]);
    const worker = [...state.connections.values()].find((c) => c.context === 'worker');
    expect([worker?.kind, worker?.frameUrl, worker?.state, worker?.unattributed]).toEqual([
      'eventsource',
      script,
      'open',
      undefined,
    ]);
    expect(rows(state).map((r) => r.slice(1))).toEqual([
      ['comment', '', '', 'wire'],
      ['event', 'message', '1', 'wire'],
      ['comment', '', '', 'wire'],
    ]);
    // One that ends sooner is a worker's too, decided at its end.
    applyWire(state, [
      filtered('w2', T0 + 5, 'fetch', script),
      { kind: 'end', id: 'w2', t: T0 + 6 },
    ]);
    expect([...state.connections.values()].filter((c) => c.context === 'worker')).toHaveLength(2);
    expect(state.wireUnmatched).toBe(0);
  });

  it('binds a page’s request whose document reaches the panel after the wire', () => {
    const state = createCaptureState();
    hook(state, connection(9, T0 - 50, 'http://127.0.0.1:4000/other'));
    // The new document's stream: its request and bytes come first, from a document unknown yet.
    applyWire(state, [
      filtered('f1', T0 + 1, 'eventsource', 'http://127.0.0.1:4000/next'),
      bytes('f1', T0 + 2, 'data: x\n\n'),
    ]);
    hook(state, connection(1, T0));
    expect(rows(state)).toEqual([['doc:1', 'event', 'message', '', 'wire']]);
    expect([...state.connections.values()].some((c) => c.context)).toBe(false);
  });

  it('marks a stream of a worker Firefox gave no tab as unattributed', () => {
    const state = createCaptureState();
    hook(state, connection(9, T0 - 50, 'http://127.0.0.1:4000/other'));
    const script = 'http://127.0.0.1:4000/shared.js';
    applyWire(state, [
      {
        ...filtered('s1', T0 + 1, 'fetch', script),
        worker: { type: 'worker', url: script, session: script, unattributed: true },
      },
    ]);
    const worker = [...state.connections.values()].find((c) => c.context !== undefined);
    expect([worker?.context, worker?.unattributed, worker?.kind]).toEqual([
      'worker',
      true,
      'fetch',
    ]);
  });
});
