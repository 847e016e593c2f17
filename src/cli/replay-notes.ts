// What a replay cannot reproduce exactly, as messages printed when it starts (in the user's
// language): failures whose HTTP status was not recorded, `retry:` values it infers, attempts
// that never got a response at export, and captures without timing.
import { cliMessage, type CliKey, type CliMessage } from './cli-text';
import type { FetchPlan } from './replay-fetch';
import { TIMELESS_GAP_MS, type PlannedAttempt } from './replay-plan';

export interface PlannedConnection {
  plan: readonly PlannedAttempt[];
  /** The capture had no timing, so the replay paces its frames. */
  timeless: boolean;
}

export function replayNotes(
  connections: readonly PlannedConnection[],
  fetches: readonly FetchPlan[] = [],
): CliMessage[] {
  const attempts = connections.flatMap((c) => c.plan);
  const count = (test: (a: PlannedAttempt) => boolean): number => attempts.filter(test).length;
  const counted: [CliKey, number][] = [
    ['note.unrecorded', count((a) => a.ending === 'refuse' && a.response?.recorded === false)],
    ['note.inferred', count((a) => a.retry !== null)],
    ['note.queued', count((a) => a.queued)],
    ['note.unanswered', count((a) => a.response === null && a.ending === 'hold')],
    ['note.timeless', connections.filter((c) => c.timeless).length],
    ['note.incomplete', fetches.reduce((n, f) => n + f.incomplete, 0)],
    ['note.unansweredFetch', fetches.filter((f) => f.response === null).length],
  ];
  return counted
    .filter(([, n]) => n > 0)
    .map(([key, n]) =>
      cliMessage(key, key === 'note.timeless' ? { count: n, gap: TIMELESS_GAP_MS } : { count: n }),
    );
}
