// Per-connection statistics for the stats strip: frames, bytes, rate, time to first event
// and the distribution of gaps between frames. Pure, over a connection's frames in order.
import type { ConnectionView, FrameView } from './capture-state';
import { kthSmallest, percentileRank, RunningPercentile } from './running-percentile';

export interface ConnectionStats {
  frames: number;
  bytes: number;
  /** Frames per second between the first and last frame; null below two frames. */
  eventsPerSecond: number | null;
  /** From creation to the first frame, ms; null without frames. */
  timeToFirstEvent: number | null;
  gapP50: number | null;
  gapP95: number | null;
  gapMax: number | null;
}

/** Nearest-rank percentile of `values` (in any order); null for none. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return percentileInPlace(Float64Array.from(values), p);
}

/** As `percentile`, reordering `values`: no copy and no full sort, for 200,000 gaps. */
function percentileInPlace(values: Float64Array, p: number): number | null {
  if (values.length === 0) return null;
  return kthSmallest(values, percentileRank(p, values.length));
}

/** Gaps between consecutive frames, in ms, in arrival order. */
export function gaps(frames: readonly Pick<FrameView, 't'>[]): Float64Array {
  const out = new Float64Array(Math.max(0, frames.length - 1));
  for (let i = 1; i < frames.length; i++) {
    out[i - 1] = (frames[i] as FrameView).t - (frames[i - 1] as FrameView).t;
  }
  return out;
}

/**
 * The gaps of a frame list that grows at its end, kept from one call to the next: only frames
 * appended since add gaps, each to running percentiles. Anything else (frames evicted from the
 * front, frames inserted, another list) is seen by the first and last frames it knew no
 * longer being where they were, and starts over. Walking every frame for its gaps was most of
 * the stats strip's cost in a large capture (102 of 148 ms in a CPU profile of the panel at
 * 150,000 frames), and then selecting the percentiles over a copy of every gap (23 ms at
 * 1,000,000 frames).
 */
export class GapCache {
  /** Gaps of a list being started over, reused from one start to the next. */
  private scratch = new Float64Array(0);
  private count = 0;
  private first: Pick<FrameView, 't'> | undefined;
  private last: Pick<FrameView, 't'> | undefined;
  readonly p50 = new RunningPercentile(50);
  readonly p95 = new RunningPercentile(95);
  /** The largest gap; null below two frames. */
  max: number | null = null;
  /** Whether every frame came at or after the one before it. */
  ordered = true;

  update(frames: readonly Pick<FrameView, 't'>[]): void {
    const n = frames.length;
    const grew = this.count > 0 && n >= this.count;
    if (grew && frames[0] === this.first && frames[this.count - 1] === this.last) {
      for (let i = this.count; i < n; i++) this.add(frames, i);
    } else {
      this.startOver(frames);
    }
    this.count = n;
    this.first = frames[0];
    this.last = frames[n - 1];
  }

  /** The gap before frame `i`, also counted in `max` and `ordered`. */
  private gapAt(frames: readonly Pick<FrameView, 't'>[], i: number): number {
    const gap = (frames[i] as FrameView).t - (frames[i - 1] as FrameView).t;
    if (this.max === null || gap > this.max) this.max = gap;
    if (gap < 0) this.ordered = false;
    return gap;
  }

  private add(frames: readonly Pick<FrameView, 't'>[], i: number): void {
    const gap = this.gapAt(frames, i);
    this.p50.add(gap);
    this.p95.add(gap);
  }

  /** Every gap again, the percentiles from them in O(n). */
  private startOver(frames: readonly Pick<FrameView, 't'>[]): void {
    const n = Math.max(0, frames.length - 1);
    if (this.scratch.length < n) this.scratch = new Float64Array(n);
    const values = this.scratch;
    this.max = null;
    this.ordered = true;
    for (let i = 0; i < n; i++) values[i] = this.gapAt(frames, i + 1);
    this.p50.reset(values, n);
    this.p95.reset(values, n);
  }
}

/** `cache`, when given, keeps `frames`' gaps between calls (see GapCache). */
export function connectionStats(
  connection: Pick<ConnectionView, 'createdAt' | 'frames' | 'bytes'>,
  frames: readonly FrameView[],
  cache?: GapCache,
): ConnectionStats {
  const first = frames[0];
  const last = frames.at(-1);
  const span = first && last ? last.t - first.t : 0;
  const figures = {
    frames: connection.frames,
    bytes: connection.bytes,
    eventsPerSecond: frames.length > 1 && span > 0 ? ((frames.length - 1) * 1000) / span : null,
    timeToFirstEvent: first ? Math.max(0, first.t - connection.createdAt) : null,
  };
  if (cache) {
    cache.update(frames);
    return { ...figures, gapP50: cache.p50.value, gapP95: cache.p95.value, gapMax: cache.max };
  }
  const between = gaps(frames);
  let gapMax: number | null = null;
  for (const gap of between) gapMax = gapMax === null ? gap : Math.max(gapMax, gap);
  return {
    ...figures,
    gapP50: percentileInPlace(between, 50),
    gapP95: percentileInPlace(between, 95),
    gapMax,
  };
}
