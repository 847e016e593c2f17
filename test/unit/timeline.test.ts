import { describe, expect, it } from 'vitest';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import {
  axisStep,
  bandsOf,
  bursts,
  fitScale,
  panBy,
  reconnectGaps,
  stalls,
  tickColumns,
  toTime,
  toX,
  zoomAt,
} from '../../src/model/timeline';

const frame = (t: number, id = String(t)): FrameView => ({
  index: t,
  connection: 'c',
  t,
  type: 'message',
  id,
  data: '',
  size: 0,
  truncated: false,
  origin: '',
});

describe('time scale', () => {
  it('maps time to pixels and back', () => {
    const s = { start: 1000, span: 2000, width: 400 };
    expect(toX(s, 2000)).toBe(200);
    expect(toTime(s, 100)).toBe(1500);
  });

  it('zooms around the pointer and pans by pixels', () => {
    const s = { start: 0, span: 1000, width: 100 };
    const z = zoomAt(s, 25, 2);
    expect(z.span).toBe(500);
    expect(toTime(z, 25)).toBeCloseTo(toTime(s, 25));
    expect(panBy(s, 10).start).toBe(-100);
  });

  it('fits a range with a margin and never collapses to zero', () => {
    const f = fitScale(1000, 2000, 500);
    expect(f.start).toBeLessThan(1000);
    expect(f.start + f.span).toBeGreaterThan(2000);
    expect(fitScale(5, 5, 100).span).toBeGreaterThanOrEqual(1000);
  });

  it('picks round axis steps at least minPx apart', () => {
    expect(axisStep({ start: 0, span: 10_000, width: 1000 }, 80)).toBe(1000);
    expect(axisStep({ start: 0, span: 100, width: 1000 }, 80)).toBe(10);
  });
});

describe('lanes', () => {
  const c: Pick<ConnectionView, 'transitions' | 'queueWaits'> = {
    transitions: [
      { t: 0, readyState: 0, cause: 'create' },
      { t: 100, readyState: 1, cause: 'open' },
      { t: 500, readyState: 0, cause: 'error' },
      { t: 800, readyState: 1, cause: 'open' },
      { t: 900, readyState: 2, cause: 'close' },
    ],
    queueWaits: [{ since: 10, until: 90, pool: 'P' }],
  };

  it('draws readyState bands and queue waits', () => {
    expect(bandsOf(c)).toEqual([
      { kind: 'connecting', from: 0, to: 100 },
      { kind: 'open', from: 100, to: 500 },
      { kind: 'reconnecting', from: 500, to: 800 },
      { kind: 'open', from: 800, to: 900 },
      { kind: 'queued', from: 10, to: 90 },
    ]);
  });

  it('annotates reconnect gaps with the observed delay and the id carried forward', () => {
    const frames = [frame(200, '1'), frame(300, '2'), frame(850, '3')];
    expect(reconnectGaps(c, frames)).toEqual([
      { from: 500, to: 800, observedMs: 300, retryMs: null, lastEventId: '2' },
    ]);
  });
});

describe('bursts and stalls', () => {
  it('finds a burst: many frames a few ms apart', () => {
    const steady = Array.from({ length: 10 }, (_, i) => frame(i * 100));
    const burst = Array.from({ length: 30 }, (_, i) => frame(2000 + i));
    expect(bursts([...steady, ...burst])).toEqual([{ from: 2000, to: 2029, frames: 30 }]);
  });

  it('finds a stall: a gap long in absolute terms and against the rhythm', () => {
    const frames = [0, 100, 200, 300, 400, 3400, 3500].map((t) => frame(t));
    expect(stalls(frames)).toEqual([{ from: 400, to: 3400, frames: 0 }]);
    const heartbeat = [0, 15_000, 30_000, 45_000].map((t) => frame(t));
    expect(stalls(heartbeat)).toEqual([]);
  });
});

describe('tickColumns', () => {
  it('buckets 200,000 frames into at most one entry per pixel, only in view', () => {
    const frames = Array.from({ length: 200_000 }, (_, i) => frame(i));
    const cols = tickColumns({ start: 50_000, span: 100_000, width: 1000 }, frames);
    expect(cols).toHaveLength(1000);
    expect(cols.reduce((n, c) => n + c.count, 0)).toBe(100_000);
    expect(cols[0]?.x).toBe(0);
  });
});
