// The records the page hook emits and the content script forwards. Plain, structured-clone
// safe data only: never an Event or EventSource object.

export type ReadyState = 0 | 1 | 2;

/** The page API that opened a stream. */
export type StreamApi = 'eventsource' | 'fetch' | 'xhr';

/** How a fetch/XHR body is framed: text/event-stream, newline-delimited JSON, Connect JSON. */
export type StreamFormat = 'sse' | 'ndjson' | 'connect';

/**
 * A request body as it leaves the content script (extension messaging carries JSON, not
 * bytes): UTF-8 text when the kept bytes decode as such, else only sizes.
 */
export interface CapturedBody {
  kind: 'body';
  conn: number;
  t: number;
  /** The kept bytes as text; '' for a binary body. */
  text: string;
  binary: boolean;
  /** Bytes kept (at most LIMITS.maxRequestBodyBytes). */
  kept: number;
  /** True size in bytes; null when the body was a stream not read to its end. */
  size: number | null;
}

/** The request a fetch/XHR stream was started with, as the page made it. */
export interface RequestInfo {
  method: string;
  /** The request headers the page set, in order (names as the browser normalised them). */
  headers: [string, string][];
  credentials: 'omit' | 'same-origin' | 'include';
}

/**
 * The body a fetch/XHR stream's request sent, read from a copy once it is known (it follows
 * the connection record): its first bytes (up to LIMITS.maxRequestBodyBytes) and its true
 * size in bytes; `size` is null when the body is a stream that had not ended by then.
 */
export interface BodyRecord {
  kind: 'body';
  conn: number;
  t: number;
  bytes: Uint8Array;
  size: number | null;
}

/**
 * A new stream: an EventSource was constructed, or a fetch/XHR turned out to read a stream
 * (then `t` is when its request started). `conn` is unique within its document.
 */
export interface ConnectionRecord {
  kind: 'connection';
  conn: number;
  t: number;
  url: string;
  withCredentials: boolean;
  frameUrl: string;
  stack: string;
  /** Absent for EventSource. */
  api?: 'fetch' | 'xhr';
  /** Set for fetch/XHR. */
  request?: RequestInfo;
}

/** A fetch/XHR stream's response head, as the page's Response (or XHR) shows it. */
export interface HeadRecord {
  kind: 'head';
  conn: number;
  t: number;
  status: number;
  statusText: string;
  /** The final URL, after redirects. */
  url: string;
  redirected: boolean;
  headers: [string, string][];
  /**
   * Null when the response is not a stream although the request asked for one (its `Accept`
   * named a stream type, so it was shown from the start).
   */
  format: StreamFormat | null;
  /** True when the Content-Type does not announce a stream: the body was recognised instead. */
  mislabelled: boolean;
}

/**
 * Body bytes of a fetch stream (or text of an XHR stream) in the order the page consumed
 * them. The hook never reads ahead of the page. Bytes are a copy only the hook held, and
 * their buffer is transferred with the batch.
 */
export interface ChunkRecord {
  kind: 'chunk';
  conn: number;
  t: number;
  data: Uint8Array | string;
}

/** How a fetch/XHR stream ended. */
export type StreamOutcome = 'complete' | 'aborted' | 'cancelled' | 'network-error' | 'http-error';

export interface EndRecord {
  kind: 'end';
  conn: number;
  t: number;
  outcome: StreamOutcome;
  /** The error's name and message as the page saw it (`AbortError: …`); '' when none. */
  error: string;
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

/** What a frame read from the wire is: an event, a comment line, or a `retry:` field. */
export type FrameKind = 'event' | 'comment' | 'retry';

/**
 * What the content script adds to frames it parsed from a fetch/XHR body (`source` 'wire'):
 * comments and `retry:` fields are frames of their own; `note` says what is wrong with one
 * (an NDJSON line that is not JSON, a Connect end-of-stream error, an unterminated event).
 */
export interface WireFrameFields {
  source: 'wire';
  frameKind: FrameKind;
  note?: string;
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
export type HookRecord =
  | ConnectionRecord
  | StateRecord
  | ListenRecord
  | EventTuple
  | BodyRecord
  | HeadRecord
  | ChunkRecord
  | EndRecord;

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

/**
 * What leaves the content script: validated, size-capped and numbered. Chunks never leave it:
 * it parses them into events (with WireFrameFields) and adds state records for the stream's
 * head (open) and end (closed).
 */
export type CapturedRecord =
  | (ConnectionRecord & { seq: number })
  | (StateRecord & { seq: number })
  | (EventRecord & { seq: number; size: number; truncated: boolean } & Partial<WireFrameFields>)
  | (CapturedBody & { seq: number })
  | (HeadRecord & { seq: number })
  | (EndRecord & { seq: number })
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
  /**
   * When the document was last shown: its start, or its return from the back/forward cache.
   * Of two top documents of a tab, the one shown later is the page.
   */
  shownAt?: number;
}
