// The SSE Lens capture file (`format: "sse-lens-capture"`, `version: 1`) as TypeScript types:
// what the exporters write, the importers return and the replay server serves. The same
// contract as a JSON Schema is docs/capture.schema.json; the unit tests keep the two in step.
import type { StreamFields, StreamTrailer } from '../sse/parse-stream';

export const CAPTURE_FORMAT = 'sse-lens-capture';
export const CAPTURE_VERSION = 1;

export type ReadyStateValue = 0 | 1 | 2;
export type ConnectionKindName = 'eventsource' | 'fetch' | 'xhr';
export type ConnectionState = 'connecting' | 'open' | 'closed';
export type TransitionCause = 'create' | 'open' | 'error' | 'close';
/**
 * `dispatch`: an event the page received; `wire`: a frame read from the stream itself;
 * `both`: an event the page received that deep capture also saw on the wire.
 */
export type FrameSource = 'dispatch' | 'wire' | 'both';
/** How an attempt ended: still going, page called close(), browser reconnects, browser gave up. */
export type AttemptOutcome = 'ongoing' | 'closed' | 'reconnect' | 'failed';
export type ExportScope = 'all' | 'connection' | 'filtered';
/** What a capture was read from. */
export type ImportFormat =
  'sse-lens-json' | 'sse-lens-har' | 'chrome-har' | 'event-stream' | 'ndjson';

export interface CaptureFile {
  format: typeof CAPTURE_FORMAT;
  version: typeof CAPTURE_VERSION;
  exportedAt: number;
  generator: { name: string; version: string };
  scope: ExportScope;
  redaction: RedactionSummary | null;
  /** Records evicted to bound memory before the export: frames no file can hold any more. */
  evicted: number;
  connections: CaptureConnection[];
}

export interface RedactionSummary {
  queryParams: string[];
  urlCredentials: boolean;
  jsonKeys: string[];
  /** How many user patterns ran (the patterns themselves may spell a secret, so are not kept). */
  patterns: number;
  /** Secret header names whose values were redacted; absent when none were chosen. */
  headers?: string[];
  /** Values replaced, over all rules. */
  replaced: number;
}

export type ConnectionContextName = 'worker' | 'sharedworker' | 'serviceworker';

export interface CaptureConnection {
  /** Unique within the file. */
  id: string;
  url: string;
  kind: ConnectionKindName;
  withCredentials: boolean;
  /** The top-level page, when known. */
  page: { url: string | null };
  /** The document (top or iframe) that made the connection; for a worker, its script. */
  frame: { url: string; top: boolean };
  /** A worker opened the stream (seen by deep capture only); absent for the page's documents. */
  context?: ConnectionContextName;
  pool?: PoolInfo;
  createdAt: number;
  closedAt: number | null;
  state: ConnectionState;
  /** Initiator stack, as the page hook saw it. */
  stack: string;
  /** Named event types the page listened to. */
  listenedTypes: string[];
  transitions: CaptureTransition[];
  /** Derived from `transitions`: one per request the browser made. */
  attempts: CaptureAttempt[];
  queueWaits?: QueueWait[];
  /** Frames received, including any not in `frames` (evicted, or outside the export's scope). */
  received: number;
  frames: CaptureFrame[];
  /** Comments and `retry:` seen after the last frame. */
  trailer?: StreamTrailer;
  /** Set when this connection was itself imported from a file. */
  imported?: { name: string; format: ImportFormat; importedAt: number };
  /** fetch/XHR: the request as the page made it. */
  request?: CaptureRequest;
  /** fetch/XHR: the response head, once it arrived. */
  response?: CaptureResponse;
  /** fetch/XHR: how the stream ended, once it did. */
  end?: CaptureEnd;
}

/** A header as [name, value], in the order it was sent or received. */
export type HeaderPair = [string, string];

export interface CaptureRequest {
  method: string;
  headers: HeaderPair[];
  credentials: 'omit' | 'same-origin' | 'include';
  /** Absent when there was none (or it was never read). */
  body?: CaptureRequestBody;
}

/** A request body: its UTF-8 text, or for binary bodies only how big it was. */
export interface CaptureRequestBody {
  /** The kept bytes as text; '' for binary bodies. */
  text: string;
  binary: boolean;
  /** Bytes kept (the capture keeps the first bytes of large bodies). */
  kept: number;
  /** True size in bytes; null when the body was a stream whose end was not seen. */
  size: number | null;
}

export type StreamFormatName = 'sse' | 'ndjson' | 'connect';

export interface CaptureResponse {
  t: number;
  status: number;
  statusText: string;
  /** The final URL, after redirects. */
  url: string;
  redirected: boolean;
  headers: HeaderPair[];
  /** How the body was read; null when it was not a stream. */
  format: StreamFormatName | null;
  /** True when the Content-Type did not announce the stream the body turned out to be. */
  mislabelled: boolean;
}

export type StreamOutcomeName =
  'complete' | 'aborted' | 'cancelled' | 'network-error' | 'http-error';

export interface CaptureEnd {
  t: number;
  outcome: StreamOutcomeName;
  /** The error as the page saw it; '' when none. */
  error: string;
}

export interface PoolInfo {
  key: string;
  protocol: string;
}

/** A wait behind the pool's connection limit; `until` is null while still waiting. */
export interface QueueWait {
  since: number;
  until: number | null;
  /** Pool key the connection waited in. */
  pool: string;
}

export interface CaptureTransition {
  t: number;
  readyState: ReadyStateValue;
  cause: TransitionCause;
}

export interface CaptureAttempt {
  start: number;
  open: number | null;
  end: number | null;
  outcome: AttemptOutcome;
  /** The server's `retry:` in force when the attempt began, when a wire source saw it. */
  retryMs: number | null;
  /** Sent as the `Last-Event-ID` header; empty when none was sent. */
  lastEventId: string;
  /** The response's HTTP status (100–599), when the browser reported it (Resource Timing). */
  httpStatus?: number;
  /** The response's `Content-Type`, when the browser reported it. */
  contentType?: string;
}

export interface CaptureFrame extends StreamFields {
  t: number;
  type: string;
  /** The last event ID when the event was dispatched (`MessageEvent.lastEventId`). */
  id: string;
  data: string;
  source: FrameSource;
  /** True size of `data` before truncation; only written when truncated. */
  size?: number;
  truncated?: boolean;
  /** `MessageEvent.origin`, only written when it differs from the connection URL's origin. */
  origin?: string;
  /** Frames of a fetch/XHR SSE body: a comment line (data: its text) or `retry:` (data: ms). */
  kind?: 'comment' | 'retry';
  /** What is wrong or special about the frame (not JSON, end of stream, unterminated). */
  note?: string;
}
