// The panel's memory caps: frames are kept up to a count and a total of data, oldest evicted
// first (counted), and finished connections beyond their cap go once none of their frames is
// held. Every source adds its frames here, so each connection's newest frame is known.
import type { CaptureState, ConnectionView, FrameView } from './capture-state';

/** The index of each connection's newest frame: its frames are all gone once that is evicted. */
const lastFrameIndex = new WeakMap<ConnectionView, number>();

/**
 * Over the cap, the oldest finished connections none of whose frames are still held go (a
 * twentieth of the cap at a time). Live connections, and those with frames, are kept.
 */
export function evictConnections(state: CaptureState): void {
  if (state.connections.size <= state.maxConnections) return;
  const target = state.maxConnections - Math.ceil(state.maxConnections / 20);
  const oldestHeld = state.frames[0]?.index ?? Infinity;
  for (const [key, c] of state.connections) {
    if (state.connections.size <= target) break;
    if (c.state !== 'closed' || (lastFrameIndex.get(c) ?? -1) >= oldestHeld) continue;
    state.connections.delete(key);
    state.connectionsEvicted++;
  }
}

/** Adds a frame of `c` (undefined for one whose connection is not held). */
export function pushFrame(
  state: CaptureState,
  c: ConnectionView | undefined,
  frame: FrameView,
): void {
  if (c) lastFrameIndex.set(c, frame.index);
  state.frames.push(frame);
  state.dataChars += frame.data.length;
}

/** New caps (from the panel's settings), applied at once: oldest frames are evicted first. */
export function applyLimits(
  state: CaptureState,
  limits: { maxFrames: number; maxDataChars: number },
): void {
  state.maxFrames = limits.maxFrames;
  state.maxDataChars = limits.maxDataChars;
  trimFrames(state);
  evictConnections(state);
}

export function trimFrames(state: CaptureState): void {
  const excess = state.frames.length - state.maxFrames;
  const excessChars = state.dataChars - state.maxDataChars;
  if (excess <= 0 && excessChars <= 0) return;
  // Drop in chunks (a twentieth of a cap) so a full store does not pay an O(n) shift per frame.
  const minDrop = excess > 0 ? Math.max(excess, Math.ceil(state.maxFrames / 20)) : 0;
  const minChars = excessChars > 0 ? Math.max(excessChars, Math.ceil(state.maxDataChars / 20)) : 0;
  let drop = 0;
  let chars = 0;
  while (drop < state.frames.length && (drop < minDrop || chars < minChars)) {
    chars += (state.frames[drop] as FrameView).data.length;
    drop++;
  }
  state.frames.splice(0, drop);
  state.dataChars -= chars;
  state.evictedInPanel += drop;
}
