// Figures for the stats strip: the selected connection's, or all connections' together (frames
// of every stream merged in time order, counted from the first connection's creation).
import type { ConnectionView, FrameView } from '../src/model/capture-state';
import { connectionStats, GapCache, type ConnectionStats } from '../src/model/stats';

/** `cache` keeps the gaps of the frames it was last given (see GapCache). */
export function selectionStats(
  connections: readonly ConnectionView[],
  selected: string | null,
  framesOf: (key: string) => readonly FrameView[],
  allFrames: readonly FrameView[],
  cache: GapCache = new GapCache(),
): ConnectionStats | null {
  if (selected !== null) {
    const c = connections.find((v) => v.key === selected);
    return c ? connectionStats(c, framesOf(c.key), cache) : null;
  }
  if (connections.length === 0) return null;
  const all = { createdAt: Infinity, frames: 0, bytes: 0 };
  for (const c of connections) {
    all.createdAt = Math.min(all.createdAt, c.createdAt);
    all.frames += c.frames;
    all.bytes += c.bytes;
  }
  // Arrival order is time order unless some records came late (another document's batch, a
  // wire frame): then the frames are sorted, and counted without the cache.
  cache.update(allFrames);
  if (cache.ordered) return connectionStats(all, allFrames, cache);
  return connectionStats(
    all,
    [...allFrames].sort((a, b) => a.t - b.t),
  );
}
