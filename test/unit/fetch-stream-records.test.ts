// The fetch/XHR stream records on their way from the hook to the panel: the schema check
// at the content-script boundary, the expansion of head/chunk/end into frames and state
// records, and what the panel model keeps of them.
import { describe, expect, it } from 'vitest';
import {
  MAX_DEFERRED_CHARS,
  MAX_DEFERRED_CHUNKS,
  WireStreams,
} from '../../src/bridge/wire-streams';
import type { Bufferable } from '../../src/bridge/capture-buffer';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import { applyBatch } from '../../src/model/apply-batch';
import { createCaptureState } from '../../src/model/capture-state';
import { LIMITS } from '../../src/protocol/constants';
import { sanitizeRecord, type Sanitized } from '../../src/protocol/sanitize';

const request = {
  method: 'POST',
  headers: [['content-type', 'application/json']],
  credentials: 'same-origin',
};
const connection = {
  kind: 'connection',
  conn: 1,
  t: 10,
  url: 'http://a/chat',
  withCredentials: false,
  frameUrl: 'http://a/',
  stack: '',
  api: 'fetch',
  request,
};
const head = {
  kind: 'head',
  conn: 1,
  t: 20,
  status: 200,
  statusText: 'OK',
  url: 'http://a/chat',
  redirected: false,
  headers: [['content-type', 'text/event-stream']],
  format: 'sse',
  mislabelled: false,
};
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sanitizeRecord: fetch/XHR stream records', () => {
  it('accepts a fetch connection with its request, and rejects a malformed request', () => {
    expect(sanitizeRecord(connection)).toEqual(connection);
    expect(sanitizeRecord({ ...connection, api: 'websocket' })).toBeNull();
    expect(sanitizeRecord({ ...connection, request: { ...request, credentials: 'x' } })).toBeNull();
    expect(sanitizeRecord({ ...connection, request: { ...request, headers: [['a']] } })).toBeNull();
    expect(sanitizeRecord({ ...connection, request: undefined })).toBeNull();
  });

  it('caps header lists and fields', () => {
    const many = Array.from({ length: LIMITS.maxHeaders + 1 }, (_, i) => [`h${i}`, 'v']);
    expect(sanitizeRecord({ ...head, headers: many })).toBeNull();
    const long = 'x'.repeat(LIMITS.maxFieldChars + 5);
    const r = sanitizeRecord({ ...head, headers: [['x-long', long]] });
    expect(r?.kind === 'head' && r.headers[0]?.[1].length).toBe(LIMITS.maxFieldChars);
  });

  it('turns a request body into text, or only sizes when it is not UTF-8', () => {
    const json = sanitizeRecord({ kind: 'body', conn: 1, t: 5, bytes: bytes('{"a":1}'), size: 7 });
    expect(json).toEqual({
      kind: 'body',
      conn: 1,
      t: 5,
      text: '{"a":1}',
      binary: false,
      kept: 7,
      size: 7,
    });
    const binary = sanitizeRecord({
      kind: 'body',
      conn: 1,
      t: 5,
      bytes: new Uint8Array([0xff, 0xfe, 0x00]),
      size: 3,
    });
    expect(binary).toMatchObject({ text: '', binary: true, kept: 3 });
    // A character cut at the cap is not a reason to call the body binary.
    const euro = bytes('€€');
    const cut = sanitizeRecord({ kind: 'body', conn: 1, t: 5, bytes: euro.slice(0, 4), size: 6 });
    expect(cut).toMatchObject({ text: '€', binary: false, kept: 4, size: 6 });
    expect(sanitizeRecord({ kind: 'body', conn: 1, t: 5, bytes: 'x', size: 1 })).toBeNull();
  });

  it('checks heads, chunks and ends', () => {
    expect(sanitizeRecord({ ...head, format: 'xml' })).toBeNull();
    expect(sanitizeRecord({ ...head, format: null })).toMatchObject({ format: null });
    expect(sanitizeRecord({ kind: 'chunk', conn: 1, t: 5, data: 'text' })).toMatchObject({
      data: 'text',
    });
    expect(sanitizeRecord({ kind: 'chunk', conn: 1, t: 5, data: 5 })).toBeNull();
    expect(sanitizeRecord({ kind: 'end', conn: 1, t: 5, outcome: 'aborted', error: 'x' })).toEqual({
      kind: 'end',
      conn: 1,
      t: 5,
      outcome: 'aborted',
      error: 'x',
    });
    expect(sanitizeRecord({ kind: 'end', conn: 1, t: 5, outcome: 'eaten', error: '' })).toBeNull();
  });
});

describe('WireStreams', () => {
  const expand = (w: WireStreams, r: unknown): Bufferable[] => {
    const out: Bufferable[] = [];
    w.expandInto(sanitizeRecord(r) as Sanitized, out);
    return out;
  };

  /** Streams as they parse while a panel watches. */
  const watched = (): WireStreams => {
    const w = new WireStreams();
    w.defer = false;
    return w;
  };

  it('opens at the head, parses chunks across boundaries, closes at the end', () => {
    const w = watched();
    expect(expand(w, connection)).toHaveLength(1);
    expect(expand(w, head).map((r) => r.kind)).toEqual(['head', 'state']);
    expect(
      expand(w, { kind: 'chunk', conn: 1, t: 30, data: bytes(': hi\nretry: 50\nda') }),
    ).toEqual([
      expect.objectContaining({ kind: 'event', frameKind: 'comment', data: 'hi', source: 'wire' }),
      expect.objectContaining({ kind: 'event', frameKind: 'retry', data: '50' }),
    ]);
    const events = expand(w, { kind: 'chunk', conn: 1, t: 40, data: bytes('ta: 1\nid: 7\n\n') });
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'event',
        frameKind: 'event',
        type: 'message',
        data: '1',
        lastEventId: '7',
        origin: 'http://a',
        t: 40,
      }),
    ]);
    const end = expand(w, { kind: 'end', conn: 1, t: 50, outcome: 'network-error', error: 'E' });
    expect(end.map((r) => r.kind)).toEqual(['end', 'state']);
    expect(end[1]).toMatchObject({ readyState: 2, cause: 'error' });
  });

  it('keeps an unterminated event at the end, with a note', () => {
    const w = watched();
    expand(w, head);
    expand(w, { kind: 'chunk', conn: 1, t: 30, data: bytes('data: half') });
    const end = expand(w, { kind: 'end', conn: 1, t: 50, outcome: 'complete', error: '' });
    expect(end[0]).toMatchObject({ kind: 'event', data: 'half' });
    expect(end[0]?.kind === 'event' && end[0].note).toMatch(/^unterminated/);
    expect(end.at(-1)).toMatchObject({ kind: 'state', readyState: 2, cause: 'close' });
  });

  it('cuts data over the limit and keeps its true size', () => {
    const w = watched();
    expand(w, { ...head, headers: [], format: 'ndjson' });
    const line = `"${'x'.repeat(LIMITS.maxDataChars)}"\n`;
    const [frame] = expand(w, { kind: 'chunk', conn: 1, t: 30, data: line });
    expect(frame).toMatchObject({ truncated: true, size: LIMITS.maxDataChars + 2 });
    expect(frame?.kind === 'event' && frame.data.length).toBe(LIMITS.maxDataChars);
  });

  it('while no panel watches, holds chunks unparsed and parses them, in order, when asked', () => {
    const w = new WireStreams();
    expect(expand(w, head).map((r) => r.kind)).toEqual(['head', 'state']);
    expect(
      expand(w, { kind: 'chunk', conn: 1, t: 30, data: bytes(': hi\nretry: 50\nda') }),
    ).toEqual([]);
    expect(
      expand(w, { kind: 'chunk', conn: 1, t: 40, data: bytes('ta: 1\nid: 7\n\ndata: x') }),
    ).toEqual([]);
    // The end is told at once (the budget needs it); its frames wait with the rest.
    const end = expand(w, { kind: 'end', conn: 1, t: 50, outcome: 'complete', error: '' });
    expect(end.map((r) => r.kind)).toEqual(['end', 'state']);
    const parsed: Bufferable[] = [];
    w.parseAllHeld(parsed);
    expect(parsed).toEqual([
      expect.objectContaining({ frameKind: 'comment', data: 'hi', t: 30 }),
      expect.objectContaining({ frameKind: 'retry', data: '50', t: 30 }),
      expect.objectContaining({ frameKind: 'event', data: '1', lastEventId: '7', t: 40 }),
      expect.objectContaining({ frameKind: 'event', data: 'x', t: 50 }),
    ]);
    expect(parsed[3]?.kind === 'event' && parsed[3].note).toMatch(/^unterminated/);
    const again: Bufferable[] = [];
    w.parseAllHeld(again);
    expect(again).toEqual([]);
  });

  it('parses what it held first when a panel starts watching mid-stream', () => {
    const w = new WireStreams();
    expand(w, head);
    expand(w, { kind: 'chunk', conn: 1, t: 30, data: 'data: a\n\n' });
    w.defer = false;
    expect(expand(w, { kind: 'chunk', conn: 1, t: 40, data: 'data: b\n\n' })).toEqual([
      expect.objectContaining({ data: 'a', t: 30 }),
      expect.objectContaining({ data: 'b', t: 40 }),
    ]);
  });

  it(`holds at most ${MAX_DEFERRED_CHARS} characters: past that, it parses the oldest`, () => {
    const w = new WireStreams();
    expand(w, head);
    expand(w, { ...head, conn: 2 });
    const big = `data: ${'x'.repeat(MAX_DEFERRED_CHARS / 2)}\n\n`;
    const sizes = (records: Bufferable[]) =>
      records.map((r) => [r.conn, r.t, r.kind === 'event' && r.size]);
    expect(expand(w, { kind: 'chunk', conn: 1, t: 30, data: big })).toEqual([]);
    // Past the limit, the oldest chunk held (of any stream) is parsed, and only as many as it takes.
    expect(sizes(expand(w, { kind: 'chunk', conn: 2, t: 40, data: big }))).toEqual([
      [1, 30, MAX_DEFERRED_CHARS / 2],
    ]);
    expect(sizes(expand(w, { kind: 'chunk', conn: 1, t: 50, data: big }))).toEqual([
      [2, 40, MAX_DEFERRED_CHARS / 2],
    ]);
    // The stream ends: what it still holds waits for a panel, then parses before its end.
    expand(w, { kind: 'end', conn: 1, t: 60, outcome: 'complete', error: '' });
    const rest: Bufferable[] = [];
    w.parseAllHeld(rest);
    expect(sizes(rest)).toEqual([[1, 50, MAX_DEFERRED_CHARS / 2]]);
    expect(expand(w, { kind: 'chunk', conn: 1, t: 70, data: 'data: late\n\n' })).toEqual([]);
  });

  it(`holds at most ${MAX_DEFERRED_CHUNKS} chunks, and an end behind none at all`, () => {
    const w = new WireStreams();
    expand(w, head);
    for (let i = 0; i < MAX_DEFERRED_CHUNKS; i++) {
      expect(expand(w, { kind: 'chunk', conn: 1, t: i, data: `data: ${i}\n\n` })).toEqual([]);
    }
    const over = expand(w, { kind: 'chunk', conn: 1, t: 1e6, data: 'data: over\n\n' });
    expect(over).toEqual([expect.objectContaining({ data: '0', t: 0 })]);
    // A stream that holds nothing when it ends lets its decoder go at once, its tail parsed.
    expand(w, { ...head, conn: 2 });
    const end = expand(w, { kind: 'end', conn: 2, t: 9, outcome: 'complete', error: '' });
    expect(end.map((r) => r.kind)).toEqual(['end', 'state']);
    const rest: Bufferable[] = [];
    w.parseAllHeld(rest);
    expect(rest).toHaveLength(MAX_DEFERRED_CHUNKS);
    expect(rest.every((r) => r.conn === 1)).toBe(true);
  });

  it('a head that is not a stream opens nothing, and its chunks are ignored', () => {
    const w = new WireStreams();
    expect(expand(w, { ...head, format: null }).map((r) => r.kind)).toEqual(['head']);
    expect(expand(w, { kind: 'chunk', conn: 1, t: 30, data: 'data: x\n\n' })).toEqual([]);
  });
});

describe('applyBatch: fetch streams', () => {
  const doc: DocInfo = { id: 'd', url: 'http://a/', top: true, startedAt: 1 };
  it('keeps kind, request, body, head, first frame, frame kinds and the outcome', () => {
    const state = createCaptureState();
    const records = [
      connection,
      { kind: 'body', conn: 1, t: 11, text: '{"a":1}', binary: false, kept: 7, size: 7 },
      head,
      { kind: 'state', conn: 1, t: 20, readyState: 1, cause: 'open' },
      {
        kind: 'event',
        conn: 1,
        t: 25,
        type: '',
        data: 'hi',
        lastEventId: '',
        origin: '',
        size: 2,
        truncated: false,
        source: 'wire',
        frameKind: 'comment',
      },
      {
        kind: 'event',
        conn: 1,
        t: 30,
        type: 'message',
        data: '{',
        lastEventId: '',
        origin: '',
        size: 1,
        truncated: false,
        source: 'wire',
        frameKind: 'event',
        note: 'not JSON: x',
      },
      { kind: 'end', conn: 1, t: 40, outcome: 'cancelled', error: 'done' },
      { kind: 'state', conn: 1, t: 40, readyState: 2, cause: 'close' },
    ].map((r, i) => ({ ...r, seq: i + 1 }) as CapturedRecord);
    applyBatch(state, {
      v: 1,
      type: 'records',
      doc,
      records,
      lost: 0,
      clearedThrough: 0,
      sync: false,
    });
    const c = state.connections.get('d:1');
    expect(c).toMatchObject({
      kind: 'fetch',
      state: 'closed',
      firstFrameAt: 25,
      request: { method: 'POST', body: { text: '{"a":1}', size: 7 } },
      head: { status: 200, format: 'sse' },
      outcome: { outcome: 'cancelled', error: 'done' },
    });
    expect(state.frames.map((f) => [f.kind, f.source, f.note])).toEqual([
      ['comment', 'wire', undefined],
      [undefined, 'wire', 'not JSON: x'],
    ]);
  });
});
