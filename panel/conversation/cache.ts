// Keeps the Conversation tab from reassembling a whole stream on every incoming batch: the
// result is kept per (connection, frames kept, rules and request), and while a stream grows it is rebuilt
// at most once per interval; the caller is told when to ask again for the newest frames.

/** A few rebuilds a second at most… */
export const REBUILD_INTERVAL_MS = 300;
/**
 * …and never more than a fifth of the time: reading new frames is cheap, but laying out an
 * answer of hundreds of thousands of characters is not, so the pause grows with the cost of
 * the last update, from build to screen.
 */
export const REBUILD_COST_FACTOR = 4;

export interface CacheKey {
  connection: string;
  /** Index of the first frame kept and how many: changes when frames arrive or are evicted. */
  firstFrame: number;
  frames: number;
  /** The other inputs (rules version, request body length): a change rebuilds at once. */
  inputs: string;
}

export interface Cached<T> {
  value: T;
  /** Ms after which a rebuild would include frames this value lacks; null when it is current. */
  retryInMs: number | null;
}

export interface ConversationCache<T> {
  get(key: CacheKey, build: () => T): Cached<T>;
  /**
   * The last build's result is on screen: its cost counts until now, so a view that is slow
   * to lay out (a long answer) is rebuilt less often too.
   */
  shown(): void;
}

export function createConversationCache<T>(
  now: () => number = () => performance.now(),
  intervalMs = REBUILD_INTERVAL_MS,
): ConversationCache<T> {
  let last: { key: CacheKey; value: T; started: number; builtAt: number; tookMs: number } | null =
    null;
  return {
    get(key, build) {
      if (last && sameKey(last.key, key)) return { value: last.value, retryInMs: null };
      const growing =
        last !== null && last.key.connection === key.connection && last.key.inputs === key.inputs;
      const pause = last ? Math.max(intervalMs, REBUILD_COST_FACTOR * last.tookMs) : 0;
      const wait = growing && last ? last.builtAt + pause - now() : 0;
      if (last && wait > 0) return { value: last.value, retryInMs: wait };
      const started = now();
      const value = build();
      const builtAt = now();
      last = { key, value, started, builtAt, tookMs: builtAt - started };
      return { value, retryInMs: null };
    },
    shown() {
      if (!last) return;
      last.builtAt = now();
      last.tookMs = last.builtAt - last.started;
    },
  };
}

function sameKey(a: CacheKey, b: CacheKey): boolean {
  return (
    a.connection === b.connection &&
    a.firstFrame === b.firstFrame &&
    a.frames === b.frames &&
    a.inputs === b.inputs
  );
}
