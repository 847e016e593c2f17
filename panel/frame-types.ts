// Tracks the distinct event types present in the capture, for the type filter menu. Scans
// only new frames, and rebuilds from scratch when frames were evicted or cleared.
import type { FrameView } from '../src/model/capture-state';
import { lowerBound } from './frame-search';

export interface FrameTypes {
  /** Sorted distinct types; the same array is returned while the set is unchanged. */
  update(frames: readonly FrameView[]): readonly string[];
}

export function createFrameTypes(): FrameTypes {
  let seen = new Set<string>();
  let sorted: readonly string[] = [];
  let firstIndex = -1;
  let lastIndex = -1;

  return {
    update(frames) {
      const first = frames[0]?.index ?? -1;
      const rebuild = first !== firstIndex;
      if (rebuild) seen = new Set();
      const before = seen.size;
      for (let i = rebuild ? 0 : lowerBound(frames, lastIndex + 1); i < frames.length; i++) {
        const frame = frames[i];
        if (frame !== undefined) seen.add(frame.type);
      }
      firstIndex = first;
      lastIndex = frames[frames.length - 1]?.index ?? -1;
      if (rebuild || seen.size !== before) {
        const next = [...seen].sort();
        if (next.join('\n') !== sorted.join('\n')) sorted = next;
      }
      return sorted;
    },
  };
}
