// The timeline's layout maths, free of any drawing: a time scale with zoom and pan, one lane
// per connection, readyState bands (with waits behind the connection limit), reconnect gaps,
// bursts and stalls, and frames bucketed per pixel so 200,000 frames draw in one pass.
import type { ConnectionView, FrameView } from './capture-state';

export interface TimeScale {
  /** Epoch ms at the left edge. */
  start: number;
  /** Visible duration in ms (> 0). */
  span: number;
  /** Drawing width in px. */
  width: number;
}

export const MIN_SPAN_MS = 1;
export const MAX_SPAN_MS = 7 * 24 * 3600 * 1000;

export const toX = (s: TimeScale, t: number): number => ((t - s.start) / s.span) * s.width;
export const toTime = (s: TimeScale, x: number): number => s.start + (x / s.width) * s.span;

/** Scale showing [from, to] with a small margin; a single instant gets a 1 s window. */
export function fitScale(from: number, to: number, width: number): TimeScale {
  const span = Math.max(to - from, 1000);
  const margin = span * 0.02;
  return { start: from - margin, span: span + 2 * margin, width };
}

/** Zoom by `factor` (>1 zooms in) keeping the time under pixel `x` where it is. */
export function zoomAt(s: TimeScale, x: number, factor: number): TimeScale {
  const anchor = toTime(s, x);
  const span = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, s.span / factor));
  return { ...s, span, start: anchor - (x / s.width) * span };
}

export function panBy(s: TimeScale, dx: number): TimeScale {
  return { ...s, start: s.start - (dx / s.width) * s.span };
}

/** Follow-live: keep the span, put `now` at the right edge. */
export function followLive(s: TimeScale, now: number): TimeScale {
  return { ...s, start: now - s.span * 0.98 };
}

export type BandKind = 'connecting' | 'open' | 'closed' | 'queued' | 'reconnecting';

export interface Band {
  kind: BandKind;
  from: number;
  /** null: still in this state. */
  to: number | null;
}

/** readyState bands from the transitions, with queue waits drawn over connecting time. */
export function bandsOf(c: Pick<ConnectionView, 'transitions' | 'queueWaits'>): Band[] {
  const bands: Band[] = [];
  c.transitions.forEach((tr, i) => {
    const next = c.transitions[i + 1];
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

export function reconnectGaps(
  c: Pick<ConnectionView, 'transitions'>,
  frames: readonly Pick<FrameView, 't' | 'id'>[],
): ReconnectGap[] {
  const out: ReconnectGap[] = [];
  c.transitions.forEach((tr, i) => {
    if (tr.cause !== 'error' || tr.readyState !== 0) return;
    const reopened = c.transitions.slice(i + 1).find((n) => n.readyState !== 0);
    const to = reopened?.readyState === 1 ? reopened.t : null;
    let lastEventId = '';
    for (const f of frames) {
      if (f.t > tr.t) break;
      lastEventId = f.id;
    }
    out.push({
      from: tr.t,
      to,
      observedMs: to === null ? null : to - tr.t,
      retryMs: null,
      lastEventId,
    });
  });
  return out;
}

export interface Span {
  from: number;
  to: number;
  frames: number;
}

/** Runs of at least `minFrames` frames each within `maxGapMs` of the previous one. */
export function bursts(
  frames: readonly Pick<FrameView, 't'>[],
  minFrames = 20,
  maxGapMs = 2,
): Span[] {
  const out: Span[] = [];
  let runStart = 0;
  const close = (end: number): void => {
    if (end - runStart >= minFrames) {
      out.push({
        from: (frames[runStart] as FrameView).t,
        to: (frames[end - 1] as FrameView).t,
        frames: end - runStart,
      });
    }
  };
  for (let i = 1; i <= frames.length; i++) {
    const gap =
      i < frames.length ? (frames[i] as FrameView).t - (frames[i - 1] as FrameView).t : Infinity;
    if (gap > maxGapMs) {
      close(i);
      runStart = i;
    }
  }
  return out;
}

/**
 * Gaps on an open stream that are long both in absolute terms and against the stream's own
 * rhythm: at least `minMs` and at least `factor` times the median of the last 64 gaps.
 */
export function stalls(frames: readonly Pick<FrameView, 't'>[], minMs = 1000, factor = 10): Span[] {
  const out: Span[] = [];
  const seen: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    const from = (frames[i - 1] as FrameView).t;
    const to = (frames[i] as FrameView).t;
    const gap = to - from;
    const median = seen.length ? ([...seen].sort((a, b) => a - b)[seen.length >> 1] ?? 0) : 0;
    // A rhythm needs a few gaps to be known; before that nothing is called a stall.
    if (seen.length >= 3 && gap >= minMs && gap >= factor * median) {
      out.push({ from, to, frames: 0 });
    }
    seen.push(gap);
    if (seen.length > 64) seen.shift();
  }
  return out;
}

export interface TickColumn {
  x: number;
  count: number;
  /** The frame drawn for this pixel column (the last one in it), for hover and colour. */
  frame: FrameView;
}

/** Frames of one lane in view ([start, start + span)) bucketed by pixel column. */
export function tickColumns(s: TimeScale, frames: readonly FrameView[]): TickColumn[] {
  const out: TickColumn[] = [];
  let lo = 0;
  let hi = frames.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((frames[mid] as FrameView).t < s.start) lo = mid + 1;
    else hi = mid;
  }
  const end = s.start + s.span;
  for (let i = lo; i < frames.length; i++) {
    const f = frames[i] as FrameView;
    if (f.t >= end) break;
    const x = Math.floor(toX(s, f.t));
    const last = out.at(-1);
    if (last && last.x === x) {
      last.count++;
      last.frame = f;
    } else {
      out.push({ x, count: 1, frame: f });
    }
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
