// Turns the panel's model (all of it, one connection, or the filtered frames) into a capture
// file object. Every export format is written from this object, after optional redaction.
import {
  totalEvicted,
  type CaptureState,
  type ConnectionView,
  type FrameView,
  type RequestView,
} from '../model/capture-state';
import { deriveAttempts, withResponses, type AttemptFrame } from './attempts';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureConnection,
  type CaptureFile,
  type CaptureFrame,
  type CaptureRequest,
  type ExportScope,
  type HeaderPair,
} from './capture-types';
import { originOf } from '../model/site';

export interface BuildOptions {
  scope: ExportScope;
  /** Keys of the connections to export, in any order; every connection when null. */
  connections: ReadonlySet<string> | null;
  /** The frames to export, in arrival order; every frame of those connections when absent. */
  frames?: readonly FrameView[];
  now: number;
  generatorVersion: string;
}

/**
 * The connections an export of `connections` (every one when null) holds, by key, with the id
 * each gets in the file: `c1`, `c2`… in the model's order.
 */
export function exportedIds(
  state: CaptureState,
  connections: ReadonlySet<string> | null,
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const c of state.connections.values()) {
    if (connections === null || connections.has(c.key)) ids.set(c.key, `c${ids.size + 1}`);
  }
  return ids;
}

export function buildCapture(state: CaptureState, options: BuildOptions): CaptureFile {
  const ids = exportedIds(state, options.connections);
  const selected = [...state.connections.values()].filter((c) => ids.has(c.key));
  const held = groupByConnection(state.frames);
  const exported = options.frames ? groupByConnection(options.frames) : held;
  const topDoc = state.topDocId === null ? undefined : state.docs.get(state.topDocId);
  const pageOf = (c: ConnectionView): string | null =>
    c.imported ? c.imported.pageUrl : c.top ? c.frameUrl : (topDoc?.doc.url ?? null);
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    exportedAt: options.now,
    generator: { name: 'sse-lens', version: options.generatorVersion },
    scope: options.scope,
    redaction: null,
    evicted: totalEvicted(state),
    connections: selected.map((c) =>
      toConnection(
        c,
        ids.get(c.key) ?? '',
        pageOf(c),
        held.get(c.key) ?? [],
        exported.get(c.key) ?? [],
      ),
    ),
  };
}

function groupByConnection(frames: readonly FrameView[]): Map<string, FrameView[]> {
  const groups = new Map<string, FrameView[]>();
  for (const f of frames) {
    const group = groups.get(f.connection);
    if (group) group.push(f);
    else groups.set(f.connection, [f]);
  }
  return groups;
}

function toConnection(
  c: ConnectionView,
  id: string,
  pageUrl: string | null,
  held: readonly FrameView[],
  exported: readonly FrameView[],
): CaptureConnection {
  const origin = originOf(c.url) ?? '';
  const attemptFrames = held.map(attemptFrame);
  return {
    id,
    url: c.url,
    kind: c.kind,
    withCredentials: c.withCredentials,
    page: { url: pageUrl },
    frame: { url: c.frameUrl, top: c.top },
    ...(c.context && { context: c.context }),
    ...(c.pool && { pool: { key: c.pool.key, protocol: c.pool.protocol } }),
    createdAt: c.createdAt,
    // An imported connection still open when its capture ended is re-exported as it was.
    closedAt: c.imported?.endedAs ? null : c.closedAt,
    state: c.imported?.endedAs ?? c.state,
    stack: c.stack,
    listenedTypes: [...c.listenedTypes],
    transitions: c.transitions.map((t) => ({ t: t.t, readyState: t.readyState, cause: t.cause })),
    attempts: withResponses(
      deriveAttempts(c.createdAt, c.transitions, attemptFrames),
      c.responses ?? [],
    ),
    ...(c.queueWaits.length > 0 && {
      queueWaits: c.queueWaits.map((w) => ({ since: w.since, until: w.until, pool: w.pool })),
    }),
    received: Math.max(c.frames, exported.length),
    frames: exported.map((f) => toFrame(f, origin)),
    ...(c.imported?.trailer && { trailer: { ...c.imported.trailer } }),
    ...(c.imported && {
      imported: {
        name: c.imported.name,
        format: c.imported.format,
        importedAt: c.imported.importedAt,
      },
    }),
    ...(c.request && { request: toRequest(c.request) }),
    ...(c.head && { response: { ...c.head, headers: copyHeaders(c.head.headers) } }),
    ...(c.outcome && { end: { ...c.outcome } }),
  };
}

function toRequest(r: RequestView): CaptureRequest {
  return {
    method: r.method,
    headers: copyHeaders(r.headers),
    credentials: r.credentials,
    ...(r.body && { body: { ...r.body } }),
  };
}

function copyHeaders(headers: readonly (readonly [string, string])[]): HeaderPair[] {
  return headers.map(([name, value]) => [name, value]);
}

/** Comment and `retry:` frames (a fetch body's, or deep capture's) carry no event ID. */
function attemptFrame(f: FrameView): AttemptFrame {
  if (f.kind === 'comment') return { t: f.t };
  if (f.kind === 'retry') {
    const ms = Number(f.data);
    return Number.isSafeInteger(ms) && ms >= 0 ? { t: f.t, retry: ms } : { t: f.t };
  }
  return { t: f.t, id: f.id, retry: f.wire?.retry };
}

function toFrame(f: FrameView, connectionOrigin: string): CaptureFrame {
  const frame: CaptureFrame = {
    t: f.t,
    type: f.type,
    id: f.id,
    data: f.data,
    source: f.source === 'both' ? 'both' : f.wire || f.source === 'wire' ? 'wire' : 'dispatch',
  };
  if (f.kind === 'comment' || f.kind === 'retry') frame.kind = f.kind;
  if (f.note !== undefined) frame.note = f.note;
  if (f.wire?.comments) frame.comments = [...f.wire.comments];
  if (f.wire?.retry !== undefined) frame.retry = f.wire.retry;
  if (f.truncated) {
    frame.size = f.size;
    frame.truncated = true;
  }
  if (f.origin !== connectionOrigin) frame.origin = f.origin;
  return frame;
}
