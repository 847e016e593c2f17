// Where things are on the timeline canvas (lane labels on the left, time axis on top, one
// lane per connection below) and what is under the pointer. Pure: the renderer records what
// it drew, and hit testing reads that record, so both always agree.
import type { FrameView } from '../../src/model/capture-state';
import type { TickColumn } from '../../src/model/timeline';

/** CSS px. */
export const GUTTER = 160;
export const AXIS_HEIGHT = 20;
export const LANE_HEIGHT = 26;
const RIGHT_PAD = 8;
/** How far (px) from a tick the pointer may be and still hit it. */
const TICK_SLOP = 4;

export interface Layout {
  width: number;
  height: number;
  /** Vertical scroll of the lanes, px. */
  scrollTop: number;
}

export const plotWidth = (l: Layout): number => Math.max(1, l.width - GUTTER - RIGHT_PAD);
export const laneTop = (l: Layout, lane: number): number =>
  AXIS_HEIGHT + lane * LANE_HEIGHT - l.scrollTop;
/** Height of all lanes under the axis: what the scroll container must hold. */
export const contentHeight = (lanes: number): number => AXIS_HEIGHT + lanes * LANE_HEIGHT;

/** Something drawn with an explanation: a reconnect gap, a queue wait, a burst, a stall. */
export interface Note {
  /** Plot x range, px. */
  x0: number;
  x1: number;
  /** Its text, made only when the note is hovered (a draw may place hundreds). */
  describe: () => string;
}

/** What one draw put in a lane, for hit testing; x relative to the plot's left edge. */
export interface DrawnLane {
  columns: TickColumn[];
  notes: Note[];
}

export type Hit =
  | { kind: 'frame'; lane: number; frame: FrameView; count: number; x: number }
  | { kind: 'note'; lane: number; text: string; x: number }
  | { kind: 'label'; lane: number };

export function hitTest(
  layout: Layout,
  drawn: ReadonlyMap<number, DrawnLane>,
  x: number,
  y: number,
): Hit | null {
  if (y < AXIS_HEIGHT) return null;
  const lane = Math.floor((y - AXIS_HEIGHT + layout.scrollTop) / LANE_HEIGHT);
  const content = drawn.get(lane);
  if (!content) return null;
  if (x < GUTTER) return { kind: 'label', lane };
  const px = x - GUTTER;
  const column = nearestColumn(content.columns, px);
  if (column) {
    return { kind: 'frame', lane, frame: column.frame, count: column.count, x: column.x };
  }
  // Later notes are drawn on top; the narrowest wins among those under the pointer.
  let best: Note | null = null;
  for (const note of content.notes) {
    if (px < note.x0 - 1 || px > note.x1 + 1) continue;
    if (!best || note.x1 - note.x0 <= best.x1 - best.x0) best = note;
  }
  return best ? { kind: 'note', lane, text: best.describe(), x: px } : null;
}

/** The column closest to `px` within the slop; columns are ordered by x. */
function nearestColumn(columns: readonly TickColumn[], px: number): TickColumn | null {
  let lo = 0;
  let hi = columns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((columns[mid] as TickColumn).x + 0.5 < px) lo = mid + 1;
    else hi = mid;
  }
  let best: TickColumn | null = null;
  for (const at of [lo - 1, lo]) {
    const c = columns[at];
    if (!c) continue;
    const distance = Math.abs(c.x + 0.5 - px);
    if (distance <= TICK_SLOP && (!best || distance < Math.abs(best.x + 0.5 - px))) best = c;
  }
  return best;
}
