import { describe, expect, it } from 'vitest';
import { CaptureBuffer, type BufferLimits } from '../../src/bridge/capture-buffer';
import type { CapturedRecord } from '../../src/capture/records';
import type { Bufferable } from '../../src/bridge/capture-buffer';

/** Generous caps, with the ones a test is about set low. */
const limits = (caps: Partial<BufferLimits>): BufferLimits => ({
  maxRecords: 100,
  maxDataChars: 1000,
  maxMetaRecords: 100,
  maxMetaChars: 100_000,
  maxConnections: 100,
  ...caps,
});

const conn = (id: number, stack = ''): Bufferable => ({
  kind: 'connection',
  conn: id,
  t: 1,
  url: `http://a/${id}`,
  withCredentials: false,
  frameUrl: '',
  stack,
});
const state = (id: number, readyState: 0 | 1 | 2): Bufferable => ({
  kind: 'state',
  conn: id,
  t: 3,
  readyState,
  cause: readyState === 1 ? 'open' : readyState === 0 ? 'error' : 'close',
});
const listen = (id: number, type: string): Bufferable => ({ kind: 'listen', conn: id, t: 4, type });
const zero = { malformed: 0, staleHook: 0, untrackedConnections: 0, untrackedRecords: 0 };
/** What a panel replaying the buffer can tell about a connection. */
const seen = (all: CapturedRecord[], id: number) => ({
  announced: all.some((r) => r.kind === 'connection' && r.conn === id),
  states: all.flatMap((r) => (r.kind === 'state' && r.conn === id ? [r.readyState] : [])),
});
const ev = (id: number, data = 'x'): Bufferable => ({
  kind: 'event',
  conn: id,
  t: 2,
  type: 'message',
  data,
  lastEventId: '',
  origin: '',
  size: data.length,
  truncated: false,
  seq: 0,
});

describe('CaptureBuffer', () => {
  it('numbers records in order and returns them in seq order', () => {
    const b = new CaptureBuffer(limits({}));
    const out = b.append([conn(1), ev(1), ev(1)]);
    b.append([conn(2), ev(2)]);
    expect(out.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(b.all().map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('evicts the oldest frames first', () => {
    const b = new CaptureBuffer(limits({ maxRecords: 3 }));
    b.append([conn(1)]);
    b.append([ev(1, 'a'), ev(1, 'b'), ev(1, 'c'), ev(1, 'd'), ev(1, 'e')]);
    const all = b.all();
    expect(all[0]?.kind).toBe('connection');
    expect(all.filter((r) => r.kind === 'event').map((r) => r.kind === 'event' && r.data)).toEqual([
      'c',
      'd',
      'e',
    ]);
    // The gap in seq (2, 3 missing) is how a panel learns that two frames were evicted.
    expect(all.map((r) => r.seq)).toEqual([1, 4, 5, 6]);
  });

  it('evicts by total data size', () => {
    const b = new CaptureBuffer(limits({ maxDataChars: 10 }));
    b.append([ev(1, '12345'), ev(1, '12345'), ev(1, '12345')]);
    expect(b.frameCount).toBe(2);
    expect(b.all().map((r) => r.seq)).toEqual([2, 3]);
  });

  it('stays ordered and bounded across many evictions', () => {
    const b = new CaptureBuffer(limits({ maxRecords: 1000, maxDataChars: 1e9 }));
    b.append([conn(1)]);
    for (let i = 0; i < 50; i++) b.append(Array.from({ length: 500 }, () => ev(1)));
    const seqs = b.all().map((r) => r.seq);
    expect(seqs).toHaveLength(1001);
    expect(seqs.every((s, i) => i === 0 || s > (seqs[i - 1] ?? 0))).toBe(true);
    expect(seqs[1]).toBe(24_002);
  });

  it("never evicts a live stream's connection record or current state when bookkeeping overflows", () => {
    const b = new CaptureBuffer(limits({ maxMetaRecords: 4 }));
    b.append([conn(1), state(1, 1)]);
    // A closed stream, then enough bookkeeping on the live one to pass the cap twice over.
    b.append([conn(2), state(2, 2)]);
    b.append([listen(1, 'a'), listen(1, 'b'), state(1, 0), state(1, 1), listen(1, 'c')]);
    const all = b.all();
    expect(all.filter((r) => r.kind !== 'event')).toHaveLength(4);
    // Its current state (the last one, open again) is there.
    expect(seen(all, 1)).toEqual({ announced: true, states: [0, 1] });
    // What went first: the closed stream, then the live one's oldest listen and state records.
    expect(seen(all, 2)).toEqual({ announced: false, states: [] });
    expect(all.map((r) => r.seq)).toEqual([1, 7, 8, 9]);
  });

  it("keeps live streams' records even when they alone exceed the bookkeeping cap", () => {
    const b = new CaptureBuffer(limits({ maxMetaRecords: 2 }));
    b.append([conn(1), conn(2), conn(3), state(3, 1)]);
    expect(b.all().map((r) => r.kind)).toEqual(['connection', 'connection', 'connection', 'state']);
  });

  it('caps bookkeeping by size: long stacks of ended streams are evicted', () => {
    const stack = 's'.repeat(1000);
    const b = new CaptureBuffer(limits({ maxMetaChars: 3500 }));
    b.append([conn(1, stack), state(1, 2), conn(2, stack), state(2, 2)]);
    b.append([conn(3, stack), conn(4, stack)]);
    const all = b.all();
    expect(seen(all, 1)).toEqual({ announced: false, states: [] });
    expect(seen(all, 2)).toEqual({ announced: true, states: [2] });
    expect([3, 4].map((id) => seen(all, id).announced)).toEqual([true, true]);
  });

  it('counts connections over maxConnections instead of tracking them', () => {
    const b = new CaptureBuffer(limits({ maxConnections: 2 }));
    b.append([conn(1), conn(2), conn(3), ev(3), state(3, 1), ev(1)]);
    expect(b.counters).toMatchObject({ untrackedConnections: 1, untrackedRecords: 2 });
    expect(b.all().map((r) => `${r.kind}${r.conn}`)).toEqual([
      'connection1',
      'connection2',
      'event1',
    ]);
    // Numbering has no gap for them: the panel must not count them as evicted.
    expect(b.all().map((r) => r.seq)).toEqual([1, 2, 3]);
    // A slot frees when a tracked stream ends; the untracked one stays untracked.
    b.append([state(1, 2), ev(3), conn(4), ev(4)]);
    expect(b.counters).toMatchObject({ untrackedConnections: 1, untrackedRecords: 3 });
    expect(
      b
        .all()
        .map((r) => `${r.kind}${r.conn}`)
        .slice(-2),
    ).toEqual(['connection4', 'event4']);
  });

  it('does not track a connection whose bookkeeping would not fit beside the live ones', () => {
    const b = new CaptureBuffer(limits({ maxMetaChars: 2500 }));
    b.append([conn(1, 's'.repeat(1000)), conn(2, 's'.repeat(1000)), conn(3, 's'.repeat(1000))]);
    expect(b.counters.untrackedConnections).toBe(1);
    expect(b.all().map((r) => r.conn)).toEqual([1, 2]);
  });

  it('clearFrames drops frames but keeps connections, and remembers what it cleared', () => {
    const b = new CaptureBuffer(limits({}));
    b.append([conn(1), ev(1), ev(1)]);
    b.clearFrames();
    expect(b.all().map((r) => r.kind)).toEqual(['connection']);
    expect(b.clearedThrough).toBe(3);
  });

  it('clearFrames starts the loss counters over', () => {
    const b = new CaptureBuffer(limits({ maxConnections: 1 }));
    b.append([conn(1), conn(2)]);
    b.noteLost(4);
    b.noteRejected(2, 3);
    expect(b.counters).toEqual({
      malformed: 2,
      staleHook: 3,
      untrackedConnections: 1,
      untrackedRecords: 0,
    });
    b.clearFrames();
    expect(b.lostUpstream).toBe(0);
    // The untracked connection is still live, so still counted: its frames go on being dropped.
    expect(b.counters).toEqual({ ...zero, untrackedConnections: 1 });
    b.append([ev(2), state(2, 2)]);
    expect(b.counters).toEqual({ ...zero, untrackedConnections: 1, untrackedRecords: 2 });
    b.clearFrames();
    expect(b.counters).toEqual(zero);
  });
});
