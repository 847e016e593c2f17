// Figures for the stats strip: the selected connection's, or all connections' together (frames
// of every stream merged in time order, counted from the first connection's creation).
import type { ConnectionView, FrameView } from '../src/model/capture-state';
import { connectionStats, type ConnectionStats } from '../src/model/stats';

export function selectionStats(
  connections: readonly ConnectionView[],
  selected: string | null,
  framesOf: (key: string) => readonly FrameView[],
  allFrames: readonly FrameView[],
): ConnectionStats | null {
  if (selected !== null) {
    const c = connections.find((v) => v.key === selected);
    return c ? connectionStats(c, framesOf(c.key)) : null;
  }
  if (connections.length === 0) return null;
  const all = { createdAt: Infinity, frames: 0, bytes: 0 };
  for (const c of connections) {
    all.createdAt = Math.min(all.createdAt, c.createdAt);
    all.frames += c.frames;
    all.bytes += c.bytes;
  }
  return connectionStats(all, inTimeOrder(allFrames));
}

/** `frames` itself when already in time order, else a sorted copy. */
function inTimeOrder(frames: readonly FrameView[]): readonly FrameView[] {
  for (let i = 1; i < frames.length; i++) {
    if ((frames[i] as FrameView).t < (frames[i - 1] as FrameView).t) {
      return [...frames].sort((a, b) => a.t - b.t);
    }
  }
  return frames;
}
