import { describe, expect, it } from 'vitest';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import {
  axisStep,
  bandsOf,
  bursts,
  createMarkScanner,
  fitScale,
  followLive,
  panBy,
  reconnectGaps,
  searchTime,
  spansInView,
  stalls,
  tickColumns,
  toTime,
  toX,
  zoomAt,
  type TickColumn,
  type TimeScale,
} from '../../src/model/timeline';
import { frameAt as frame } from './support/frames';

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

describe('reconnect gaps, in detail', () => {
  it('takes the retry the wire last set before the error, and leaves a gap open while waiting', () => {
    const c: Pick<ConnectionView, 'transitions'> = {
      transitions: [
        { t: 0, readyState: 0, cause: 'create' },
        { t: 10, readyState: 1, cause: 'open' },
        { t: 100, readyState: 0, cause: 'error' },
        { t: 250, readyState: 1, cause: 'open' },
        { t: 400, readyState: 0, cause: 'error' },
      ],
    };
    const frames = [frame(20, '1'), frame(100, '2'), frame(300, '3')];
    const retries = [
      { t: 20, ms: 150 },
      { t: 300, ms: 5000 },
    ];
    expect(reconnectGaps(c, frames, retries)).toEqual([
      { from: 100, to: 250, observedMs: 150, retryMs: 150, lastEventId: '2' },
      { from: 400, to: null, observedMs: null, retryMs: 5000, lastEventId: '3' },
    ]);
  });

  it('ends a gap without an observed delay when the stream closes instead of reopening', () => {
    const c: Pick<ConnectionView, 'transitions'> = {
      transitions: [
        { t: 0, readyState: 1, cause: 'open' },
        { t: 50, readyState: 0, cause: 'error' },
        { t: 80, readyState: 2, cause: 'close' },
      ],
    };
    expect(reconnectGaps(c, [])).toEqual([
      { from: 50, to: null, observedMs: null, retryMs: null, lastEventId: '' },
    ]);
  });

  it('searches times at or after, or strictly after', () => {
    const list = [0, 5, 5, 9].map((t) => ({ t }));
    expect(searchTime(list, 5)).toBe(1);
    expect(searchTime(list, 5, true)).toBe(3);
    expect(searchTime(list, 10)).toBe(4);
  });
});

describe('the mark scanner', () => {
  const times = [0, 100, 200, 300, 400, 3400, 3401, 3402, 3403, 3404, 3500, 3600];

  it('finds, frame by frame, what the whole-lane functions find', () => {
    const scanner = createMarkScanner({
      burstMinFrames: 4,
      burstMaxGapMs: 2,
      stallMinMs: 1000,
      stallFactor: 10,
    });
    for (const t of times) scanner.push(t);
    const frames = times.map((t) => frame(t));
    expect(scanner.bursts).toEqual(bursts(frames, 4, 2));
    expect(scanner.stalls).toEqual(stalls(frames));
    expect(scanner.bursts).toEqual([{ from: 3400, to: 3404, frames: 5 }]);
    expect(scanner.stalls).toEqual([{ from: 400, to: 3400, frames: 0 }]);
  });

  it('grows the current burst in place and forgets marks whose frames were evicted', () => {
    const scanner = createMarkScanner({ ...DEFAULTS, burstMinFrames: 3 });
    for (const t of [0, 1, 2]) scanner.push(t);
    const burst = scanner.bursts[0];
    expect(burst).toEqual({ from: 0, to: 2, frames: 3 });
    scanner.push(3);
    expect(scanner.bursts).toEqual([{ from: 0, to: 3, frames: 4 }]);
    expect(scanner.bursts[0]).toBe(burst);
    scanner.push(100);
    for (const t of [101, 102]) scanner.push(t);
    expect(scanner.bursts).toHaveLength(2);
    scanner.forgetBefore(50);
    expect(scanner.bursts).toEqual([{ from: 100, to: 102, frames: 3 }]);
  });

  it('judges stalls against the last 64 gaps only', () => {
    const scanner = createMarkScanner();
    let t = 0;
    // A long slow rhythm (100 gaps of 2 s), then 64 fast gaps: over the whole history the
    // median gap is still 2 s, over the last 64 it is 10 ms, so a 2 s gap now is a stall.
    for (let i = 0; i <= 100; i++) scanner.push((t += 2000));
    expect(scanner.stalls).toEqual([]);
    for (let i = 0; i < 64; i++) scanner.push((t += 10));
    scanner.push((t += 2000));
    expect(scanner.stalls).toEqual([{ from: t - 2000, to: t, frames: 0 }]);
  });
});

const DEFAULTS = { burstMinFrames: 20, burstMaxGapMs: 2, stallMinMs: 1000, stallFactor: 10 };

describe('view helpers', () => {
  it('follows live: same span, now near the right edge', () => {
    const s = followLive({ start: 0, span: 1000, width: 500 }, 10_000);
    expect(s.span).toBe(1000);
    expect(toX(s, 10_000)).toBeCloseTo(490);
  });

  it('clamps zoom to the span limits', () => {
    const s = { start: 0, span: 10, width: 100 };
    expect(zoomAt(s, 50, 1e6).span).toBe(1);
    expect(zoomAt(s, 50, 1e-12).span).toBe(7 * 24 * 3600 * 1000);
  });

  it('finds the spans reaching into view', () => {
    const spans = [0, 100, 200, 300].map((from) => ({ from, to: from + 50, frames: 0 }));
    expect(spansInView(spans, { start: 120, span: 100, width: 10 })).toEqual([1, 3]);
    expect(spansInView(spans, { start: 360, span: 100, width: 10 })).toEqual([4, 4]);
    expect(spansInView(spans, { start: -100, span: 50, width: 10 })).toEqual([0, 0]);
  });
});

/** The obvious one-pass bucketing, to check the galloping search against. */
function naiveColumns(s: TimeScale, frames: readonly FrameView[]): TickColumn[] {
  const out: TickColumn[] = [];
  for (const f of frames) {
    if (f.t < s.start || f.t >= s.start + s.span) continue;
    const x = Math.floor(toX(s, f.t));
    const last = out.at(-1);
    if (last && last.x === x) {
      last.count++;
      last.frame = f;
    } else out.push({ x, count: 1, frame: f });
  }
  return out;
}

describe('tickColumns against the obvious bucketing', () => {
  it('agrees on random lanes at many zoom levels', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let t = 1_700_000_000_000;
    const frames = Array.from({ length: 5000 }, () =>
      frame((t += Math.floor(random() ** 4 * 400))),
    );
    for (const span of [5, 50, 500, 5000, 50_000, 5e6]) {
      for (const offset of [-1000, 0, 0.37, 12_345.5]) {
        const s = { start: 1_700_000_000_000 + offset * 10, span, width: 997 };
        expect(tickColumns(s, frames)).toEqual(naiveColumns(s, frames));
      }
    }
  });

  it('does work bounded by the columns, not the frames in view', () => {
    let reads = 0;
    const base = Array.from({ length: 200_000 }, (_, i) => frame(i));
    const counted = new Proxy(base, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const cols = tickColumns({ start: 0, span: 200_000, width: 1000 }, counted);
    expect(cols).toHaveLength(1000);
    expect(cols.reduce((n, c) => n + c.count, 0)).toBe(200_000);
    expect(reads).toBeLessThan(1000 * 40);
  });
});
