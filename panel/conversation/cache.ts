// Keeps the Conversation tab from reassembling a whole stream on every incoming batch: the
// result is kept per (connection, frames kept, rules and request), and while a stream grows it is rebuilt
// at most once per interval; the caller is told when to ask again for the newest frames.

/** A stream of 200,000 chunks assembles in about 400 ms: a few rebuilds a second at most. */
export const REBUILD_INTERVAL_MS = 300;

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
}

export function createConversationCache<T>(
  now: () => number = () => performance.now(),
  intervalMs = REBUILD_INTERVAL_MS,
): ConversationCache<T> {
  let last: { key: CacheKey; value: T; builtAt: number } | null = null;
  return {
    get(key, build) {
      if (last && sameKey(last.key, key)) return { value: last.value, retryInMs: null };
      const growing =
        last !== null && last.key.connection === key.connection && last.key.inputs === key.inputs;
      const wait = growing && last ? last.builtAt + intervalMs - now() : 0;
      if (last && wait > 0) return { value: last.value, retryInMs: wait };
      const value = build();
      last = { key, value, builtAt: now() };
      return { value, retryInMs: null };
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
