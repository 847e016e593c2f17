// What the replay server does for each captured connection, worked out once and free of I/O:
// per attempt, how long before the response starts, the frames with the gap before each, and
// how the attempt ends; and where a (re)connecting client resumes, from its Last-Event-ID.
import { framesByAttempt } from '../export/attempts';
import type { CaptureAttempt, CaptureConnection, CaptureFrame } from '../export/capture-types';

/**
 * end: the server ends the response (the client reconnects); hold: it keeps it open (an
 * attempt that never opened stays unanswered, as it was at export); drop: it hangs up before
 * answering (a network error: the client retries); refuse: it answers `status` without a
 * stream (the client gives up).
 */
export type AttemptEnding = 'end' | 'hold' | 'drop' | 'refuse';

/** Frames of a capture without timing (a `.sse` file) are served this far apart at speed 1. */
export const TIMELESS_GAP_MS = 100;

/** What the server answers an attempt with, and whether the capture recorded it. */
export interface PlannedResponse {
  status: number;
  /** null: no Content-Type header. */
  contentType: string | null;
  /** False when the capture did not record the status (a failure served as 204). */
  recorded: boolean;
}

const EVENT_STREAM = 'text/event-stream; charset=utf-8';

export interface PlannedFrame {
  /** Capture milliseconds since the previous frame, or since the response started. */
  gap: number;
  frame: CaptureFrame;
}

export interface PlannedAttempt {
  /** Capture milliseconds from the request until the response starts (or the failure). */
  headerDelay: number;
  opens: boolean;
  /** The response for attempts that open or are refused; null for drops and unanswered ones. */
  response: PlannedResponse | null;
  /**
   * True for an attempt still queued behind the connection limit at export: the server never
   * saw it, so the replay answers with an open stream and no frames.
   */
  queued: boolean;
  /**
   * A `retry:` to send first, so the client waits as long before its next attempt as it did.
   * Always inferred from the observed delay (the server's own `retry:` travels with frames).
   */
  retry: number | null;
  frames: PlannedFrame[];
  /** Capture milliseconds from the last frame until the server ended the response. */
  tail: number;
  ending: AttemptEnding;
  /** The Last-Event-ID the client sent for this attempt. */
  lastEventId: string;
}

export function planConnection(c: CaptureConnection): PlannedAttempt[] {
  const groups = framesByAttempt(c.attempts, c.frames);
  const planned = c.attempts.map((a, k) => planAttempt(a, groups[k] ?? []));
  const last = planned[planned.length - 1];
  if (
    last &&
    !last.opens &&
    last.ending === 'hold' &&
    c.queueWaits?.some((w) => w.until === null)
  ) {
    last.queued = true;
    last.opens = true;
    last.response = { status: 200, contentType: EVENT_STREAM, recorded: false };
  }
  // The delay before each reconnect: the server's own retry: when the capture saw it (frames
  // carry it), else one we send in the previous response; what remains is server latency.
  let retryInEffect = 0;
  c.attempts.forEach((a, k) => {
    const attempt = planned[k];
    if (k === 0 || attempt === undefined) return;
    const observed = Math.max(0, (a.open ?? a.end ?? a.start) - a.start);
    const previous = planned[k - 1];
    if (a.retryMs !== null) {
      retryInEffect = a.retryMs;
    } else if (previous?.opens) {
      previous.retry = observed;
      retryInEffect = observed;
    }
    attempt.headerDelay = Math.max(0, observed - retryInEffect);
  });
  return planned;
}

/** Spaces the frames of a timeless plan TIMELESS_GAP_MS apart; true when it did. */
export function paceTimeless(plan: readonly PlannedAttempt[]): boolean {
  if (!isTimeless(plan)) return false;
  for (const a of plan) for (const f of a.frames) f.gap = TIMELESS_GAP_MS;
  return true;
}

/** True when the capture has frames but no time passes in it (a `.sse` file, or one burst). */
export function isTimeless(plan: readonly PlannedAttempt[]): boolean {
  let frames = 0;
  for (const a of plan) {
    if (a.headerDelay > 0 || a.tail > 0 || (a.retry ?? 0) > 0) return false;
    for (const f of a.frames) if (f.gap > 0) return false;
    frames += a.frames.length;
  }
  return frames > 0;
}

function planAttempt(a: CaptureAttempt, frames: CaptureFrame[]): PlannedAttempt {
  const opens = a.open !== null;
  const base = a.open ?? a.start;
  let previous = base;
  const planned = frames.map((frame) => {
    const gap = Math.max(0, frame.t - previous);
    previous = Math.max(previous, frame.t);
    return { gap, frame };
  });
  const end = ending(a);
  return {
    headerDelay: Math.max(0, (a.open ?? a.end ?? a.start) - a.start),
    opens,
    response: opens
      ? { status: 200, contentType: a.contentType ?? EVENT_STREAM, recorded: true }
      : end === 'refuse'
        ? {
            status: a.httpStatus ?? 204,
            contentType: a.contentType ?? null,
            recorded: a.httpStatus !== undefined,
          }
        : null,
    queued: false,
    retry: null,
    frames: planned,
    tail: opens && a.end !== null ? Math.max(0, a.end - previous) : 0,
    ending: end,
    lastEventId: a.lastEventId,
  };
}

function ending(a: CaptureAttempt): AttemptEnding {
  if (a.outcome === 'ongoing' || a.outcome === 'closed') return 'hold';
  if (a.open !== null) return 'end';
  return a.outcome === 'reconnect' ? 'drop' : 'refuse';
}

export interface Position {
  attempt: number;
  frame: number;
}

/**
 * Where a request starts, given the Last-Event-ID it sent ('' when none). `pending` is the
 * attempt after one the server itself ended: a client reconnecting with the id that attempt
 * expects continues there. Any other id resumes after the last frame with that id; a fresh
 * client starts over. Returns null when the client reconnected past the end of the capture.
 */
export function resumePosition(
  plan: readonly PlannedAttempt[],
  lastEventId: string,
  pending: number | null,
): Position | null {
  if (pending !== null) {
    if (pending >= plan.length) return null;
    if (plan[pending]?.lastEventId === lastEventId) return { attempt: pending, frame: 0 };
  }
  if (lastEventId !== '') {
    for (let k = plan.length - 1; k >= 0; k--) {
      const frames = plan[k]?.frames ?? [];
      for (let i = frames.length - 1; i >= 0; i--) {
        if (frames[i]?.frame.id !== lastEventId) continue;
        if (i + 1 < frames.length || k + 1 === plan.length) return { attempt: k, frame: i + 1 };
        return { attempt: k + 1, frame: 0 };
      }
    }
  }
  return { attempt: pending ?? 0, frame: 0 };
}
