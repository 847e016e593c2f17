// The panel's model of a capture: connections, frames and bookkeeping, as plain data.
// `applyBatch` (apply-batch.ts) is the only writer during live capture, so the whole model
// is testable in Node without a browser; the panel wraps it in signals.
import type { CapturedEvent, DocInfo, ReadyState } from '../capture/records';
import type { ImportFormat } from '../export/capture-types';
import { PANEL_MAX_DATA_CHARS, PANEL_MAX_FRAMES } from '../protocol/constants';
import type { StreamFields } from '../sse/parse-stream';

export type ConnectionKind = 'eventsource' | 'fetch' | 'xhr';
export type ConnectionStateName = 'connecting' | 'open' | 'closed';

export interface Transition {
  t: number;
  readyState: ReadyState;
  cause: 'create' | 'open' | 'error' | 'close';
}

export interface ConnectionView {
  /** `${docId}:${conn}`: unique across documents and reloads. */
  key: string;
  docId: string;
  url: string;
  kind: ConnectionKind;
  withCredentials: boolean;
  frameUrl: string;
  /** True when the connection was made by the top-level document. */
  top: boolean;
  stack: string;
  createdAt: number;
  readyState: ReadyState;
  state: ConnectionStateName;
  /** Frames received (including frames since evicted from memory). */
  frames: number;
  /** Reconnect attempts: `error` events after which the browser retries. */
  retries: number;
  /** Sum of the true sizes of received `data`, in UTF-16 code units. */
  bytes: number;
  lastActivity: number;
  closedAt: number | null;
  transitions: Transition[];
  /** Named event types the page listens to (besides message/open/error). */
  listenedTypes: string[];
  /** Currently queued behind its pool's connection limit. */
  queued: boolean;
  /** Every wait behind the connection limit; `until` is null while still waiting. */
  queueWaits: QueueWait[];
  /** How its requests ended, as the browser reported them (src/model/responses.ts). */
  responses?: RequestResponse[];
  /** The socket pool the connection draws from, once the background has placed it. */
  pool?: { key: string; protocol: string };
  /** Set when the connection was loaded from a file instead of captured live. */
  imported?: ImportedFrom;
}

/** Where an imported connection came from, and what of the file the view has no place for. */
export interface ImportedFrom {
  /** File name. */
  name: string;
  format: ImportFormat;
  importedAt: number;
  /** The top-level page that made the connection, when the file says. */
  pageUrl: string | null;
  /** Comments and `retry:` the file has after the last frame. */
  trailer?: StreamFields;
}

/** How one request of a connection ended, as the browser reported it. */
export interface RequestResponse {
  /** Request start and response end, epoch ms. */
  start: number;
  end: number;
  /** True when response headers arrived. */
  responded: boolean;
  /** Null where the browser does not report them. */
  status: number | null;
  contentType: string | null;
  /** Resource Timing in the page, DevTools' network log, or an imported file. */
  source: 'timing' | 'devtools' | 'file';
}

export interface QueueWait {
  since: number;
  until: number | null;
  pool: string;
}

export interface FrameView {
  /** Position in arrival order across the whole capture; stable row key. */
  index: number;
  connection: string;
  t: number;
  type: string;
  id: string;
  data: string;
  /** True size of `data` before any truncation. */
  size: number;
  truncated: boolean;
  origin: string;
  /** Set for frames read from the stream itself (imported): comments and `retry:` before it. */
  wire?: StreamFields;
}

export interface DocState {
  doc: DocInfo;
  /** Highest record `seq` applied (or skipped while paused); older ones are duplicates. */
  lastSeq: number;
  /** Records the content script had evicted before we could receive them (gaps in `seq`). */
  evictedAtSource: number;
  /** Records the page hook dropped before the content script could number them. */
  lostUpstream: number;
}

export interface CaptureState {
  docs: Map<string, DocState>;
  /** Documents replaced by a navigation: their late messages are ignored. */
  retiredDocs: Set<string>;
  topDocId: string | null;
  connections: Map<string, ConnectionView>;
  frames: FrameView[];
  nextFrameIndex: number;
  maxFrames: number;
  /** Cap on the total length of `data` held in `frames`, in UTF-16 code units. */
  maxDataChars: number;
  /** Total length of `data` held in `frames` now. */
  dataChars: number;
  /** Frames dropped from `frames` to respect `maxFrames` and `maxDataChars`. */
  evictedInPanel: number;
  /** Records not recorded because recording was paused. */
  droppedWhilePaused: number;
  recording: boolean;
  preserveLog: boolean;
}

export function createCaptureState(
  maxFrames: number = PANEL_MAX_FRAMES,
  maxDataChars: number = PANEL_MAX_DATA_CHARS,
): CaptureState {
  return {
    docs: new Map(),
    retiredDocs: new Set(),
    topDocId: null,
    connections: new Map(),
    frames: [],
    nextFrameIndex: 0,
    maxFrames,
    maxDataChars,
    dataChars: 0,
    evictedInPanel: 0,
    droppedWhilePaused: 0,
    recording: true,
    preserveLog: false,
  };
}

export function connectionKey(docId: string, conn: number): string {
  return `${docId}:${conn}`;
}

export function stateName(readyState: ReadyState): ConnectionStateName {
  return readyState === 0 ? 'connecting' : readyState === 1 ? 'open' : 'closed';
}

/** Total records evicted anywhere (content-script buffers and panel memory). */
export function totalEvicted(state: CaptureState): number {
  let n = state.evictedInPanel;
  for (const d of state.docs.values()) n += d.evictedAtSource + d.lostUpstream;
  return n;
}

export function frameFromEvent(index: number, connection: string, r: CapturedEvent): FrameView {
  return {
    index,
    connection,
    t: r.t,
    type: r.type,
    id: r.lastEventId,
    data: r.data,
    size: r.size,
    truncated: r.truncated,
    origin: r.origin,
  };
}
