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

export function connectionStats(
  connection: Pick<ConnectionView, 'createdAt' | 'frames' | 'bytes'>,
  frames: readonly FrameView[],
): ConnectionStats {
  const first = frames[0];
  const last = frames.at(-1);
  const between = gaps(frames);
  let gapMax: number | null = null;
  for (const gap of between) gapMax = gapMax === null ? gap : Math.max(gapMax, gap);
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
