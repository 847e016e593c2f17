// Keeps the frames table's filtered row list current without rescanning the capture on every
// batch: new frames are tested once, evicted ones are cut off the front, and only a new
// predicate (the user changed a filter) triggers a full scan.
import type { FrameView } from '../src/model/capture-state';
import type { FramePredicate } from './filter';
import { lowerBound } from './frame-search';

export interface FrameList {
  /**
   * The frames of `frames` that pass `predicate`, in order. `frames` must be in arrival order
   * and may only have gained frames at the end or lost them at the front since the last call,
   * unless the predicate changed. The result is reused between calls; do not mutate it.
   */
  update(frames: readonly FrameView[], predicate: FramePredicate | null): readonly FrameView[];
}

export function createFrameList(): FrameList {
  let current: FramePredicate | null = null;
  let rows: FrameView[] = [];
  /** Highest frame index already tested against `current`. */
  let scanned = -1;

  return {
    update(frames, predicate) {
      if (predicate === null) {
        current = null;
        return frames;
      }
      const last = frames[frames.length - 1];
      if (predicate !== current || (last !== undefined && last.index < scanned)) {
        current = predicate;
        rows = [];
        scanned = -1;
      }
      const first = frames[0];
      if (first === undefined || last === undefined) {
        rows = [];
        return rows;
      }
      const evicted = lowerBound(rows, first.index);
      if (evicted > 0) rows.splice(0, evicted);
      for (let i = lowerBound(frames, scanned + 1); i < frames.length; i++) {
        const frame = frames[i];
        if (frame !== undefined && predicate(frame)) rows.push(frame);
      }
      scanned = last.index;
      return rows;
    },
  };
}
