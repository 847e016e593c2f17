import { describe, expect, it } from 'vitest';
import { applyBatch, clearCapture } from '../../src/model/apply-batch';
import { captureCounters, createCaptureState, totalEvicted } from '../../src/model/capture-state';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { ContentToPanel, MessageOf } from '../../src/protocol/messages';

const top1: DocInfo = { id: 'top1', url: 'http://a/', top: true, startedAt: 1 };
const top2: DocInfo = { id: 'top2', url: 'http://a/', top: true, startedAt: 2 };
const frame: DocInfo = { id: 'if1', url: 'http://b/', top: false, startedAt: 1 };

const batch = (
  doc: DocInfo,
  records: CapturedRecord[],
  lost = 0,
  clearedThrough = 0,
): MessageOf<ContentToPanel> => ({
  v: 1,
  type: 'records',
  doc,
  records,
  lost,
  clearedThrough,
  sync: false,
});
const conn = (seq: number, conn = 1): CapturedRecord => ({
  kind: 'connection',
  seq,
  conn,
  t: seq,
  url: `http://a/s${conn}`,
  withCredentials: false,
  frameUrl: 'http://a/',
  stack: '',
});
const state = (
  seq: number,
  readyState: 0 | 1 | 2,
  cause: 'open' | 'error' | 'close',
  conn = 1,
): CapturedRecord => ({
  kind: 'state',
  seq,
  conn,
  t: seq,
  readyState,
  cause,
});
const ev = (seq: number, type = 'message', conn = 1): CapturedRecord => ({
  kind: 'event',
  seq,
  conn,
  t: seq,
  type,
  data: `d${seq}`,
  lastEventId: String(seq),
  origin: 'http://a',
  size: 2,
  truncated: false,
});

describe('applyBatch', () => {
  it('builds connections with state, retries and frames', () => {
    const s = createCaptureState();
    applyBatch(
      s,
      batch(top1, [
        conn(1),
        state(2, 1, 'open'),
        ev(3),
        ev(4, 'update'),
        state(5, 0, 'error'),
        state(6, 1, 'open'),
        state(7, 2, 'close'),
      ]),
    );
    const c = s.connections.get('top1:1');
    expect(c).toMatchObject({ state: 'closed', frames: 2, retries: 1, bytes: 4, closedAt: 7 });
    expect(c?.transitions.map((t) => t.cause)).toEqual([
      'create',
      'open',
      'error',
      'open',
      'close',
    ]);
    expect(s.frames.map((f) => f.type)).toEqual(['message', 'update']);
  });

  it('ignores duplicates so a re-sync is idempotent', () => {
    const s = createCaptureState();
    const records = [conn(1), ev(2), ev(3)];
    applyBatch(s, batch(top1, records));
    const r = applyBatch(s, { ...batch(top1, records), sync: true } as MessageOf<ContentToPanel>);
    expect(r.applied).toBe(0);
    expect(s.frames).toHaveLength(2);
  });

  it('a new top document resets the view unless preserve log is on', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [conn(1), ev(2)]));
    applyBatch(s, batch(frame, [conn(1), ev(2)]));
    const r = applyBatch(s, { v: 1, type: 'hello', doc: top2 });
    expect(r.navigated).toBe(true);
    expect(s.connections.size).toBe(0);
    // Late messages from the old documents are ignored.
    applyBatch(s, batch(top1, [ev(3)]));
    expect(s.frames).toHaveLength(0);

    const kept = createCaptureState();
    kept.preserveLog = true;
    applyBatch(kept, batch(top1, [conn(1), ev(2)]));
    applyBatch(kept, batch(top2, [conn(1), ev(2)]));
    expect([...kept.connections.keys()]).toEqual(['top1:1', 'top2:1']);
    expect(kept.frames).toHaveLength(2);
  });

  it('drops records while paused and counts them; they do not come back on re-sync', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [conn(1)]));
    s.recording = false;
    applyBatch(s, batch(top1, [ev(2), ev(3)]));
    s.recording = true;
    applyBatch(s, batch(top1, [conn(1), ev(2), ev(3), ev(4)]));
    expect(s.droppedWhilePaused).toBe(2);
    expect(s.frames.map((f) => f.index)).toEqual([0]);
  });

  it('caps frames in memory, oldest first, and counts evictions from both sides', () => {
    const s = createCaptureState(100);
    applyBatch(s, batch(top1, [conn(1), ...Array.from({ length: 150 }, (_, i) => ev(i + 2))], 9));
    expect(s.frames.length).toBeLessThanOrEqual(100);
    expect(s.frames.at(-1)?.id).toBe('151');
    expect(s.connections.get('top1:1')?.frames).toBe(150);
    expect(totalEvicted(s)).toBe(150 - s.frames.length);
    // What the hook dropped was never evicted: it is counted apart.
    expect(captureCounters(s)).toMatchObject({
      droppedByHook: 9,
      evictedInPanel: 150 - s.frames.length,
    });
  });

  it('frames for a connection it never saw get a placeholder connection', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [ev(5)]));
    expect(s.connections.get('top1:1')?.frames).toBe(1);
  });

  it('clear keeps live connections with reset counters and drops closed ones', () => {
    const s = createCaptureState();
    applyBatch(
      s,
      batch(top1, [conn(1), state(2, 1, 'open'), ev(3), conn(4, 2), state(5, 2, 'error', 2)]),
    );
    clearCapture(s);
    expect([...s.connections.keys()]).toEqual(['top1:1']);
    expect(s.connections.get('top1:1')).toMatchObject({ frames: 0, state: 'open' });
    expect(s.frames).toHaveLength(0);
  });

  it('records a wait behind the connection limit, ended by the open that follows', () => {
    const s = createCaptureState();
    const queue = (seq: number, queued: boolean): CapturedRecord => ({
      kind: 'queue',
      seq,
      conn: 1,
      t: seq,
      queued,
      pool: 'P',
    });
    applyBatch(s, batch(top1, [conn(1), queue(2, true), queue(3, true)]));
    expect(s.connections.get('top1:1')).toMatchObject({
      queued: true,
      queueWaits: [{ since: 2, until: null, pool: 'P' }],
    });
    applyBatch(s, batch(top1, [state(9, 1, 'open')]));
    expect(s.connections.get('top1:1')).toMatchObject({
      queued: false,
      queueWaits: [{ since: 2, until: 9 }],
    });
    applyBatch(s, batch(top1, [queue(10, false)]));
    expect(s.connections.get('top1:1')?.queueWaits).toHaveLength(1);
  });

  it('counts what it never received from gaps in seq, except what the user cleared', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [conn(1), ev(2), ev(3)]));
    // Records 4..9 were evicted from the content script's buffer before this sync.
    applyBatch(s, batch(top1, [ev(10), ev(11)]));
    expect(totalEvicted(s)).toBe(6);
    // A new panel after a Clear that dropped 1..20: those are not losses.
    const fresh = createCaptureState();
    applyBatch(fresh, batch(top1, [conn(1), ev(21), ev(22)], 0, 20));
    expect(totalEvicted(fresh)).toBe(0);
    // Received live, then evicted at the source: nothing was lost to this panel.
    const live = createCaptureState();
    applyBatch(live, batch(top1, [conn(1), ...Array.from({ length: 10 }, (_, i) => ev(i + 2))]));
    applyBatch(live, batch(top1, [ev(12)]));
    expect(totalEvicted(live)).toBe(0);
  });
});
