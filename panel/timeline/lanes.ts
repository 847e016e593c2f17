// Each connection's frames, bursts, stalls and `retry:` values, kept current as the capture
// grows: new frames are read once, evicted ones are cut off the front. The timeline draws
// from it and the stats strip reads a connection's frames from it without scanning the capture.
import { computed, type ReadonlySignal } from '@preact/signals';
import type { FrameView } from '../../src/model/capture-state';
import { createMarkScanner, type MarkScanner, type RetryMark } from '../../src/model/timeline';
import { lowerBound } from '../frame-search';
import type { PanelStore } from '../store';

export interface Lane {
  /**
   * The connection's frames in arrival order, which is also time order: one connection's
   * frames are captured by one document, in sequence.
   */
  readonly frames: FrameView[];
  readonly marks: MarkScanner;
  readonly retries: RetryMark[];
}

export interface LaneIndex {
  /**
   * Lanes by connection key for `frames` (the capture, in arrival order), which may only have
   * gained frames at the end or lost them at the front since the last call. The map and its
   * lanes are updated in place.
   */
  update(frames: readonly FrameView[]): ReadonlyMap<string, Lane>;
  /** Drops the lanes of connections that are gone (a navigation removed them mid-capture). */
  keepOnly(has: (key: string) => boolean): void;
}

export function createLaneIndex(): LaneIndex {
  const lanes = new Map<string, Lane>();
  /** Highest frame index already placed in a lane. */
  let placed = -1;

  const evictBefore = (firstIndex: number): void => {
    for (const [key, lane] of lanes) {
      const cut = lowerBound(lane.frames, firstIndex);
      if (cut === 0) continue;
      if (cut === lane.frames.length) {
        lanes.delete(key);
        continue;
      }
      lane.frames.splice(0, cut);
      const first = (lane.frames[0] as FrameView).t;
      lane.marks.forgetBefore(first);
      const retries = lane.retries.findIndex((r) => r.t >= first);
      lane.retries.splice(0, retries === -1 ? lane.retries.length : retries);
    }
  };

  return {
    update(frames) {
      evictBefore(frames[0]?.index ?? Infinity);
      for (let i = lowerBound(frames, placed + 1); i < frames.length; i++) {
        const frame = frames[i] as FrameView;
        let lane = lanes.get(frame.connection);
        if (!lane) {
          lane = { frames: [], marks: createMarkScanner(), retries: [] };
          lanes.set(frame.connection, lane);
        }
        lane.frames.push(frame);
        lane.marks.push(frame.t);
        const retry = retryOf(frame);
        if (retry !== undefined) lane.retries.push({ t: frame.t, ms: retry });
        placed = frame.index;
      }
      return lanes;
    },
    keepOnly(has) {
      for (const key of lanes.keys()) if (!has(key)) lanes.delete(key);
    },
  };
}

export interface LaneSnapshot {
  lanes: ReadonlyMap<string, Lane>;
}

/**
 * The server's `retry:` a frame carries: an imported stream's field before an event, or a
 * `retry:` frame of its own (a fetch body, or deep capture).
 */
function retryOf(frame: FrameView): number | undefined {
  if (frame.wire?.retry !== undefined) return frame.wire.retry;
  if (frame.kind !== 'retry') return undefined;
  const ms = Number(frame.data);
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : undefined;
}

/** The store's lanes, brought up to date whenever the capture changes (a new object each time). */
export function laneSignal(
  store: Pick<PanelStore, 'state' | 'version'>,
): ReadonlySignal<LaneSnapshot> {
  const index = createLaneIndex();
  return computed(() => {
    void store.version.value;
    const lanes = index.update(store.state.frames);
    index.keepOnly((key) => store.state.connections.has(key));
    return { lanes };
  });
}
