import { describe, expect, it } from 'vitest';
import { appendImported, applyBatch, clearCapture } from '../../src/model/apply-batch';
import { applyLimits } from '../../src/model/memory-limits';
import { createCaptureState, totalEvicted, type FrameView } from '../../src/model/capture-state';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { ContentToPanel, MessageOf } from '../../src/protocol/messages';

const top1: DocInfo = { id: 'top1', url: 'http://a/', top: true, startedAt: 1 };
const top2: DocInfo = { id: 'top2', url: 'http://a/', top: true, startedAt: 2 };

const batch = (doc: DocInfo, records: CapturedRecord[]): MessageOf<ContentToPanel> => ({
  v: 1,
  type: 'records',
  doc,
  records,
  lost: 0,
  clearedThrough: 0,
  sync: false,
});
const conn: CapturedRecord = {
  kind: 'connection',
  seq: 1,
  conn: 1,
  t: 1,
  url: 'http://a/s',
  withCredentials: false,
  frameUrl: 'http://a/',
  stack: '',
};
/** Events with data of `chars` characters each, from seq 2 on. */
const events = (n: number, chars: number, from = 2): CapturedRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'event',
    seq: from + i,
    conn: 1,
    t: from + i,
    type: 'message',
    data: 'x'.repeat(chars),
    lastEventId: String(from + i),
    origin: 'http://a',
    size: chars,
    truncated: false,
  }));

const sumData = (frames: readonly FrameView[]): number =>
  frames.reduce((n, f) => n + f.data.length, 0);

describe('the data cap', () => {
  it('counts the data held and evicts the oldest frames past the cap', () => {
    const s = createCaptureState(1000, 1000);
    applyBatch(s, batch(top1, [conn, ...events(9, 100)]));
    expect(s.dataChars).toBe(900);
    expect(s.evictedInPanel).toBe(0);
    applyBatch(s, batch(top1, events(3, 100, 11)));
    // 1200 > 1000: at least 200 characters (two frames) go, oldest first.
    expect(s.frames.map((f) => f.id)).toEqual([
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
    ]);
    expect(s.dataChars).toBe(1000);
    expect(s.dataChars).toBe(sumData(s.frames));
    expect(totalEvicted(s)).toBe(2);
    expect(s.connections.get('top1:1')?.frames).toBe(12);
  });

  it('evicts in chunks of a twentieth of the cap, so a full store does not shift per frame', () => {
    const s = createCaptureState(1_000_000, 2000);
    applyBatch(s, batch(top1, [conn, ...events(200, 10)]));
    expect(s.dataChars).toBe(2000);
    applyBatch(s, batch(top1, events(1, 10, 300)));
    // 10 over the cap, but a chunk of 100 characters (10 frames) is dropped.
    expect(s.evictedInPanel).toBe(10);
    expect(s.dataChars).toBe(1910);
    applyBatch(s, batch(top1, events(9, 10, 301)));
    expect(s.evictedInPanel).toBe(10);
  });

  it('keeps the frame cap as before when both caps apply; the first reached wins', () => {
    const s = createCaptureState(100, 10_000);
    applyBatch(s, batch(top1, [conn, ...events(150, 10)]));
    expect(s.frames).toHaveLength(100);
    expect(s.dataChars).toBe(1000);
    const chars = createCaptureState(100, 500);
    applyBatch(chars, batch(top1, [conn, ...events(80, 10)]));
    expect(chars.frames.length).toBeLessThanOrEqual(50);
    expect(chars.dataChars).toBe(sumData(chars.frames));
  });

  it('applies new caps at once and counts what they evict', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [conn, ...events(40, 50)]));
    applyLimits(s, { maxFrames: 10, maxDataChars: 1_000_000 });
    expect(s.frames.map((f) => f.id)).toEqual(Array.from({ length: 10 }, (_, i) => String(32 + i)));
    expect(s.evictedInPanel).toBe(30);
    applyLimits(s, { maxFrames: 10, maxDataChars: 200 });
    expect(s.dataChars).toBeLessThanOrEqual(200);
    expect(s.frames.at(-1)?.id).toBe('41');
    expect(s.maxDataChars).toBe(200);
  });

  it('resets the count on clear and on navigation, and counts imported frames', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top1, [conn, ...events(5, 7)]));
    clearCapture(s);
    expect(s.dataChars).toBe(0);
    applyBatch(s, batch(top1, events(2, 7, 10)));
    expect(s.dataChars).toBe(14);
    applyBatch(s, batch(top2, [{ ...conn, seq: 1 }]));
    expect(s.dataChars).toBe(0);
    const frame = {
      connection: 'x',
      t: 1,
      type: 'message',
      id: '',
      size: 3,
      truncated: false,
      origin: '',
    };
    appendImported(
      s,
      [],
      [
        { ...frame, data: 'abc' },
        { ...frame, data: 'de' },
      ],
    );
    expect(s.dataChars).toBe(5);
  });
});
