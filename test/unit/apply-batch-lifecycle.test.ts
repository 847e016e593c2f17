// Document lifecycle, pausing and memory bounds of the panel model: which documents a
// navigation retires, what pausing still records, and how per-connection history, the
// connection map and the retired-document set stay bounded (each with a counter).
import { describe, expect, it } from 'vitest';
import { applyBatch, clearCapture } from '../../src/model/apply-batch';
import { setRecording } from '../../src/model/recording';
import {
  createCaptureState,
  KEEP_FIRST_HISTORY,
  KEEP_LAST_HISTORY,
  MAX_RETIRED_DOCS,
  type CaptureState,
} from '../../src/model/capture-state';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { ContentToPanel, MessageOf } from '../../src/protocol/messages';

const doc = (id: string, startedAt: number, top = true): DocInfo => ({
  id,
  url: `http://a/${id}`,
  top,
  startedAt,
});
const oldTop = doc('old', 1000);
const oldFrame = doc('oldFrame', 1010, false);
const newTop = doc('new', 5000);
const newFrame = doc('newFrame', 5050, false);

const hello = (d: DocInfo): MessageOf<ContentToPanel> => ({ v: 1, type: 'hello', doc: d });
const batch = (d: DocInfo, records: CapturedRecord[]): MessageOf<ContentToPanel> => ({
  v: 1,
  type: 'records',
  doc: d,
  records,
  lost: 0,
  clearedThrough: 0,
  sync: false,
});
const conn = (seq: number, t: number, c = 1): CapturedRecord => ({
  kind: 'connection',
  seq,
  conn: c,
  t,
  url: `http://a/s${c}`,
  withCredentials: false,
  frameUrl: 'http://a/',
  stack: '',
});
const st = (seq: number, t: number, readyState: 0 | 1 | 2, cause: 'open' | 'error' | 'close') =>
  ({ kind: 'state', seq, conn: 1, t, readyState, cause }) as CapturedRecord;
const ev = (seq: number, t: number, c = 1): CapturedRecord => ({
  kind: 'event',
  seq,
  conn: c,
  t,
  type: 'message',
  data: `d${seq}`,
  lastEventId: String(seq),
  origin: 'http://a',
  size: 2,
  truncated: false,
});
const queue = (seq: number, t: number, queued: boolean): CapturedRecord => ({
  kind: 'queue',
  seq,
  conn: 1,
  t,
  queued,
  pool: 'p',
});

/** The old page: a top document and an iframe, each with an open stream and a frame. */
function oldPage(preserveLog: boolean): CaptureState {
  const s = createCaptureState();
  s.preserveLog = preserveLog;
  applyBatch(s, hello(oldTop));
  applyBatch(s, batch(oldTop, [conn(1, 1100), st(2, 1101, 1, 'open'), ev(3, 1200)]));
  applyBatch(s, batch(oldFrame, [conn(1, 1100), st(2, 1101, 1, 'open'), ev(3, 1300)]));
  return s;
}

describe('navigation', () => {
  it("keeps the new page's iframe that connected before its top document said hello", () => {
    for (const preserveLog of [false, true]) {
      const s = oldPage(preserveLog);
      applyBatch(s, hello(newFrame));
      applyBatch(s, batch(newFrame, [conn(1, 5100), st(2, 5101, 1, 'open'), ev(3, 5200)]));
      const r = applyBatch(s, hello(newTop));
      expect(r.navigated).toBe(true);
      applyBatch(s, batch(newFrame, [ev(4, 5300)]));
      const frame = s.connections.get('newFrame:1');
      expect(frame).toMatchObject({ state: 'open', frames: 2 });
      expect(s.frames.filter((f) => f.connection === 'newFrame:1')).toHaveLength(2);
    }
  });

  it("without preserve log drops the left page's connections and ignores its late records", () => {
    const s = oldPage(false);
    applyBatch(s, hello(newTop));
    expect([...s.connections.keys()]).toEqual([]);
    expect(s.frames).toEqual([]);
    applyBatch(s, batch(oldFrame, [ev(4, 5001)]));
    // A document of the old page never heard of before is older than the navigation too.
    applyBatch(s, batch(doc('unseen', 1500, false), [conn(1, 5002)]));
    expect(s.connections.size).toBe(0);
  });

  it("with preserve log closes the left page's connections as unloaded, at the navigation", () => {
    const s = oldPage(true);
    applyBatch(s, hello(newTop));
    for (const key of ['old:1', 'oldFrame:1']) {
      const c = s.connections.get(key);
      expect(c).toMatchObject({ state: 'closed', readyState: 2, closedAt: 5000 });
      expect(c?.transitions.at(-1)).toEqual({
        t: 5000,
        readyState: 2,
        cause: 'close',
        unloaded: true,
      });
    }
    expect(s.frames).toHaveLength(2);
  });

  it('a page restored from the back/forward cache is shown again', () => {
    const s = oldPage(false);
    applyBatch(s, hello(newTop));
    applyBatch(s, batch(newTop, [conn(1, 5100)]));
    // Back: the old document (an older start, a retired id) is shown again and says hello.
    const restored = { ...oldTop, shownAt: 8000 };
    const r = applyBatch(s, hello(restored));
    expect(r.navigated).toBe(true);
    applyBatch(s, batch(restored, [conn(4, 9000, 2)]));
    expect([...s.connections.keys()]).toEqual(['old:2']);
    // The page left for it is retired although it started later.
    applyBatch(s, batch(newTop, [ev(2, 9001)]));
    expect(s.frames).toHaveLength(0);
  });

  it('a late hello from the page that was left does not take the view back', () => {
    const s = oldPage(false);
    applyBatch(s, hello(newTop));
    applyBatch(s, batch(newTop, [conn(1, 5100)]));
    // A wake reached the old document while it unloaded (Firefox): it says hello, not shown.
    const r = applyBatch(s, hello(oldTop));
    expect(r.navigated).toBe(false);
    expect([...s.connections.keys()]).toEqual(['new:1']);
    applyBatch(s, batch(newTop, [ev(2, 5200)]));
    expect(s.frames).toHaveLength(1);
  });

  it('remembers a bounded number of retired documents', () => {
    const s = createCaptureState();
    for (let i = 0; i < MAX_RETIRED_DOCS + 50; i++) applyBatch(s, hello(doc(`d${i}`, i)));
    expect(s.retiredDocs.size).toBe(MAX_RETIRED_DOCS);
    // A forgotten id is still older than the navigation.
    applyBatch(s, batch(doc('d0', 0), [conn(1, 1)]));
    expect(s.connections.size).toBe(0);
  });
});

describe('paused', () => {
  it('records the lifecycle but not frames, and counts the frames not recorded', () => {
    const s = createCaptureState();
    applyBatch(s, batch(oldTop, [conn(1, 1), st(2, 2, 1, 'open'), ev(3, 3)]));
    s.recording = false;
    applyBatch(
      s,
      batch(oldTop, [
        ev(4, 4),
        st(5, 5, 2, 'close'),
        conn(6, 6, 2),
        { kind: 'listen', seq: 7, conn: 2, t: 7, type: 'tick' },
        ev(8, 8, 2),
      ]),
    );
    s.recording = true;
    expect(s.droppedWhilePaused).toBe(2);
    expect(s.connections.get('old:1')).toMatchObject({ state: 'closed', closedAt: 5, frames: 1 });
    expect(s.connections.get('old:2')).toMatchObject({
      url: 'http://a/s2',
      state: 'connecting',
      listenedTypes: ['tick'],
      frames: 0,
    });
    expect(s.frames.map((f) => f.id)).toEqual(['3']);
  });
});

describe('paused, with frames arriving late', () => {
  it('does not record a frame of the pause that arrives after resuming', () => {
    const s = createCaptureState();
    applyBatch(s, batch(oldTop, [conn(1, 1), ev(2, 10)]));
    setRecording(s, false, 100);
    setRecording(s, true, 200);
    // Batched in the page during the pause, delivered after the resume.
    applyBatch(s, batch(oldTop, [ev(3, 150), st(4, 160, 2, 'close'), ev(5, 250)]));
    expect(s.frames.map((f) => f.id)).toEqual(['2', '5']);
    expect(s.droppedWhilePaused).toBe(1);
    expect(s.connections.get('old:1')).toMatchObject({ state: 'closed', frames: 2 });
  });

  it('remembers a bounded number of pauses', () => {
    const s = createCaptureState();
    for (let i = 0; i < 100; i++) {
      setRecording(s, false, 10 * i);
      setRecording(s, true, 10 * i + 5);
    }
    expect(s.pauses.length).toBeLessThanOrEqual(8);
  });
});

describe('memory bounds', () => {
  it('keeps the first and last transitions and counts the ones dropped between', () => {
    const s = createCaptureState();
    const records: CapturedRecord[] = [conn(1, 0)];
    const cycles = 300;
    for (let i = 0; i < cycles; i++) {
      records.push(st(records.length + 1, 10 * i + 1, 1, 'open'));
      records.push(st(records.length + 1, 10 * i + 2, 0, 'error'));
    }
    applyBatch(s, batch(oldTop, records));
    const c = s.connections.get('old:1');
    const kept = KEEP_FIRST_HISTORY + KEEP_LAST_HISTORY;
    expect(c?.transitions).toHaveLength(kept);
    expect(c?.transitionsElided).toBe(1 + 2 * cycles - kept);
    expect(c?.transitions[0]?.cause).toBe('create');
    expect(c?.transitions.at(-1)).toMatchObject({ t: 10 * (cycles - 1) + 2, cause: 'error' });
    expect(c?.retries).toBe(cycles);
  });

  it('keeps the first and last queue waits and counts the ones dropped between', () => {
    const s = createCaptureState();
    const records: CapturedRecord[] = [conn(1, 0)];
    for (let i = 0; i < 500; i++) {
      records.push(queue(records.length + 1, 2 * i + 1, true));
      records.push(queue(records.length + 1, 2 * i + 2, false));
    }
    applyBatch(s, batch(oldTop, records));
    const c = s.connections.get('old:1');
    expect(c?.queueWaits).toHaveLength(KEEP_FIRST_HISTORY + KEEP_LAST_HISTORY);
    expect(c?.queueWaitsElided).toBe(500 - KEEP_FIRST_HISTORY - KEEP_LAST_HISTORY);
    expect(c?.queueWaits.at(-1)).toEqual({ since: 999, until: 1000, pool: 'p' });
  });

  it('evicts the oldest finished connections whose frames are gone, never live ones', () => {
    const s = createCaptureState(5);
    s.maxConnections = 20;
    let seq = 0;
    const records: CapturedRecord[] = [];
    // Connection 1 stays open; 2..40 open, get one frame and close.
    records.push(conn(++seq, 0, 1));
    for (let c = 2; c <= 40; c++) {
      records.push(conn(++seq, c, c), ev(++seq, c, c));
      records.push({ kind: 'state', seq: ++seq, conn: c, t: c, readyState: 2, cause: 'close' });
    }
    applyBatch(s, batch(oldTop, records));
    expect(s.connections.size).toBeLessThanOrEqual(20);
    expect(s.connectionsEvicted).toBe(40 - s.connections.size);
    expect(s.connections.has('old:1')).toBe(true);
    // Connections whose frames are still held are kept.
    for (const f of s.frames) expect(s.connections.has(f.connection)).toBe(true);
    clearCapture(s);
    expect(s.connectionsEvicted).toBe(0);
  });
});
