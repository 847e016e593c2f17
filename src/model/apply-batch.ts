// Folds messages from content scripts into a CaptureState. Deterministic and free of I/O
// (it mutates the plain state it is given, for speed with 100k+ frames), so every rule
// about duplicates, reloads, pausing and eviction is unit-tested without a browser.
import type { CapturedRecord, DocInfo } from '../capture/records';
import type { ContentToPanel, MessageOf } from '../protocol/messages';
import {
  connectionKey,
  frameFromEvent,
  stateName,
  type CaptureState,
  type ConnectionView,
  type DocState,
  type FrameView,
} from './capture-state';
import { noteResponse } from './responses';

export interface BatchResult {
  /** The view was reset because the inspected page navigated. */
  navigated: boolean;
  applied: number;
}

export function applyBatch(state: CaptureState, msg: MessageOf<ContentToPanel>): BatchResult {
  const result: BatchResult = { navigated: false, applied: 0 };
  if (state.retiredDocs.has(msg.doc.id)) return result;
  const docState = ensureDoc(state, msg.doc, result);
  if (msg.type === 'hello') return result;
  docState.lostUpstream = Math.max(docState.lostUpstream, msg.lost);
  for (const record of msg.records) {
    if (record.seq <= docState.lastSeq) continue;
    // Numbers we never got, other than ones the user cleared, were evicted at the source.
    const missedFrom = Math.max(docState.lastSeq, msg.clearedThrough);
    if (record.seq > missedFrom + 1) docState.evictedAtSource += record.seq - missedFrom - 1;
    docState.lastSeq = record.seq;
    if (!state.recording) {
      state.droppedWhilePaused++;
      continue;
    }
    applyRecord(state, msg.doc, record);
    result.applied++;
  }
  trimFrames(state);
  return result;
}

function ensureDoc(state: CaptureState, doc: DocInfo, result: BatchResult): DocState {
  if (doc.top && state.topDocId !== doc.id) {
    if (state.topDocId !== null) {
      result.navigated = true;
      state.retiredDocs.add(state.topDocId);
      if (!state.preserveLog) resetForNavigation(state);
    }
    state.topDocId = doc.id;
  }
  let docState = state.docs.get(doc.id);
  if (!docState) {
    docState = { doc, lastSeq: 0, evictedAtSource: 0, lostUpstream: 0 };
    state.docs.set(doc.id, docState);
  }
  return docState;
}

function resetForNavigation(state: CaptureState): void {
  for (const id of state.docs.keys()) state.retiredDocs.add(id);
  state.docs.clear();
  state.connections.clear();
  state.frames = [];
  state.dataChars = 0;
  state.evictedInPanel = 0;
  state.droppedWhilePaused = 0;
}

function applyRecord(state: CaptureState, doc: DocInfo, r: CapturedRecord): void {
  const key = connectionKey(doc.id, r.conn);
  if (r.kind === 'connection') {
    state.connections.set(key, {
      key,
      docId: doc.id,
      url: r.url,
      kind: 'eventsource',
      withCredentials: r.withCredentials,
      frameUrl: r.frameUrl,
      top: doc.top,
      stack: r.stack,
      createdAt: r.t,
      readyState: 0,
      state: 'connecting',
      frames: 0,
      retries: 0,
      bytes: 0,
      lastActivity: r.t,
      closedAt: null,
      transitions: [{ t: r.t, readyState: 0, cause: 'create' }],
      listenedTypes: [],
      queued: false,
      queueWaits: [],
    });
    return;
  }
  const c = state.connections.get(key) ?? placeholder(state, key, doc, r.t);
  c.lastActivity = Math.max(c.lastActivity, r.t);
  switch (r.kind) {
    case 'state':
      if (r.readyState !== 0) endQueueWait(c, r.t);
      if (r.cause === 'error' && r.readyState === 0) c.retries++;
      c.readyState = r.readyState;
      c.state = stateName(r.readyState);
      if (r.readyState === 2 && c.closedAt === null) c.closedAt = r.t;
      c.transitions.push({ t: r.t, readyState: r.readyState, cause: r.cause });
      return;
    case 'event':
      c.frames++;
      c.bytes += r.size;
      pushFrame(state, frameFromEvent(state.nextFrameIndex++, key, r));
      return;
    case 'listen':
      if (!c.listenedTypes.includes(r.type)) c.listenedTypes.push(r.type);
      return;
    case 'queue':
      if (!r.queued) endQueueWait(c, r.t);
      else if (!c.queued) {
        c.queued = true;
        c.queueWaits.push({ since: r.t, until: null, pool: r.pool });
      }
      return;
    case 'response':
      noteResponse(c, {
        start: r.t,
        end: r.end,
        responded: r.responded,
        status: r.status,
        contentType: r.contentType,
        source: 'timing',
      });
      return;
  }
}

/** A queued connection got a slot (or opened, or closed): its wait ends. */
function endQueueWait(c: ConnectionView, t: number): void {
  if (!c.queued) return;
  c.queued = false;
  const wait = c.queueWaits.at(-1);
  if (wait && wait.until === null) wait.until = Math.max(wait.since, t);
}

/** A connection whose creation record never reached us (cleared, or evicted at the source). */
function placeholder(state: CaptureState, key: string, doc: DocInfo, t: number): ConnectionView {
  const c: ConnectionView = {
    key,
    docId: doc.id,
    url: '(created before the capture started)',
    kind: 'eventsource',
    withCredentials: false,
    frameUrl: doc.url,
    top: doc.top,
    stack: '',
    createdAt: t,
    readyState: 1,
    state: 'open',
    frames: 0,
    retries: 0,
    bytes: 0,
    lastActivity: t,
    closedAt: null,
    transitions: [],
    listenedTypes: [],
    queued: false,
    queueWaits: [],
  };
  state.connections.set(key, c);
  return c;
}

/**
 * Adds connections read from a file (marked `imported`) and their frames, which are numbered
 * after every frame already held, in the order given.
 */
export function appendImported(
  state: CaptureState,
  connections: readonly ConnectionView[],
  frames: readonly Omit<FrameView, 'index'>[],
): void {
  for (const c of connections) state.connections.set(c.key, c);
  for (const f of frames) pushFrame(state, { ...f, index: state.nextFrameIndex++ });
  trimFrames(state);
}

function pushFrame(state: CaptureState, frame: FrameView): void {
  state.frames.push(frame);
  state.dataChars += frame.data.length;
}

/** New caps (from the panel's settings), applied at once: oldest frames are evicted first. */
export function applyLimits(
  state: CaptureState,
  limits: { maxFrames: number; maxDataChars: number },
): void {
  state.maxFrames = limits.maxFrames;
  state.maxDataChars = limits.maxDataChars;
  trimFrames(state);
}

function trimFrames(state: CaptureState): void {
  const excess = state.frames.length - state.maxFrames;
  const excessChars = state.dataChars - state.maxDataChars;
  if (excess <= 0 && excessChars <= 0) return;
  // Drop in chunks (a twentieth of a cap) so a full store does not pay an O(n) shift per frame.
  const minDrop = excess > 0 ? Math.max(excess, Math.ceil(state.maxFrames / 20)) : 0;
  const minChars = excessChars > 0 ? Math.max(excessChars, Math.ceil(state.maxDataChars / 20)) : 0;
  let drop = 0;
  let chars = 0;
  while (drop < state.frames.length && (drop < minDrop || chars < minChars)) {
    chars += (state.frames[drop] as FrameView).data.length;
    drop++;
  }
  state.frames.splice(0, drop);
  state.dataChars -= chars;
  state.evictedInPanel += drop;
}

/**
 * The user pressed Clear: drop frames, finished and imported connections; keep live connections
 * (with their counters reset) so frames arriving for them still have a home.
 */
export function clearCapture(state: CaptureState): void {
  for (const [key, c] of state.connections) {
    if (c.state === 'closed' || c.imported) {
      state.connections.delete(key);
      continue;
    }
    c.frames = 0;
    c.bytes = 0;
    c.retries = 0;
    c.transitions = c.transitions.slice(-1);
  }
  state.frames = [];
  state.dataChars = 0;
  state.evictedInPanel = 0;
  state.droppedWhilePaused = 0;
  for (const d of state.docs.values()) {
    d.evictedAtSource = 0;
    d.lostUpstream = 0;
  }
}
