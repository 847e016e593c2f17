// What the replay server does for each captured connection, worked out once and free of I/O:
// per attempt, how long before the response starts, the frames with the gap before each, and
// how the attempt ends; and where a (re)connecting client resumes, from its Last-Event-ID.
import { framesByAttempt } from '../export/attempts';
import type { CaptureAttempt, CaptureConnection, CaptureFrame } from '../export/capture-types';

/**
 * end: the server ends the response (the client reconnects); hold: it keeps it open;
 * drop: it hangs up before answering (a network error: the client retries);
 * refuse: it answers 204 (the client gives up).
 */
export type AttemptEnding = 'end' | 'hold' | 'drop' | 'refuse';

export interface PlannedFrame {
  /** Capture milliseconds since the previous frame, or since the response started. */
  gap: number;
  frame: CaptureFrame;
}

export interface PlannedAttempt {
  /** Capture milliseconds from the request until the response starts (or the failure). */
  headerDelay: number;
  opens: boolean;
  /** A `retry:` to send first, so the client waits as long before its next attempt as it did. */
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

function planAttempt(a: CaptureAttempt, frames: CaptureFrame[]): PlannedAttempt {
  const opens = a.open !== null;
  const base = a.open ?? a.start;
  let previous = base;
  const planned = frames.map((frame) => {
    const gap = Math.max(0, frame.t - previous);
    previous = Math.max(previous, frame.t);
    return { gap, frame };
  });
  return {
    headerDelay: Math.max(0, (a.open ?? a.end ?? a.start) - a.start),
    opens,
    retry: null,
    frames: planned,
    tail: opens && a.end !== null ? Math.max(0, a.end - previous) : 0,
    ending: ending(a),
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
