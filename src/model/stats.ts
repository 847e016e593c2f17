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

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/** Gaps between consecutive frames, in ms, in arrival order. */
export function gaps(frames: readonly Pick<FrameView, 't'>[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    out.push((frames[i] as FrameView).t - (frames[i - 1] as FrameView).t);
  }
  return out;
}

export function connectionStats(
  connection: Pick<ConnectionView, 'createdAt' | 'frames' | 'bytes'>,
  frames: readonly FrameView[],
): ConnectionStats {
  const first = frames[0];
  const last = frames.at(-1);
  const sorted = gaps(frames).sort((a, b) => a - b);
  const span = first && last ? last.t - first.t : 0;
  return {
    frames: connection.frames,
    bytes: connection.bytes,
    eventsPerSecond: frames.length > 1 && span > 0 ? ((frames.length - 1) * 1000) / span : null,
    timeToFirstEvent: first ? Math.max(0, first.t - connection.createdAt) : null,
    gapP50: percentile(sorted, 50),
    gapP95: percentile(sorted, 95),
    gapMax: sorted.at(-1) ?? null,
  };
}
