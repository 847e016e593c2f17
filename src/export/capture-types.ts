// The SSE Lens capture file (`format: "sse-lens-capture"`, `version: 1`) as TypeScript types:
// what the exporters write, the importers return and the replay server serves. The same
// contract as a JSON Schema is docs/capture.schema.json; the unit tests keep the two in step.
import type { StreamFields } from '../sse/parse-stream';

export const CAPTURE_FORMAT = 'sse-lens-capture';
export const CAPTURE_VERSION = 1;

export type ReadyStateValue = 0 | 1 | 2;
export type ConnectionKindName = 'eventsource' | 'fetch' | 'xhr';
export type ConnectionState = 'connecting' | 'open' | 'closed';
export type TransitionCause = 'create' | 'open' | 'error' | 'close';
/** `dispatch`: an event the page received; `wire`: an event read from the stream itself. */
export type FrameSource = 'dispatch' | 'wire';
/** How an attempt ended: still going, page called close(), browser reconnects, browser gave up. */
export type AttemptOutcome = 'ongoing' | 'closed' | 'reconnect' | 'failed';
export type ExportScope = 'all' | 'connection' | 'filtered';
/** What a capture was read from. */
export type ImportFormat = 'sse-lens-json' | 'sse-lens-har' | 'chrome-har' | 'event-stream';

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
  /** Values replaced, over all rules. */
  replaced: number;
}

export interface CaptureConnection {
  /** Unique within the file. */
  id: string;
  url: string;
  kind: ConnectionKindName;
  withCredentials: boolean;
  /** The top-level page, when known. */
  page: { url: string | null };
  /** The document (top or iframe) that made the connection. */
  frame: { url: string; top: boolean };
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
  trailer?: StreamFields;
  /** Set when this connection was itself imported from a file. */
  imported?: { name: string; format: ImportFormat; importedAt: number };
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
  /** The response's HTTP status, where the browser reported it. */
  httpStatus?: number;
  /** The response's Content-Type, where the browser reported it. */
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
}
