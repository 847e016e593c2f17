// What a replay cannot reproduce exactly, in plain sentences printed when it starts: failures
// whose HTTP status was not recorded, `retry:` values it infers, attempts that never got a
// response at export, and captures without timing.
import type { FetchPlan } from './replay-fetch';
import { TIMELESS_GAP_MS, type PlannedAttempt } from './replay-plan';

/** "1 attempt", "2 attempts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export interface PlannedConnection {
  plan: readonly PlannedAttempt[];
  /** The capture had no timing, so the replay paces its frames. */
  timeless: boolean;
}

export function replayNotes(
  connections: readonly PlannedConnection[],
  fetches: readonly FetchPlan[] = [],
): string[] {
  const attempts = connections.flatMap((c) => c.plan);
  const count = (test: (a: PlannedAttempt) => boolean): number => attempts.filter(test).length;
  const notes: string[] = [];
  const unrecorded = count((a) => a.ending === 'refuse' && a.response?.recorded === false);
  if (unrecorded > 0) {
    notes.push(
      `${plural(unrecorded, 'failed attempt has', 'failed attempts have')} no recorded HTTP ` +
        'status: served as 204 No Content',
    );
  }
  const inferred = count((a) => a.retry !== null);
  if (inferred > 0) {
    notes.push(
      `${plural(inferred, 'reconnect delay was', 'reconnect delays were')} not sent by the ` +
        'server as retry: (or the capture could not see it): the replay sends a retry: inferred ' +
        'from the observed delay, after a comment saying so',
    );
  }
  const queued = count((a) => a.queued);
  if (queued > 0) {
    notes.push(
      `${plural(queued, 'attempt was', 'attempts were')} still queued behind the connection ` +
        'limit at export, so what the server would answer is unknown: answered with an open ' +
        'stream and no frames',
    );
  }
  const unanswered = count((a) => a.response === null && a.ending === 'hold');
  if (unanswered > 0) {
    notes.push(
      `${plural(unanswered, 'attempt', 'attempts')} had no response yet at export: held ` +
        'unanswered, as captured',
    );
  }
  const timeless = connections.filter((c) => c.timeless).length;
  if (timeless > 0) {
    notes.push(
      `${plural(timeless, 'connection has', 'connections have')} no timing (a .sse file, or ` +
        `frames all in one millisecond): frames are served ${TIMELESS_GAP_MS} ms apart, ` +
        'divided by --speed',
    );
  }
  const incomplete = fetches.reduce((n, f) => n + f.incomplete, 0);
  if (incomplete > 0) {
    notes.push(
      `${plural(incomplete, 'fetch stream frame was', 'fetch stream frames were')} not captured ` +
        'whole (cut at the size limit, or a compressed Connect payload): served as captured',
    );
  }
  const unansweredFetch = fetches.filter((f) => f.response === null).length;
  if (unansweredFetch > 0) {
    notes.push(
      `${plural(unansweredFetch, 'fetch stream', 'fetch streams')} had no response yet at ` +
        'export: held unanswered, as captured',
    );
  }
  return notes;
}
