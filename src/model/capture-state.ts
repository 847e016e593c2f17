// The panel's model of a capture: connections, frames and bookkeeping, as plain data.
// `applyBatch` (apply-batch.ts) is the only writer during live capture, so the whole model
// is testable in Node without a browser; the panel wraps it in signals.
import type {
  CapturedEvent,
  DocInfo,
  FrameKind,
  ReadyState,
  RequestInfo,
  StreamFormat,
  StreamOutcome,
} from '../capture/records';
import type { ImportFormat } from '../export/capture-types';
import { PANEL_MAX_DATA_CHARS, PANEL_MAX_FRAMES } from '../protocol/constants';
import type { ContentToPanel, SourceCounters } from '../protocol/messages';
import type { StreamFields, StreamTrailer } from '../sse/parse-stream';

/** Connections the panel keeps (finished ones beyond it are evicted once their frames are). */
export const PANEL_MAX_CONNECTIONS = 5000;

export type ConnectionKind = 'eventsource' | 'fetch' | 'xhr';
/** Where the stream was opened; a connection without one is the page's (`window`). */
export type ConnectionContext = 'worker' | 'sharedworker' | 'serviceworker';
export type ConnectionStateName = 'connecting' | 'open' | 'closed';

export interface Transition {
  t: number;
  readyState: ReadyState;
  cause: 'create' | 'open' | 'error' | 'close';
  /** Set on the `close` the panel writes when the connection's page was left (navigation). */
  unloaded?: true;
}

/** Per-connection history kept in memory: the first and the last entries of each list. */
export const KEEP_FIRST_HISTORY = 20;
export const KEEP_LAST_HISTORY = 200;
/** Retired document ids remembered exactly; older ones are caught by `retiredBefore`. */
export const MAX_RETIRED_DOCS = 1000;

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
  /** When its first frame arrived (the time to first frame is measured from `createdAt`). */
  firstFrameAt?: number;
  closedAt: number | null;
  transitions: Transition[];
  /** Transitions dropped from the middle of `transitions` to bound memory. */
  transitionsElided?: number;
  /** Named event types the page listens to (besides message/open/error). */
  listenedTypes: string[];
  /** Currently queued behind its pool's connection limit. */
  queued: boolean;
  /** Every wait behind the connection limit; `until` is null while still waiting. */
  queueWaits: QueueWait[];
  /** Waits dropped from the middle of `queueWaits` to bound memory. */
  queueWaitsElided?: number;
  /** How its requests ended, as the browser reported them (src/model/responses.ts). */
  responses?: RequestResponse[];
  /** The server's last `retry:` value in ms, when a wire source saw one. */
  serverRetry?: number;
  /** The socket pool the connection draws from, once the background has placed it. */
  pool?: { key: string; protocol: string };
  /** Set when the connection was loaded from a file instead of captured live. */
  imported?: ImportedFrom;
  /** fetch/XHR: the request as the page made it. */
  request?: RequestView;
  /** fetch/XHR: the response head, once it arrived. */
  head?: HeadView;
  /** fetch/XHR: how the stream ended. */
  outcome?: OutcomeView;
  /**
   * A worker opened it (seen by deep capture only); `frameUrl` is then the worker's script.
   * Absent: a document of the page opened it.
   */
  context?: ConnectionContext;
  /**
   * Firefox: the worker's request came with no tab; a worker of the page's origin made it (of
   * which kind Firefox does not say: `context` is then 'worker'), maybe for another tab.
   */
  unattributed?: true;
}

export interface RequestView extends RequestInfo {
  /** Absent until the body was read (or when there is none). */
  body?: RequestBodyView;
}

/** A request body: UTF-8 text when it decodes as such, else only its size. */
export interface RequestBodyView {
  /** The kept bytes as text ('' for binary bodies). */
  text: string;
  binary: boolean;
  /** Bytes kept (at most LIMITS.maxRequestBodyBytes). */
  kept: number;
  /** True size in bytes; null when the body was a stream whose end was not seen. */
  size: number | null;
}

export interface HeadView {
  t: number;
  status: number;
  statusText: string;
  url: string;
  redirected: boolean;
  headers: [string, string][];
  /** Null: the request asked for a stream and got something else. */
  format: StreamFormat | null;
  mislabelled: boolean;
}

export interface OutcomeView {
  t: number;
  outcome: StreamOutcome;
  /** The error as the page saw it; '' when none. */
  error: string;
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
  trailer?: StreamTrailer;
  /**
   * The state the connection was still in when the capture ended (it is shown closed then,
   * at the capture's last time); absent when it had closed.
   */
  endedAs?: 'connecting' | 'open';
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
  /** Frames parsed from a fetch/XHR body: what the line was (absent: an event). */
  kind?: FrameKind;
  /**
   * Absent for events dispatched to the page; 'wire' for frames only read from the stream (a
   * fetch/XHR body as the page consumed it, or deep capture); 'both' for a dispatched event
   * deep capture also saw on the wire.
   */
  source?: 'wire' | 'both';
  /** What is wrong or special about the frame (not JSON, end of stream, unterminated). */
  note?: string;
  /**
   * Breaks a tie in time ahead of `index`: set on a wire-only frame that reached the panel
   * after the page's frame following it on the wire (that frame's index − 0.5), or that the
   * wire's clock put before the frame preceding it (that frame's order, or index + 0.5).
   */
  order?: number;
}

export interface DocState {
  doc: DocInfo;
  /** Highest record `seq` applied (or skipped while paused); older ones are duplicates. */
  lastSeq: number;
  /** Records the content script had evicted before we could receive them (gaps in `seq`). */
  evictedAtSource: number;
  /** Records the page hook dropped before the content script could number them. */
  lostUpstream: number;
  /** Records the content script received but never numbered, by reason. */
  source: SourceCounters;
}

export interface CaptureState {
  docs: Map<string, DocState>;
  /** Documents replaced by a navigation: their late messages are ignored (bounded set). */
  retiredDocs: Set<string>;
  /**
   * Documents that started before this time (the current top document's start) belong to
   * pages that were left: ignored even when their id is no longer in `retiredDocs`.
   */
  retiredBefore: number;
  /** When the page shown now was shown (DocInfo.shownAt of the top document). */
  topShownAt: number;
  topDocId: string | null;
  connections: Map<string, ConnectionView>;
  /** Cap on `connections`; beyond it the oldest finished connections with no frames left go. */
  maxConnections: number;
  /** Finished connections removed to respect `maxConnections`. */
  connectionsEvicted: number;
  frames: FrameView[];
  nextFrameIndex: number;
  maxFrames: number;
  /** Cap on the total length of `data` held in `frames`, in UTF-16 code units. */
  maxDataChars: number;
  /** Total length of `data` held in `frames` now. */
  dataChars: number;
  /** Frames dropped from `frames` to respect `maxFrames` and `maxDataChars`. */
  evictedInPanel: number;
  /** Frames not recorded because recording was paused. */
  droppedWhilePaused: number;
  /** Deep capture's records of requests no connection could be found for (wire-merge.ts). */
  wireUnmatched: number;
  recording: boolean;
  /**
   * The last pauses, in the clock records carry (`to` null while paused): a frame from a pause
   * that reaches the panel after the user resumed is still not recorded. Bounded.
   */
  pauses: { from: number; to: number | null }[];
  preserveLog: boolean;
}

export function createCaptureState(
  maxFrames: number = PANEL_MAX_FRAMES,
  maxDataChars: number = PANEL_MAX_DATA_CHARS,
): CaptureState {
  return {
    docs: new Map(),
    retiredDocs: new Set(),
    retiredBefore: -Infinity,
    topShownAt: -Infinity,
    topDocId: null,
    connections: new Map(),
    maxConnections: PANEL_MAX_CONNECTIONS,
    connectionsEvicted: 0,
    frames: [],
    nextFrameIndex: 0,
    maxFrames,
    maxDataChars,
    dataChars: 0,
    evictedInPanel: 0,
    droppedWhilePaused: 0,
    wireUnmatched: 0,
    recording: true,
    pauses: [],
    preserveLog: false,
  };
}

export function connectionKey(docId: string, conn: number): string {
  return `${docId}:${conn}`;
}

export function stateName(readyState: ReadyState): ConnectionStateName {
  return readyState === 0 ? 'connecting' : readyState === 1 ? 'open' : 'closed';
}

/** Keeps the first and the last transitions; the ones dropped between them are counted. */
export function pushTransition(c: ConnectionView, transition: Transition): void {
  if (c.transitions.length >= KEEP_FIRST_HISTORY + KEEP_LAST_HISTORY) {
    c.transitions.splice(KEEP_FIRST_HISTORY, 1);
    c.transitionsElided = (c.transitionsElided ?? 0) + 1;
  }
  c.transitions.push(transition);
}

export function newDocState(doc: DocInfo): DocState {
  return {
    doc,
    lastSeq: 0,
    evictedAtSource: 0,
    lostUpstream: 0,
    source: { malformed: 0, staleHook: 0, untrackedConnections: 0, untrackedRecords: 0 },
  };
}

/** Takes the content script's counts (cumulative since its load or the last Clear). */
export function copySourceCounters(d: DocState, msg: ContentToPanel['records']): void {
  d.lostUpstream = msg.lost;
  if (msg.counters) d.source = { ...msg.counters };
}

/** The user pressed Clear: the content scripts start their counts over too. */
export function clearSourceCounters(d: DocState): void {
  d.evictedAtSource = 0;
  d.lostUpstream = 0;
  d.source = { malformed: 0, staleHook: 0, untrackedConnections: 0, untrackedRecords: 0 };
}

/** Total records evicted to bound memory (content-script buffers and panel memory). */
export function totalEvicted(state: CaptureState): number {
  let n = state.evictedInPanel;
  for (const d of state.docs.values()) n += d.evictedAtSource;
  return n;
}

/** Every record captured but not shown, by where and why; each has its own notice. */
export interface CaptureCounters {
  /** Evicted from content-script buffers before this panel received them. */
  evictedAtSource: number;
  /** Evicted from the panel's memory (its caps). */
  evictedInPanel: number;
  /** Dropped by page hooks before their channel opened (over their pending cap). */
  droppedByHook: number;
  /** Rejected by content scripts as malformed. */
  malformed: number;
  /** Rejected because a page hook speaks another protocol version. */
  staleHook: number;
  /** Connections over the content scripts' tracking caps, and their records. */
  untrackedConnections: number;
  untrackedRecords: number;
  /** Not recorded because recording was paused. */
  notRecordedWhilePaused: number;
  /** Deep capture's wire records that matched no connection. */
  wireUnmatched: number;
  /**
   * Streams still live that deep capture never saw a request of: they opened before it
   * started (wire-merge.ts fills this in; the model alone cannot tell).
   */
  wireMissed: number;
}

export function captureCounters(state: CaptureState): CaptureCounters {
  const c: CaptureCounters = {
    evictedAtSource: 0,
    evictedInPanel: state.evictedInPanel,
    droppedByHook: 0,
    malformed: 0,
    staleHook: 0,
    untrackedConnections: 0,
    untrackedRecords: 0,
    notRecordedWhilePaused: state.droppedWhilePaused,
    wireUnmatched: state.wireUnmatched,
    wireMissed: 0,
  };
  for (const d of state.docs.values()) {
    c.evictedAtSource += d.evictedAtSource;
    c.droppedByHook += d.lostUpstream;
    c.malformed += d.source.malformed;
    c.staleHook += d.source.staleHook;
    c.untrackedConnections += d.source.untrackedConnections;
    c.untrackedRecords += d.source.untrackedRecords;
  }
  return c;
}

export function frameFromEvent(index: number, connection: string, r: CapturedEvent): FrameView {
  const frame: FrameView = {
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
  if (r.source === 'wire') frame.source = 'wire';
  if (r.frameKind !== undefined && r.frameKind !== 'event') frame.kind = r.frameKind;
  if (r.note !== undefined) frame.note = r.note;
  return frame;
}
