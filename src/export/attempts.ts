// Derives a connection's attempts (one per request the browser made) from its readyState
// transitions: when each began and opened, how it ended, and the Last-Event-ID and `retry:`
// it carried. Every export format and the replay server read attempts from here.
import type { CaptureAttempt, CaptureTransition } from './capture-types';

/**
 * What attempts need of a frame; frames must be in arrival order. `id` is absent for a comment
 * or `retry:` frame, which leaves the last event ID as it was.
 */
export interface AttemptFrame {
  t: number;
  id?: string;
  retry?: number;
}

export function deriveAttempts(
  createdAt: number,
  transitions: readonly CaptureTransition[],
  frames: readonly AttemptFrame[],
): CaptureAttempt[] {
  const attempts: CaptureAttempt[] = [];
  let next = 0;
  let lastEventId = '';
  let retryMs: number | null = null;
  /** Folds in every frame received up to `t` (inclusive: a frame and an error can share a ms). */
  const advance = (t: number): void => {
    for (; next < frames.length; next++) {
      const f = frames[next];
      if (f === undefined || f.t > t) return;
      if (f.id !== undefined) lastEventId = f.id;
      if (f.retry !== undefined) retryMs = f.retry;
    }
  };
  const begin = (start: number): CaptureAttempt => {
    advance(start);
    return { start, open: null, end: null, outcome: 'ongoing', retryMs, lastEventId };
  };
  let current: CaptureAttempt | null = null;
  const finish = (t: number, outcome: CaptureAttempt['outcome']): void => {
    // A transition after the connection ended (none is expected) starts nothing new.
    if (current === null && attempts.length > 0) return;
    const attempt = current ?? begin(createdAt);
    attempt.end = t;
    attempt.outcome = outcome;
    attempts.push(attempt);
    current = null;
  };
  for (const tr of transitions) {
    if (tr.cause === 'create') {
      if (current) attempts.push(current);
      current = { ...begin(tr.t), retryMs: null, lastEventId: '' };
    } else if (tr.cause === 'open') {
      current ??= begin(attempts.length > 0 ? tr.t : createdAt);
      current.open ??= tr.t;
    } else if (tr.cause === 'close') {
      finish(tr.t, 'closed');
    } else if (tr.readyState === 0) {
      const ended = current !== null || attempts.length === 0;
      finish(tr.t, 'reconnect');
      if (ended) current = begin(tr.t);
    } else {
      finish(tr.t, 'failed');
    }
  }
  if (current) attempts.push(current);
  else if (attempts.length === 0) attempts.push(begin(createdAt));
  return attempts;
}

/** A frame belongs to the first attempt that had not ended when it arrived. */
export function framesByAttempt<F extends { t: number }>(
  attempts: readonly CaptureAttempt[],
  frames: readonly F[],
): F[][] {
  const groups: F[][] = attempts.map(() => []);
  let k = 0;
  for (const f of frames) {
    while (k < attempts.length - 1 && (attempts[k]?.end ?? Infinity) < f.t) k++;
    groups[k]?.push(f);
  }
  return groups;
}

/** What attempts need of a reported response (see RequestResponse in the model). */
export interface AttemptResponse {
  start: number;
  status: number | null;
  contentType: string | null;
}

/**
 * Each attempt's response: a request belongs to the latest attempt that began at or before it
 * started (a reconnect's request starts after the error that began its attempt), or to the
 * first attempt when clocks put it a little earlier. The last report wins.
 */
export function responsesByAttempt<R extends AttemptResponse>(
  attempts: readonly CaptureAttempt[],
  responses: readonly R[],
): (R | null)[] {
  const matched: (R | null)[] = attempts.map(() => null);
  for (const r of responses) {
    let k = 0;
    while (k < attempts.length - 1 && (attempts[k + 1]?.start ?? Infinity) <= r.start) k++;
    if (k < matched.length) matched[k] = r;
  }
  return matched;
}

/** Attempts with the HTTP status and Content-Type the browser reported for each. */
export function withResponses(
  attempts: CaptureAttempt[],
  responses: readonly AttemptResponse[],
): CaptureAttempt[] {
  const matched = responsesByAttempt(attempts, responses);
  return attempts.map((a, i) => {
    const r = matched[i];
    if (!r) return a;
    return {
      ...a,
      ...(r.status !== null && { httpStatus: r.status }),
      ...(r.contentType !== null && { contentType: r.contentType }),
    };
  });
}
