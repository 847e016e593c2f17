import { describe, expect, it } from 'vitest';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import { frameAsJson, frameJsonText } from '../../panel/frame-json';
import {
  DEFAULT_LIMITS,
  MI,
  STORAGE_KEY,
  loadLimits,
  normalizeLimits,
  saveLimits,
} from '../../panel/limits';
import { PREVIEW_CHARS, preview } from '../../panel/preview';
import { selectionStats } from '../../panel/selection-stats';
import { createTimeOrder, positionByTime } from '../../panel/time-order';

const frame = (index: number, t: number, over: Partial<FrameView> = {}): FrameView => ({
  index,
  connection: 'd:1',
  t,
  type: 'message',
  id: String(index),
  data: '',
  size: 0,
  truncated: false,
  origin: 'http://a',
  ...over,
});

const ids = (rows: readonly FrameView[]): number[] => rows.map((f) => f.index);

describe('time order', () => {
  it('returns the rows themselves while they are in time order', () => {
    const order = createTimeOrder();
    const rows = [frame(0, 10), frame(1, 10), frame(2, 12)];
    expect(order.update(rows)).toBe(rows);
    rows.push(frame(3, 13));
    expect(order.update(rows)).toBe(rows);
  });

  it('sorts rows that arrived out of time order, ties by arrival, and keeps up as they grow', () => {
    const order = createTimeOrder();
    // An iframe's batch (t 11, 12) arriving after the top document's frame at t 15.
    const rows = [frame(0, 10), frame(1, 15), frame(2, 11), frame(3, 12)];
    expect(ids(order.update(rows))).toEqual([0, 2, 3, 1]);
    rows.push(frame(4, 12), frame(5, 20));
    const sorted = order.update(rows);
    expect(ids(sorted)).toEqual([0, 2, 3, 4, 1, 5]);
    expect(positionByTime(sorted, rows[4] as FrameView)).toBe(3);
    expect(positionByTime(sorted, frame(9, 12))).toBe(-1);
  });

  it('drops rows evicted from the front and starts over for a new list', () => {
    const order = createTimeOrder();
    const rows = [frame(0, 10), frame(1, 15), frame(2, 11)];
    order.update(rows);
    rows.splice(0, 2);
    rows.push(frame(3, 9));
    expect(ids(order.update(rows))).toEqual([3, 2]);
    const fresh = [frame(7, 1), frame(8, 2)];
    expect(order.update(fresh)).toBe(fresh);
    expect(order.update([])).toEqual([]);
  });
});

describe('memory limits', () => {
  it('defaults to a long session: 1,000,000 frames and 256 Mi characters', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFrames: 1_000_000, maxDataChars: 256 * MI });
    expect(loadLimits(null)).toEqual(DEFAULT_LIMITS);
    expect(loadLimits({ getItem: () => null })).toEqual(DEFAULT_LIMITS);
  });

  it('clamps and rounds what it is given, and ignores what is not a number', () => {
    expect(normalizeLimits({ maxFrames: 3, maxDataChars: 1e15 })).toEqual({
      maxFrames: 10,
      maxDataChars: 1024 * MI,
    });
    expect(normalizeLimits({ maxFrames: 5000.6, maxDataChars: 'lots' })).toEqual({
      maxFrames: 5001,
      maxDataChars: DEFAULT_LIMITS.maxDataChars,
    });
    expect(normalizeLimits(null)).toEqual(DEFAULT_LIMITS);
    expect(loadLimits({ getItem: () => '{not json' })).toEqual(DEFAULT_LIMITS);
  });

  it('round-trips through storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveLimits(storage, { maxFrames: 50_000, maxDataChars: 64 * MI });
    expect(JSON.parse(store.get(STORAGE_KEY) ?? '')).toEqual({
      maxFrames: 50_000,
      maxDataChars: 64 * MI,
    });
    expect(loadLimits(storage)).toEqual({ maxFrames: 50_000, maxDataChars: 64 * MI });
  });
});

describe('copy as JSON', () => {
  const connection = { url: 'http://a/feed' } as ConnectionView;

  it('shapes a frame with its connection URL and an ISO time', () => {
    const f = frame(3, Date.UTC(2024, 4, 6, 7, 8, 9, 10), {
      id: '42',
      type: 'tick',
      data: '{"a":1}',
    });
    expect(frameAsJson(f, connection)).toEqual({
      connection: 'http://a/feed',
      type: 'tick',
      id: '42',
      time: '2024-05-06T07:08:09.010Z',
      data: '{"a":1}',
    });
    expect(JSON.parse(frameJsonText(f, connection))).toEqual(frameAsJson(f, connection));
  });

  it('says how long truncated data really was, and falls back to the connection key', () => {
    const f = frame(1, 0, { data: 'abc', size: 5_000_000, truncated: true });
    expect(frameAsJson(f, undefined)).toMatchObject({
      connection: 'd:1',
      truncatedFrom: 5_000_000,
    });
  });
});

describe('preview', () => {
  it('keeps short data and cuts long data to a bounded slice', () => {
    expect(preview('short')).toBe('short');
    const long = 'x'.repeat(1_000_000);
    expect(preview(long)).toHaveLength(PREVIEW_CHARS + 1);
    expect(preview(long).endsWith('…')).toBe(true);
  });
});

describe('selection stats', () => {
  const a = { key: 'a', createdAt: 0, frames: 3, bytes: 30 } as ConnectionView;
  const b = { key: 'b', createdAt: 50, frames: 1, bytes: 5 } as ConnectionView;
  const framesA = [frame(0, 100), frame(2, 300), frame(3, 400)];
  const framesB = [frame(1, 200, { connection: 'b' })];
  const all = [framesA[0], framesB[0], framesA[1], framesA[2]] as FrameView[];
  const framesOf = (key: string): FrameView[] => (key === 'a' ? framesA : framesB);

  it('describes the selected connection', () => {
    expect(selectionStats([a, b], 'a', framesOf, all)).toMatchObject({
      frames: 3,
      bytes: 30,
      timeToFirstEvent: 100,
      gapMax: 200,
    });
    expect(selectionStats([a], 'gone', framesOf, all)).toBeNull();
  });

  it('adds every connection up, with frames merged in time order', () => {
    const shuffled = [framesA[0], framesA[1], framesB[0], framesA[2]] as FrameView[];
    expect(selectionStats([a, b], null, framesOf, shuffled)).toEqual({
      frames: 4,
      bytes: 35,
      eventsPerSecond: 10,
      timeToFirstEvent: 100,
      gapP50: 100,
      gapP95: 100,
      gapMax: 100,
    });
    expect(selectionStats([], null, framesOf, [])).toBeNull();
  });
});
