// Folds messages from content scripts into a CaptureState. Deterministic and free of I/O
// (it mutates the plain state it is given, for speed with 100k+ frames), so every rule
// about duplicates, reloads, pausing and eviction is unit-tested without a browser.
import type { CapturedRecord, DocInfo } from '../capture/records';
import type { ContentToPanel, MessageOf } from '../protocol/messages';
import {
  clearSourceCounters,
  connectionKey,
  copySourceCounters,
  frameFromEvent,
  newDocState,
  pushTransition,
  KEEP_FIRST_HISTORY,
  KEEP_LAST_HISTORY,
  MAX_RETIRED_DOCS,
  stateName,
  type CaptureState,
  type ConnectionView,
  type DocState,
  type FrameView,
} from './capture-state';
import { noteResponse } from './responses';
import { evictConnections, pushFrame, trimFrames } from './memory-limits';
import { duringPause } from './recording';
import { awaitWireTwin, clearWireBodies, mergeDispatched } from './wire-merge';

export interface BatchResult {
  /** The view was reset because the inspected page navigated. */
  navigated: boolean;
  applied: number;
}

export function applyBatch(state: CaptureState, msg: MessageOf<ContentToPanel>): BatchResult {
  const result: BatchResult = { navigated: false, applied: 0 };
  if (isRetired(state, msg)) return result;
  const docState = ensureDoc(state, msg.doc, result);
  if (msg.type === 'hello') return result;
  copySourceCounters(docState, msg);
  for (const record of msg.records) {
    if (record.seq <= docState.lastSeq) continue;
    // Numbers we never got, other than ones the user cleared, were evicted at the source.
    const missedFrom = Math.max(docState.lastSeq, msg.clearedThrough);
    if (record.seq > missedFrom + 1) docState.evictedAtSource += record.seq - missedFrom - 1;
    docState.lastSeq = record.seq;
    // Paused: frames are not recorded (and counted), but the connections' lifecycle is, so
    // what the list says about each connection stays true.
    if (record.kind === 'event' && duringPause(state, record.t)) {
      state.droppedWhilePaused++;
      continue;
    }
    applyRecord(state, msg.doc, record);
    result.applied++;
  }
  trimFrames(state);
  evictConnections(state);
  return result;
}

/**
 * Messages of documents that belong to a page that was left are ignored. A `hello` from a top
 * document shown after the page shown now is not: it is the new page (a new one, or one
 * restored from the back/forward cache, whose id we may have retired). A top document shown
 * before it is a page that was left, even when it says hello late (a wake that reached it
 * while it unloaded).
 */
function isRetired(state: CaptureState, msg: MessageOf<ContentToPanel>): boolean {
  const { doc } = msg;
  if (doc.top && doc.id !== state.topDocId && shownAt(doc) < state.topShownAt) return true;
  if (doc.top && msg.type === 'hello') return false;
  if (doc.id === state.topDocId) return false;
  return state.retiredDocs.has(doc.id) || doc.startedAt < state.retiredBefore;
}

/** Documents from builds before `shownAt` were shown when they started. */
function shownAt(doc: DocInfo): number {
  return doc.shownAt ?? doc.startedAt;
}

function ensureDoc(state: CaptureState, doc: DocInfo, result: BatchResult): DocState {
  if (doc.top && state.topDocId !== doc.id) {
    if (state.topDocId !== null) {
      result.navigated = true;
      navigate(state, doc);
    }
    state.topDocId = doc.id;
  }
  if (doc.top && doc.id === state.topDocId) state.topShownAt = shownAt(doc);
  let docState = state.docs.get(doc.id);
  if (!docState) {
    docState = newDocState(doc);
    state.docs.set(doc.id, docState);
  }
  return docState;
}

/**
 * `top` is now the page shown. Retire the documents of the page that was left: on a new page
 * those that started before it (its own iframes start after it, and may have connected
 * first); on a page restored from the back/forward cache every other document.
 */
function navigate(state: CaptureState, top: DocInfo): void {
  const previous = state.topDocId === null ? undefined : state.docs.get(state.topDocId);
  const restored = previous !== undefined && top.startedAt < previous.doc.startedAt;
  state.retiredDocs.delete(top.id);
  const leaving = new Set<string>();
  for (const d of state.docs.values()) {
    if (d.doc.id !== top.id && (restored || d.doc.startedAt < top.startedAt)) {
      leaving.add(d.doc.id);
    }
  }
  state.retiredBefore = top.startedAt;
  for (const id of leaving) retireDoc(state, id);
  if (state.preserveLog) closeUnloaded(state, leaving, top.startedAt);
  else dropDocs(state, leaving);
}

function retireDoc(state: CaptureState, id: string): void {
  state.retiredDocs.add(id);
  if (state.retiredDocs.size > MAX_RETIRED_DOCS) {
    const oldest = state.retiredDocs.values().next().value;
    if (oldest !== undefined) state.retiredDocs.delete(oldest);
  }
}

/** Preserve log: the left page's streams were closed by the browser when it unloaded. */
function closeUnloaded(state: CaptureState, docs: ReadonlySet<string>, at: number): void {
  for (const c of state.connections.values()) {
    if (c.state === 'closed' || !docs.has(c.docId)) continue;
    const t = Math.max(at, c.lastActivity);
    endQueueWait(c, t);
    c.readyState = 2;
    c.state = 'closed';
    c.closedAt = t;
    pushTransition(c, { t, readyState: 2, cause: 'close', unloaded: true });
  }
}

/** Without preserve log the left page's connections and frames go; imported ones stay. */
function dropDocs(state: CaptureState, docs: ReadonlySet<string>): void {
  for (const id of docs) state.docs.delete(id);
  for (const [key, c] of state.connections) if (docs.has(c.docId)) state.connections.delete(key);
  state.frames = state.frames.filter((f) => state.connections.has(f.connection));
  state.dataChars = 0;
  for (const f of state.frames) state.dataChars += f.data.length;
  state.evictedInPanel = 0;
  state.droppedWhilePaused = 0;
  state.connectionsEvicted = 0;
}

function applyRecord(state: CaptureState, doc: DocInfo, r: CapturedRecord): void {
  const key = connectionKey(doc.id, r.conn);
  if (r.kind === 'connection') {
    state.connections.set(key, {
      key,
      docId: doc.id,
      url: r.url,
      kind: r.api ?? 'eventsource',
      withCredentials: r.withCredentials,
      frameUrl: r.frameUrl,
      top: doc.top,
      stack: r.stack,
      createdAt: r.t,
      ...(r.request ? { request: { ...r.request } } : {}),
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
      pushTransition(c, { t: r.t, readyState: r.readyState, cause: r.cause });
      return;
    case 'event': {
      // Already shown from deep capture's wire records: that row is now this frame too.
      if (mergeDispatched(state, c, r)) return;
      c.firstFrameAt ??= r.t;
      c.frames++;
      c.bytes += r.size;
      const frame = frameFromEvent(state.nextFrameIndex++, key, r);
      pushFrame(state, c, frame);
      awaitWireTwin(state, c, frame);
      return;
    }
    case 'listen':
      if (!c.listenedTypes.includes(r.type)) c.listenedTypes.push(r.type);
      return;
    case 'queue':
      if (!r.queued) endQueueWait(c, r.t);
      else if (!c.queued) {
        c.queued = true;
        if (c.queueWaits.length >= KEEP_FIRST_HISTORY + KEEP_LAST_HISTORY) {
          c.queueWaits.splice(KEEP_FIRST_HISTORY, 1);
          c.queueWaitsElided = (c.queueWaitsElided ?? 0) + 1;
        }
        c.queueWaits.push({ since: r.t, until: null, pool: r.pool });
      }
      return;
    case 'body':
      if (c.request)
        c.request.body = { text: r.text, binary: r.binary, kept: r.kept, size: r.size };
      return;
    case 'head':
      c.head = {
        t: r.t,
        status: r.status,
        statusText: r.statusText,
        url: r.url,
        redirected: r.redirected,
        headers: r.headers,
        format: r.format,
        mislabelled: r.mislabelled,
      };
      return;
    case 'end':
      c.outcome = { t: r.t, outcome: r.outcome, error: r.error };
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
  for (const f of frames) {
    pushFrame(state, state.connections.get(f.connection), { ...f, index: state.nextFrameIndex++ });
  }
  trimFrames(state);
  evictConnections(state);
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
    delete c.transitionsElided;
    delete c.queueWaitsElided;
  }
  state.connectionsEvicted = 0;
  state.frames = [];
  state.dataChars = 0;
  state.evictedInPanel = 0;
  state.droppedWhilePaused = 0;
  state.wireUnmatched = 0;
  clearWireBodies(state);
  for (const d of state.docs.values()) clearSourceCounters(d);
}
