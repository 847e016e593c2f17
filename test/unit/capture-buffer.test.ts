import { describe, expect, it } from 'vitest';
import { CaptureBuffer } from '../../src/bridge/capture-buffer';
import type { Sanitized } from '../../src/protocol/sanitize';

const conn = (id: number): Sanitized => ({
  kind: 'connection',
  conn: id,
  t: 1,
  url: `http://a/${id}`,
  withCredentials: false,
  frameUrl: '',
  stack: '',
});
const ev = (id: number, data = 'x'): Sanitized => ({
  kind: 'event',
  conn: id,
  t: 2,
  type: 'message',
  data,
  lastEventId: '',
  origin: '',
  size: data.length,
  truncated: false,
});

describe('CaptureBuffer', () => {
  it('numbers records in order and returns them in seq order', () => {
    const b = new CaptureBuffer({ maxRecords: 100, maxDataChars: 1000 });
    const out = b.append([conn(1), ev(1), ev(1)]);
    b.append([conn(2), ev(2)]);
    expect(out.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(b.all().map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('evicts the oldest frames first and keeps connection records', () => {
    const b = new CaptureBuffer({ maxRecords: 3, maxDataChars: 1000 });
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
    const b = new CaptureBuffer({ maxRecords: 100, maxDataChars: 10 });
    b.append([ev(1, '12345'), ev(1, '12345'), ev(1, '12345')]);
    expect(b.frameCount).toBe(2);
    expect(b.all().map((r) => r.seq)).toEqual([2, 3]);
  });

  it('stays ordered and bounded across many evictions', () => {
    const b = new CaptureBuffer({ maxRecords: 1000, maxDataChars: 1e9 });
    b.append([conn(1)]);
    for (let i = 0; i < 50; i++) b.append(Array.from({ length: 500 }, () => ev(1)));
    const seqs = b.all().map((r) => r.seq);
    expect(seqs).toHaveLength(1001);
    expect(seqs.every((s, i) => i === 0 || s > (seqs[i - 1] ?? 0))).toBe(true);
    expect(seqs[1]).toBe(24_002);
  });

  it('clearFrames drops frames but keeps connections, and remembers what it cleared', () => {
    const b = new CaptureBuffer({ maxRecords: 100, maxDataChars: 1000 });
    b.append([conn(1), ev(1), ev(1)]);
    b.clearFrames();
    expect(b.all().map((r) => r.kind)).toEqual(['connection']);
    expect(b.clearedThrough).toBe(3);
  });
});
