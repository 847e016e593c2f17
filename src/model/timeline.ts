// The timeline's layout maths, free of any drawing: a time scale with zoom and pan, one lane
// per connection, readyState bands (with waits behind the connection limit), reconnect gaps,
// bursts and stalls, and frames bucketed per pixel so 200,000 frames draw in one pass.
import { KEEP_FIRST_HISTORY, type ConnectionView, type FrameView } from './capture-state';

export interface TimeScale {
  /** Axis time at the left edge: epoch ms, less the idle time collapsed by earlier breaks. */
  start: number;
  /** Visible axis duration in ms (> 0). */
  span: number;
  /** Drawing width in px. */
  width: number;
  /** Idle gaps collapsed on the axis, in time order; none: axis time is epoch ms. */
  breaks?: readonly AxisBreak[];
}

/** A long stretch with no connection at all (e.g. between an imported capture and now). */
export interface AxisBreak {
  /** Epoch ms. */
  from: number;
  to: number;
}

export const MIN_SPAN_MS = 1;
export const MAX_SPAN_MS = 7 * 24 * 3600 * 1000;
/** Idle gaps at least this long are collapsed… */
export const BREAK_MIN_IDLE_MS = 5 * 60_000;
/** …to this much axis time. */
export const BREAK_AXIS_MS = 2000;

/** Axis time of epoch ms `t`: each break before it counts only BREAK_AXIS_MS. */
export function axisTime(breaks: readonly AxisBreak[] | undefined, t: number): number {
  let collapsed = 0;
  for (const b of breaks ?? []) {
    if (t <= b.from) break;
    const length = b.to - b.from;
    if (t < b.to) return t - collapsed - (t - b.from) * (1 - BREAK_AXIS_MS / length);
    collapsed += length - BREAK_AXIS_MS;
  }
  return t - collapsed;
}

/** Epoch ms of axis time `a` (the inverse of axisTime). */
export function epochTime(breaks: readonly AxisBreak[] | undefined, a: number): number {
  let collapsed = 0;
  for (const b of breaks ?? []) {
    const from = b.from - collapsed;
    if (a <= from) break;
    const length = b.to - b.from;
    if (a < from + BREAK_AXIS_MS) return b.from + ((a - from) * length) / BREAK_AXIS_MS;
    collapsed += length - BREAK_AXIS_MS;
  }
  return a + collapsed;
}

export const toX = (s: TimeScale, t: number): number =>
  ((axisTime(s.breaks, t) - s.start) / s.span) * s.width;
export const toTime = (s: TimeScale, x: number): number =>
  epochTime(s.breaks, s.start + (x / s.width) * s.span);
/** Epoch ms at the left and right edges. */
export const viewFrom = (s: TimeScale): number => toTime(s, 0);
export const viewTo = (s: TimeScale): number => toTime(s, s.width);

/**
 * The idle gaps worth collapsing: stretches of at least `minIdle` ms covered by no activity
 * interval (a connection's life), between the first and the last.
 */
export function idleBreaks(
  intervals: Iterable<{ from: number; to: number }>,
  minIdle = BREAK_MIN_IDLE_MS,
): AxisBreak[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const breaks: AxisBreak[] = [];
  let busyTo = -Infinity;
  for (const { from, to } of sorted) {
    if (busyTo !== -Infinity && from - busyTo >= minIdle) breaks.push({ from: busyTo, to: from });
    busyTo = Math.max(busyTo, to);
  }
  return breaks;
}

/** Real time ranges between the breaks that are in view, for axis labels and grid lines. */
export function visibleSegments(s: TimeScale): { from: number; to: number }[] {
  const from = viewFrom(s);
  const to = viewTo(s);
  const out: { from: number; to: number }[] = [];
  let at = from;
  for (const b of s.breaks ?? []) {
    if (b.to <= at) continue;
    if (b.from >= to) break;
    if (b.from > at) out.push({ from: at, to: b.from });
    at = b.to;
  }
  if (at < to) out.push({ from: at, to });
  return out;
}

/** Scale showing [from, to] with a small margin; a single instant gets a 1 s window. */
export function fitScale(
  from: number,
  to: number,
  width: number,
  breaks: readonly AxisBreak[] = [],
): TimeScale {
  const a0 = axisTime(breaks, from);
  const span = Math.max(axisTime(breaks, to) - a0, 1000);
  const margin = span * 0.02;
  return { start: a0 - margin, span: span + 2 * margin, width, breaks };
}

/** Zoom by `factor` (>1 zooms in) keeping the time under pixel `x` where it is. */
export function zoomAt(s: TimeScale, x: number, factor: number): TimeScale {
  const anchor = s.start + (x / s.width) * s.span;
  const span = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, s.span / factor));
  return { ...s, span, start: anchor - (x / s.width) * span };
}

export function panBy(s: TimeScale, dx: number): TimeScale {
  return { ...s, start: s.start - (dx / s.width) * s.span };
}

/** Follow-live: keep the span, put `now` at the right edge. */
export function followLive(s: TimeScale, now: number): TimeScale {
  return { ...s, start: axisTime(s.breaks, now) - s.span * 0.98 };
}

/** `elided`: state changes dropped from memory (the middle of a very long history). */
export type BandKind = 'connecting' | 'open' | 'closed' | 'queued' | 'reconnecting' | 'elided';

export interface Band {
  kind: BandKind;
  from: number;
  /** null: still in this state. */
  to: number | null;
}

/** readyState bands from the transitions, with queue waits drawn over connecting time. */
export function bandsOf(
  c: Pick<ConnectionView, 'transitions' | 'queueWaits' | 'transitionsElided'>,
): Band[] {
  const bands: Band[] = [];
  c.transitions.forEach((tr, i) => {
    const next = c.transitions[i + 1];
    if (c.transitionsElided && i === KEEP_FIRST_HISTORY - 1 && next) {
      bands.push({ kind: 'elided', from: tr.t, to: next.t });
      return;
    }
    const kind: BandKind =
      tr.readyState === 1
        ? 'open'
        : tr.readyState === 2
          ? 'closed'
          : tr.cause === 'error'
            ? 'reconnecting'
            : 'connecting';
    if (kind === 'closed') return;
    bands.push({ kind, from: tr.t, to: next ? next.t : null });
  });
  for (const w of c.queueWaits) bands.push({ kind: 'queued', from: w.since, to: w.until });
  return bands;
}

export interface ReconnectGap {
  /** The error that started the reconnect. */
  from: number;
  /** The open that ended it; null while still reconnecting. */
  to: number | null;
  observedMs: number | null;
  /** The server's `retry:` value, when the capture saw it (page-world capture cannot). */
  retryMs: number | null;
  /** The id the browser sends as Last-Event-ID: the last id received before the error. */
  lastEventId: string;
}

/** A `retry:` value seen on the wire (only captures that read the stream itself have them). */
export interface RetryMark {
  t: number;
  ms: number;
}

/** Position of the first item at or after `t` (after `t` when `strict`); items in time order. */
export function searchTime(list: readonly { t: number }[], t: number, strict = false): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = (list[mid] as { t: number }).t;
    if (at < t || (strict && at === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Comment and `retry:` frames looked past for the last event; beyond them the id is unknown. */
const MAX_NON_EVENTS_SKIPPED = 10_000;

/** The last event frame before position `end`: comments and `retry:` carry no event ID. */
function lastEventBefore<F extends Pick<FrameView, 'kind'>>(
  frames: readonly F[],
  end: number,
): F | undefined {
  for (let i = end - 1; i >= Math.max(0, end - MAX_NON_EVENTS_SKIPPED); i--) {
    const f = frames[i] as F;
    if (f.kind === undefined || f.kind === 'event') return f;
  }
  return undefined;
}

/**
 * One gap per `error` that made the browser reconnect, in one pass over the transitions; the
 * last id before it is found by binary search, so long lanes cost no scan.
 */
export function reconnectGaps(
  c: Pick<ConnectionView, 'transitions'>,
  frames: readonly Pick<FrameView, 't' | 'id' | 'kind'>[],
  retries: readonly RetryMark[] = [],
): ReconnectGap[] {
  const out: ReconnectGap[] = [];
  let pending: ReconnectGap[] = [];
  for (const tr of c.transitions) {
    if (tr.readyState !== 0) {
      for (const gap of pending) {
        gap.to = tr.readyState === 1 ? tr.t : null;
        gap.observedMs = gap.to === null ? null : gap.to - gap.from;
      }
      pending = [];
      continue;
    }
    if (tr.cause !== 'error') continue;
    const lastFrame = lastEventBefore(frames, searchTime(frames, tr.t, true));
    const retry = retries[searchTime(retries, tr.t, true) - 1];
    const gap: ReconnectGap = {
      from: tr.t,
      to: null,
      observedMs: null,
      retryMs: retry?.ms ?? null,
      lastEventId: lastFrame?.id ?? '',
    };
    out.push(gap);
    pending.push(gap);
  }
  return out;
}

export interface Span {
  from: number;
  to: number;
  frames: number;
}

export interface MarkOptions {
  /** A burst: at least this many frames… */
  burstMinFrames: number;
  /** …each within this many ms of the previous one. */
  burstMaxGapMs: number;
  /** A stall: a gap of at least this many ms… */
  stallMinMs: number;
  /** …and at least this many times the median of the last 64 gaps. */
  stallFactor: number;
}

export const DEFAULT_MARKS: MarkOptions = {
  burstMinFrames: 20,
  burstMaxGapMs: 2,
  stallMinMs: 1000,
  stallFactor: 10,
};

/** Finds bursts and stalls in a lane frame by frame, so a growing lane is scanned only once. */
export interface MarkScanner {
  /** In time order; a burst still growing is included (and updated in place). */
  readonly bursts: Span[];
  readonly stalls: Span[];
  /** The next frame's time (times never decrease). */
  push(t: number): void;
  /** Forgets marks that end before `t`, whose frames were evicted. */
  forgetBefore(t: number): void;
}

const RHYTHM_GAPS = 64;

export function createMarkScanner(options: MarkOptions = DEFAULT_MARKS): MarkScanner {
  const found: { bursts: Span[]; stalls: Span[] } = { bursts: [], stalls: [] };
  let last: number | null = null;
  let runFrom = 0;
  let runFrames = 0;
  let run: Span | null = null;
  /** The last gaps in arrival order, and the same gaps sorted (for the median). */
  const recent: number[] = [];
  const sorted: number[] = [];

  const insertSorted = (gap: number): void => {
    sorted.splice(searchSorted(sorted, gap), 0, gap);
  };
  const removeSorted = (gap: number): void => {
    sorted.splice(searchSorted(sorted, gap), 1);
  };

  return {
    get bursts() {
      return found.bursts;
    },
    get stalls() {
      return found.stalls;
    },
    push(t) {
      if (last === null) {
        last = runFrom = t;
        runFrames = 1;
        return;
      }
      const gap = t - last;
      const median = sorted[sorted.length >> 1] ?? 0;
      // A rhythm needs a few gaps to be known; before that nothing is called a stall.
      if (recent.length >= 3 && gap >= options.stallMinMs && gap >= options.stallFactor * median) {
        found.stalls.push({ from: last, to: t, frames: 0 });
      }
      recent.push(gap);
      insertSorted(gap);
      if (recent.length > RHYTHM_GAPS) removeSorted(recent.shift() as number);
      if (gap > options.burstMaxGapMs) {
        runFrom = t;
        runFrames = 1;
        run = null;
      } else {
        runFrames++;
        if (run) {
          run.to = t;
          run.frames = runFrames;
        } else if (runFrames >= options.burstMinFrames) {
          run = { from: runFrom, to: t, frames: runFrames };
          found.bursts.push(run);
        }
      }
      last = t;
    },
    forgetBefore(t) {
      for (const list of [found.bursts, found.stalls]) {
        let n = 0;
        while (n < list.length && (list[n] as Span).to < t) n++;
        if (n > 0) list.splice(0, n);
      }
    },
  };
}

/** Position of the first value not below `value` in an ascending array. */
function searchSorted(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs of at least `minFrames` frames each within `maxGapMs` of the previous one. */
export function bursts(
  frames: readonly Pick<FrameView, 't'>[],
  minFrames = DEFAULT_MARKS.burstMinFrames,
  maxGapMs = DEFAULT_MARKS.burstMaxGapMs,
): Span[] {
  const scanner = createMarkScanner({
    ...DEFAULT_MARKS,
    burstMinFrames: minFrames,
    burstMaxGapMs: maxGapMs,
  });
  for (const f of frames) scanner.push(f.t);
  return scanner.bursts;
}

/**
 * Gaps on an open stream that are long both in absolute terms and against the stream's own
 * rhythm: at least `minMs` and at least `factor` times the median of the last 64 gaps.
 */
export function stalls(
  frames: readonly Pick<FrameView, 't'>[],
  minMs = DEFAULT_MARKS.stallMinMs,
  factor = DEFAULT_MARKS.stallFactor,
): Span[] {
  const scanner = createMarkScanner({ ...DEFAULT_MARKS, stallMinMs: minMs, stallFactor: factor });
  for (const f of frames) scanner.push(f.t);
  return scanner.stalls;
}

/** The positions [from, to) of the spans (in time order, not overlapping) that reach into view. */
export function spansInView(spans: readonly Span[], s: TimeScale): [number, number] {
  const start = viewFrom(s);
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).to < start) lo = mid + 1;
    else hi = mid;
  }
  const end = viewTo(s);
  let to = lo;
  while (to < spans.length && (spans[to] as Span).from < end) to++;
  return [lo, to];
}

export interface TickColumn {
  x: number;
  count: number;
  /** The frame drawn for this pixel column (the last one in it), for hover and colour. */
  frame: FrameView;
}

/**
 * Frames of one lane in view (left edge included, right edge excluded) bucketed by pixel
 * column. Each column's last frame is found by galloping search, so the work is bounded by the
 * columns drawn (times a log), not by the frames in view.
 */
export function tickColumns(s: TimeScale, frames: readonly FrameView[]): TickColumn[] {
  const out: TickColumn[] = [];
  const end = viewTo(s);
  let i = searchTime(frames, viewFrom(s));
  while (i < frames.length) {
    const first = frames[i] as FrameView;
    if (first.t >= end) break;
    const x = Math.floor(toX(s, first.t));
    const inColumn = (at: number): boolean => {
      const t = (frames[at] as FrameView).t;
      return t < end && Math.floor(toX(s, t)) <= x;
    };
    // `lo` is in the column; `hi` is past it (or the end).
    let lo = i;
    let step = 1;
    let hi = i + 1;
    while (hi < frames.length && inColumn(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    hi = Math.min(hi, frames.length);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (inColumn(mid)) lo = mid;
      else hi = mid;
    }
    out.push({ x, count: lo - i + 1, frame: frames[lo] as FrameView });
    i = lo + 1;
  }
  return out;
}

/** Tick-mark spacing for an axis: a round step giving at least `minPx` between labels. */
export function axisStep(s: TimeScale, minPx = 80): number {
  const steps = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 3e4, 6e4, 12e4, 3e5, 6e5, 18e5, 36e5,
  ];
  const msPerPx = s.span / s.width;
  return (
    steps.find((step) => step / msPerPx >= minPx) ?? 36e5 * Math.ceil((minPx * msPerPx) / 36e5)
  );
}
