// Sessions far apart in time (an imported capture from last week, today's live streams) share
// one axis: idle gaps are collapsed to a short break, and zoom, pan, fit and follow-live still
// map time to pixels and back exactly. A lane whose history was trimmed marks the gap too.
import { describe, expect, it } from 'vitest';
import {
  axisTime,
  bandsOf,
  BREAK_AXIS_MS,
  BREAK_MIN_IDLE_MS,
  epochTime,
  fitScale,
  followLive,
  idleBreaks,
  panBy,
  tickColumns,
  toTime,
  toX,
  visibleSegments,
  zoomAt,
  type TimeScale,
} from '../../src/model/timeline';
import { captureExtent, scaleFor } from '../../panel/timeline/view';
import {
  KEEP_FIRST_HISTORY,
  type ConnectionView,
  type FrameView,
} from '../../src/model/capture-state';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const lastWeek = NOW - 7 * DAY;

describe('idle breaks', () => {
  it('collapses only gaps with no activity at least the minimum long', () => {
    const breaks = idleBreaks([
      { from: 0, to: 100 },
      { from: 50, to: 200 },
      { from: 200 + BREAK_MIN_IDLE_MS - 1, to: 300 + BREAK_MIN_IDLE_MS },
      { from: 10 * BREAK_MIN_IDLE_MS, to: 11 * BREAK_MIN_IDLE_MS },
    ]);
    expect(breaks).toEqual([{ from: 300 + BREAK_MIN_IDLE_MS, to: 10 * BREAK_MIN_IDLE_MS }]);
  });

  it('maps epoch to axis time and back, through and inside breaks', () => {
    const breaks = [
      { from: 1000, to: 1000 + DAY },
      { from: 2 * DAY, to: 9 * DAY },
    ];
    for (const t of [0, 999, 1000, 1500, 1000 + DAY / 2, 1000 + DAY, 2 * DAY, 5 * DAY, 10 * DAY]) {
      expect(epochTime(breaks, axisTime(breaks, t))).toBeCloseTo(t, 1);
    }
    expect(axisTime(breaks, 500)).toBe(500);
    expect(axisTime(breaks, 1000 + DAY)).toBe(1000 + BREAK_AXIS_MS);
    expect(axisTime(breaks, 10 * DAY)).toBe(
      10 * DAY - (DAY - BREAK_AXIS_MS) - (7 * DAY - BREAK_AXIS_MS),
    );
    // Monotonic: the tick bucketing's binary searches rely on it.
    let last = -Infinity;
    for (let t = 0; t < 10 * DAY; t += DAY / 7) {
      expect(axisTime(breaks, t)).toBeGreaterThan(last);
      last = axisTime(breaks, t);
    }
  });
});

describe('a live capture next to an imported one from last week', () => {
  const imported = {
    createdAt: lastWeek,
    lastActivity: lastWeek + 10_000,
    closedAt: lastWeek + 10_000,
    state: 'closed' as const,
    imported: {
      name: 'old.json',
      format: 'sse-lens-json' as const,
      importedAt: NOW,
      pageUrl: null,
    },
  };
  const live = {
    createdAt: NOW - 60_000,
    lastActivity: NOW - 1000,
    closedAt: null,
    state: 'open' as const,
  };
  const extent = captureExtent([imported, live], NOW);
  if (!extent) throw new Error('no extent');
  const width = 1000;

  it('fits both sessions on an axis of about their own length, not a week', () => {
    expect(extent.breaks).toEqual([{ from: lastWeek + 10_000, to: NOW - 60_000 }]);
    const fit = scaleFor({ kind: 'fit' }, extent, width);
    expect(fit.span).toBeLessThan(2 * (70_000 + BREAK_AXIS_MS));
    // The live lane is most of the plot.
    const liveWidth = toX(fit, NOW) - toX(fit, live.createdAt);
    expect(liveWidth).toBeGreaterThan(0.75 * width);
    expect(toX(fit, imported.createdAt)).toBeGreaterThanOrEqual(0);
    expect(toX(fit, NOW)).toBeLessThanOrEqual(width);
  });

  it('labels real times on each side of the break, none inside it', () => {
    const fit = fitScale(extent.from, extent.to, width, extent.breaks);
    const segments = visibleSegments(fit);
    expect(segments).toHaveLength(2);
    expect(segments[0]?.to).toBe(lastWeek + 10_000);
    expect(segments[1]?.from).toBe(NOW - 60_000);
  });

  it('zooms, pans and follows live in axis time, and maps pixels back to epoch ms', () => {
    const fit = scaleFor({ kind: 'fit' }, extent, width);
    const zoomed = zoomAt(fit, 800, 4);
    expect(toTime(zoomed, 800)).toBeCloseTo(toTime(fit, 800), 3);
    const panned = panBy(zoomed, 100);
    expect(toX(panned, toTime(zoomed, 300))).toBeCloseTo(400, 6);
    const following = followLive({ start: 0, span: 30_000, width, breaks: extent.breaks }, NOW);
    expect(toX(following, NOW)).toBeCloseTo(0.98 * width, 6);
    expect(toTime(following, 0)).toBeCloseTo(NOW - 0.98 * 30_000, 3);
  });

  it('buckets frames on both sides of the break into the right pixels', () => {
    const fit: TimeScale = scaleFor({ kind: 'fit' }, extent, width);
    const frames = [lastWeek + 5000, NOW - 30_000].map(
      (t, index) => ({ index, t, connection: 'c', type: 'message' }) as FrameView,
    );
    const columns = tickColumns(fit, frames);
    expect(columns.map((c) => c.x)).toEqual(frames.map((f) => Math.floor(toX(fit, f.t))));
  });
});

// Type check: the extent takes connections as the model has them.
export type Checked =
  Parameters<typeof captureExtent>[0] extends Iterable<infer C>
    ? C extends Pick<ConnectionView, 'createdAt'>
      ? true
      : never
    : never;

describe('a lane whose history was trimmed', () => {
  it('draws the stretch of dropped state changes as one elided band', () => {
    const transitions = Array.from({ length: KEEP_FIRST_HISTORY + 3 }, (_, i) => ({
      t: 10 * i,
      readyState: (i % 2) as 0 | 1,
      cause: i === 0 ? ('create' as const) : i % 2 ? ('open' as const) : ('error' as const),
    }));
    const bands = bandsOf({ transitions, queueWaits: [], transitionsElided: 40 });
    const elided = bands.filter((b) => b.kind === 'elided');
    expect(elided).toEqual([
      { kind: 'elided', from: 10 * (KEEP_FIRST_HISTORY - 1), to: 10 * KEEP_FIRST_HISTORY },
    ]);
    expect(bandsOf({ transitions, queueWaits: [] }).some((b) => b.kind === 'elided')).toBe(false);
  });
});
