// The frames table's order, in one place: the panel sorts by it (panel/time-order.ts) and the
// wire merge places late or early wire-only frames by it (wire-merge.ts).
import type { FrameView } from './capture-state';

/** Whether `a` shows before `b`: by time, then `order` (or `index`), then arrival. */
export function sortsBefore(a: FrameView, b: FrameView): boolean {
  if (a.t !== b.t) return a.t < b.t;
  const ka = a.order ?? a.index;
  const kb = b.order ?? b.index;
  return ka !== kb ? ka < kb : a.index < b.index;
}
