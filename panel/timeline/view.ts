// What part of time the timeline shows: fit the whole capture (and keep fitting as it grows),
// follow live with a chosen span, or a fixed window the user zoomed or panned to. Pure, so
// the view rules are unit-tested.
import type { ConnectionView } from '../../src/model/capture-state';
import {
  fitScale,
  followLive,
  idleBreaks,
  type AxisBreak,
  type TimeScale,
} from '../../src/model/timeline';

export type ViewMode =
  | { kind: 'fit' }
  | { kind: 'live'; span: number }
  | { kind: 'manual'; start: number; span: number };

/** Fit and live both move with the capture: the follow-live toggle shows as on. */
export const isFollowing = (mode: ViewMode): boolean => mode.kind !== 'manual';

export interface Extent {
  from: number;
  to: number;
  /** Some connection is still connecting or open: `to` is now, and keeps moving. */
  live: boolean;
  /** Long stretches with no connection (sessions far apart), collapsed on the axis. */
  breaks: AxisBreak[];
}

type Timed = Pick<ConnectionView, 'createdAt' | 'lastActivity' | 'closedAt' | 'state' | 'imported'>;

/** A connection still connecting or open right now (an imported one is a record of the past). */
export const isLive = (c: Timed): boolean => c.state !== 'closed' && !c.imported;

/** Where a connection's lane ends: now while it is live. */
export const laneEnd = (c: Timed, now: number): number =>
  c.closedAt ?? (isLive(c) ? now : c.lastActivity);

/**
 * From the first connection's creation to now (while anything is live) or the last activity,
 * with the idle gaps between sessions (e.g. an imported capture from last week and today's)
 * to collapse.
 */
export function captureExtent(connections: Iterable<Timed>, now: number): Extent | null {
  let from = Infinity;
  let to = -Infinity;
  let live = false;
  const lives: { from: number; to: number }[] = [];
  for (const c of connections) {
    const end = Math.max(c.lastActivity, laneEnd(c, now));
    from = Math.min(from, c.createdAt);
    to = Math.max(to, end);
    lives.push({ from: c.createdAt, to: end });
    if (isLive(c)) live = true;
  }
  if (from === Infinity) return null;
  return { from, to, live, breaks: idleBreaks(lives) };
}

export function scaleFor(mode: ViewMode, extent: Extent, width: number): TimeScale {
  switch (mode.kind) {
    case 'fit':
      return fitScale(extent.from, extent.to, width, extent.breaks);
    case 'live':
      return followLive({ start: 0, span: mode.span, width, breaks: extent.breaks }, extent.to);
    case 'manual':
      return { start: mode.start, span: mode.span, width, breaks: extent.breaks };
  }
}

/** The fixed view (in axis time) the user takes over when they zoom or pan from `scale`. */
export const manualFrom = (scale: TimeScale): ViewMode => ({
  kind: 'manual',
  start: scale.start,
  span: scale.span,
});
