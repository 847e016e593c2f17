// Per-connection statistics for the stats strip: frames, bytes, rate, time to first event
// and the distribution of gaps between frames. Pure, over a connection's frames in order.
import type { ConnectionView, FrameView } from './capture-state';

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
  const rank = Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1));
  return kthSmallest(values, rank);
}

/** The k-th smallest value (0-based) by quickselect, partially reordering `values`. */
function kthSmallest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >> 1] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]; anything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
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
 * appended since add gaps. Anything else (frames evicted from the front, frames inserted, another
 * list) is seen by the first and last frames it knew no longer being where they were, and
 * starts over. Walking every frame for its gaps was most of the stats strip's cost in a large
 * capture (102 of 148 ms in a CPU profile of the panel at 150,000 frames).
 */
export class GapCache {
  private values = new Float64Array(1024);
  private scratch = new Float64Array(0);
  private count = 0;
  private first: Pick<FrameView, 't'> | undefined;
  private last: Pick<FrameView, 't'> | undefined;
  /** The largest gap; null below two frames. */
  max: number | null = null;
  /** Whether every frame came at or after the one before it. */
  ordered = true;

  update(frames: readonly Pick<FrameView, 't'>[]): void {
    const n = frames.length;
    const grew = this.count > 0 && n >= this.count;
    if (!grew || frames[0] !== this.first || frames[this.count - 1] !== this.last) {
      this.count = 0;
      this.max = null;
      this.ordered = true;
    }
    if (n - 1 > this.values.length) {
      const values = new Float64Array(Math.max(n - 1, this.values.length * 2));
      values.set(this.values.subarray(0, Math.max(0, this.count - 1)));
      this.values = values;
    }
    for (let i = Math.max(1, this.count); i < n; i++) {
      const gap = (frames[i] as FrameView).t - (frames[i - 1] as FrameView).t;
      this.values[i - 1] = gap;
      if (this.max === null || gap > this.max) this.max = gap;
      if (gap < 0) this.ordered = false;
    }
    this.count = n;
    this.first = frames[0];
    this.last = frames[n - 1];
  }

  /** A copy of the gaps, in a buffer reused by the next call (percentiles reorder it). */
  copy(): Float64Array {
    const n = Math.max(0, this.count - 1);
    if (this.scratch.length < n) this.scratch = new Float64Array(this.values.length);
    const copy = this.scratch.subarray(0, n);
    copy.set(this.values.subarray(0, n));
    return copy;
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
  let between: Float64Array;
  let gapMax: number | null = null;
  if (cache) {
    cache.update(frames);
    between = cache.copy();
    gapMax = cache.max;
  } else {
    between = gaps(frames);
    for (const gap of between) gapMax = gapMax === null ? gap : Math.max(gapMax, gap);
  }
  const span = first && last ? last.t - first.t : 0;
  return {
    frames: connection.frames,
    bytes: connection.bytes,
    eventsPerSecond: frames.length > 1 && span > 0 ? ((frames.length - 1) * 1000) / span : null,
    timeToFirstEvent: first ? Math.max(0, first.t - connection.createdAt) : null,
    gapP50: percentileInPlace(between, 50),
    gapP95: percentileInPlace(between, 95),
    gapMax,
  };
}
