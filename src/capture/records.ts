// The records the page hook emits and the content script forwards. Plain, structured-clone
// safe data only: never an Event or EventSource object.

export type ReadyState = 0 | 1 | 2;

/** A new EventSource was constructed. `conn` is unique within its document. */
export interface ConnectionRecord {
  kind: 'connection';
  conn: number;
  t: number;
  url: string;
  withCredentials: boolean;
  frameUrl: string;
  stack: string;
}

/** readyState changed, and why: an `open` or `error` event, or a `close()` call. */
export interface StateRecord {
  kind: 'state';
  conn: number;
  t: number;
  readyState: ReadyState;
  cause: 'open' | 'error' | 'close';
}

/**
 * A trusted MessageEvent was dispatched on the connection (`message` or a named type): the
 * shape kept from the content script on. The hook sends it as an EventTuple.
 */
export interface EventRecord {
  kind: 'event';
  conn: number;
  t: number;
  type: string;
  data: string;
  lastEventId: string;
  origin: string;
}

/** The page started listening to a named event type on the connection. */
export interface ListenRecord {
  kind: 'listen';
  conn: number;
  t: number;
  type: string;
}

/**
 * An event as the hook sends it. A tuple has no property names, so a batch of them costs
 * far less to structured-clone across postMessage than the same events as objects.
 * `size` is present only when the hook cut `data` to LIMITS.maxDataChars: the true length.
 */
export type EventTuple = [
  conn: number,
  t: number,
  type: string,
  data: string,
  lastEventId: string,
  origin: string,
  size?: number,
];

/** What the hook sends: events as tuples, everything else (rare) as objects. */
export type HookRecord = ConnectionRecord | StateRecord | ListenRecord | EventTuple;

/**
 * Written by the content script, never by the hook: the background saw this connection
 * queued behind its pool's connection limit (`queued: true`), or saw it get a slot.
 */
export interface QueueRecord {
  kind: 'queue';
  conn: number;
  t: number;
  queued: boolean;
  /** The pool's key (endpoint, top-level site, credentials mode). */
  pool: string;
}

/**
 * Written by the content script, never by the hook: what the page's Resource Timing says of
 * one request the connection made (entries exist once a request has completed).
 */
export interface ResponseRecord {
  kind: 'response';
  conn: number;
  /** When the request started, epoch ms. */
  t: number;
  /** When its response ended (or the request failed), epoch ms. */
  end: number;
  /** True when response headers arrived, whether or not EventSource accepted them. */
  responded: boolean;
  /** The HTTP status, or null where the browser does not report it. */
  status: number | null;
  /** The response's Content-Type, or null where the browser does not report it. */
  contentType: string | null;
}

/** What leaves the content script: validated, size-capped and numbered. */
export type CapturedRecord =
  | (ConnectionRecord & { seq: number })
  | (StateRecord & { seq: number })
  | (EventRecord & { seq: number; size: number; truncated: boolean })
  | (ListenRecord & { seq: number })
  | (QueueRecord & { seq: number })
  | (ResponseRecord & { seq: number });

export type CapturedEvent = Extract<CapturedRecord, { kind: 'event' }>;

/** The document (frame) a content script runs in. */
export interface DocInfo {
  /** Random per document load; survives service-worker restarts, not reloads. */
  id: string;
  url: string;
  top: boolean;
  startedAt: number;
}
