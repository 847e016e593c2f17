// The frames table's rows in time order. Frames arrive in capture order per document, but
// batches from different documents (iframes) interleave, so arrival order can be slightly out
// of time order. The common case (already ordered) costs one check per new row and no copy.
import type { FrameView } from '../src/model/capture-state';
import { sortsBefore } from '../src/model/frame-order';
import { lowerBound } from './frame-search';

export interface TimeOrder {
  /**
   * `rows` (in arrival order, as FrameList returns them: the same array only ever gains rows
   * at the end or loses them at the front) sorted by time, ties in arrival order. Returns
   * `rows` itself when it is already in that order; do not mutate the result.
   */
  update(rows: readonly FrameView[]): readonly FrameView[];
}

export function createTimeOrder(): TimeOrder {
  let source: readonly FrameView[] | null = null;
  let firstIndex = -1;
  let lastIndex = -1;
  let lastFrame: FrameView | null = null;
  /** Null while `source` is itself in time order. */
  let sorted: FrameView[] | null = null;

  return {
    update(rows) {
      const last = rows[rows.length - 1];
      if (rows !== source || (last !== undefined && last.index < lastIndex)) {
        source = rows;
        firstIndex = lastIndex = -1;
        lastFrame = null;
        sorted = null;
      }
      const first = rows[0];
      if (sorted !== null && first?.index !== firstIndex) {
        const keepFrom = first?.index ?? Infinity;
        sorted = sorted.filter((f) => f.index >= keepFrom);
      }
      firstIndex = first?.index ?? -1;
      for (let i = lowerBound(rows, lastIndex + 1); i < rows.length; i++) {
        const frame = rows[i] as FrameView;
        if (sorted === null && lastFrame !== null && sortsBefore(frame, lastFrame)) {
          sorted = rows.slice(0, i);
        }
        if (sorted !== null) sorted.splice(insertionPoint(sorted, frame), 0, frame);
        if (lastFrame === null || sortsBefore(lastFrame, frame)) lastFrame = frame;
        lastIndex = frame.index;
      }
      return sorted ?? rows;
    },
  };
}

/** Position of the first row not before `frame` in the table's order. */
function insertionPoint(rows: readonly FrameView[], frame: FrameView): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortsBefore(rows[mid] as FrameView, frame)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of `frame` in rows sorted in the table's order, or -1. */
export function positionByTime(rows: readonly FrameView[], frame: FrameView): number {
  const at = insertionPoint(rows, frame);
  return rows[at]?.index === frame.index ? at : -1;
}
