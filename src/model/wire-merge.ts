// Folds deep capture's wire records (src/deep-capture/wire-records.ts) into the CaptureState
// the page hook feeds, so each stream stays one connection and each frame one row.
//
// Binding a Chrome request to a hook connection. Chrome names requests by requestId, the hook
// names connections by document and number; the two meet on the URL and the clock (both are
// the machine's wall clock). A request binds to a connection of the same API whose URL (or,
// for fetch/XHR, final URL) is the request's, or the one Firefox says it was made for before
// redirects, and that could have made it then:
// - EventSource: the connection was CONNECTING at the request's start (just created, or
//   waiting to reconnect after an error), give or take the clocks' slack, and has no other
//   request loading. Each reconnect is a new request and binds anew. (Firefox times a request
//   at its response head, which the page's `open` follows closely: there the slack is wider.)
// - fetch/XHR: the connection was created before the response head, was not closed before
//   it, and has no request bound yet (one fetch, one request).
// Several connections fitting means several streams to one URL started together: the oldest
// is taken, since the browser starts requests in the order they were made. Firefox does not
// tell the API (its requests are `filtered`): such a request binds to a connection of any API,
// by that connection's rule. One that fits no connection, made by a script no page document
// has the URL of while no connection of the page has its URL, is a dedicated worker's. A request that
// arrives before its connection (records reach the panel by two paths) is held and bound when
// the connection appears; a request that ends unbound is counted in `state.wireUnmatched`.
//
// Merging frames. A connection's dispatched events and its wire events come in the same
// order. Chrome reports an EventSource's events parsed (message records), Firefox only as
// bytes: then they are parsed here, the last event ID carried from one request to the next. A frame from one source that equals (kind, type, id, data) a frame the other source
// already showed becomes that frame, marked `both`; frames of the other source queued before
// it will never be matched (a named event nobody listens to) and stay as they are: wire-only.
//
// Order. The table sorts by time, ties in arrival order, and the two clocks tie: a chunk
// received and dispatched in the same millisecond. A wire-only frame that reaches the panel
// after the page's frame that follows it on the wire (the page's path was faster) takes that
// frame's time and sorts just before it, so a comment or an unlistened event is never shown
// after the event that came after it. Nor before the frame that came before it: the wire's
// clock can be behind the page's for the same bytes (Firefox's filter sees them before the
// page does), so a wire-only frame earlier than the frame it follows in the bytes takes that
// frame's time and sorts just after it. The same holds for the events Chrome parses: a loaded
// page may dispatch an event after the wire saw the next ones, and they still show after it.
import type { CapturedEvent } from '../capture/records';
import type { WireRecord, WireRequest } from '../deep-capture/wire-records';
import { createWireDecoder, type WireDecoder, type WireFrame } from '../sse/wire-decoder';
import { LIMITS } from '../protocol/constants';
import { sortsBefore } from './frame-order';
import { applyLimits, pushFrame } from './memory-limits';
import { duringPause } from './recording';
import type { CaptureState, ConnectionView, FrameView } from './capture-state';
import { TwinQueue } from './twin-queue';
import { WireBodies } from './wire-bodies';
import { workerConnection, workerDataAt, workerRequestEnded } from './worker-connections';

/** Frames awaiting their twin, per connection and source; older ones are dropped first. */
const MAX_QUEUED = 50_000;
/**
 * How far a wire frame looks for its dispatched twin. Every dispatched frame has a wire twin
 * and both come in order, so the twin is the oldest waiting one; a few more allow for frames
 * Chrome did not report (deep capture turned on mid-stream).
 */
const WIRE_SCAN = 16;
/**
 * Records held, over all requests not bound yet. The wire runs ahead of the page's path by as
 * much as a burst (5,000 events reached the panel by the wire before their connection did),
 * so this holds as many as a connection's twin queue.
 */
const MAX_HELD = MAX_QUEUED;
/** Requests held unbound; the oldest go (counted) beyond this. */
const MAX_UNBOUND = 200;
/** Bound requests remembered (their late records still find their connection). */
const MAX_BOUND = 10_000;
/** Slack between the page's clock and Chrome's for a connection created "before" a request. */
const CLOCK_SLACK_MS = 2;
/**
 * The same for a Firefox request, timed at its response head: the page's `open` can follow it
 * by 1 ms (1–133 ms over 60 runs on a loaded machine, 1–2 ms in 5), and the page's clock,
 * rounded and jittered by Firefox, read 2 ms behind to 1 ms ahead of the background's.
 */
const FILTERED_CLOCK_SLACK_MS = 25;
/** Slack for a fetch/XHR stream, whose request record carries its response head's time. */
const HEAD_SLACK_MS = 1_000;

/** How far apart the two clocks may put a frame and the one after it on the wire. */
const CLOCK_TIE_MS = 50;

interface Queues {
  /** Dispatched frames awaiting the wire's event (eventSourceMessageReceived or the bytes). */
  page: TwinQueue;
  wire: TwinQueue;
  /**
   * EventSource only: event frames shown (dispatched, or from Chrome's parser) whose bytes
   * have not been decoded yet. A comment or `retry:` from the bytes precedes exactly these.
   */
  bytes: TwinQueue;
  /** The last frame of the bytes handled so far (shown, or matched to its shown twin). */
  last?: FrameView;
  /**
   * The frame Chrome's last parsed event became (shown, or matched to its shown twin). The
   * next one never shows before it, though its own time may be earlier: a loaded page can
   * dispatch an event after the wire saw the ones that follow it.
   */
  lastMessage?: FrameView;
}

export interface WireState {
  /** When this panel learnt deep capture was on. */
  since: number;
  /** requestId → connection key, for every request bound so far (bounded by MAX_UNBOUND*). */
  bound: Map<string, string>;
  /** Connection key → its request still loading. */
  loading: Map<string, string>;
  unbound: Map<string, { request: WireRequest; held: WireRecord[] }>;
  /** Records held in `unbound`, all requests together. */
  heldCount: number;
  decoders: Map<string, WireDecoder>;
  queues: Map<string, Queues>;
  /** Each connection's body as received, for exports byte for byte. */
  bodies: WireBodies;
  /** Events come only in the bytes, EventSource's too (Firefox: `filtered` requests). */
  eventsInBytes: boolean;
  /** EventSource connections parsed from bytes: the last event ID, for the next request. */
  lastEventIds: Map<string, string>;
}

const wireStates = new WeakMap<CaptureState, WireState>();

/** Deep capture's bookkeeping for this capture; absent until a wire record arrives. */
function wireState(state: CaptureState): WireState | undefined {
  return wireStates.get(state);
}

/**
 * Deep capture is on: from now on dispatched frames wait for their wire twins. (Records reach
 * the panel by two paths, and the page's may come first.)
 */
export function expectWire(state: CaptureState, now = Date.now()): WireState {
  let w = wireStates.get(state);
  if (!w) {
    w = {
      since: now,
      bound: new Map(),
      loading: new Map(),
      unbound: new Map(),
      heldCount: 0,
      decoders: new Map(),
      queues: new Map(),
      bodies: new WireBodies(),
      eventsInBytes: false,
      lastEventIds: new Map(),
    };
    wireStates.set(state, w);
  }
  return w;
}

/**
 * Live streams of the page that opened before deep capture started (in this panel) and have
 * made no request since: Chrome reports nothing of their wire, so they show only what the page
 * hook saw. Zero while deep capture is off.
 */
export function streamsOpenBeforeWire(state: CaptureState): number {
  const w = wireState(state);
  if (!w) return 0;
  const seen = new Set(w.bound.values());
  let n = 0;
  for (const c of state.connections.values()) {
    if (c.state === 'closed' || c.imported || c.context || c.createdAt >= w.since) continue;
    if (!seen.has(c.key)) n++;
  }
  return n;
}

/** The connection's body byte for byte, when deep capture holds all of it (wire-bodies.ts). */
export function wireBody(state: CaptureState, key: string): Uint8Array<ArrayBuffer> | null {
  return wireState(state)?.bodies.exact(key) ?? null;
}

/** The capture was cleared: bodies held so far no longer match its frames. */
export function clearWireBodies(state: CaptureState): void {
  wireState(state)?.bodies.clear();
}

export function applyWire(state: CaptureState, records: readonly WireRecord[]): void {
  const w = expectWire(state);
  for (const r of records) applyOne(state, w, r);
  applyLimits(state, { maxFrames: state.maxFrames, maxDataChars: state.maxDataChars });
}

/** Binds requests held for connections that had not reached the panel yet. */
export function bindWaiting(state: CaptureState): void {
  const w = wireState(state);
  if (!w || w.unbound.size === 0) return;
  for (const [id, { request, held }] of w.unbound) {
    const c = connectionFor(state, w, request);
    if (!c) continue;
    w.unbound.delete(id);
    w.heldCount -= held.length;
    bind(w, id, c);
    for (const r of held) applyOne(state, w, r);
  }
}

function applyOne(state: CaptureState, w: WireState, r: WireRecord): void {
  if (r.kind === 'request') {
    if (w.bound.has(r.id) || w.unbound.has(r.id)) return;
    if (r.filtered) w.eventsInBytes = true;
    const c = connectionFor(state, w, r);
    if (c) bind(w, r.id, c);
    else hold(state, w, r);
    return;
  }
  const waiting = w.unbound.get(r.id);
  if (waiting) {
    const worker = dedicatedWorker(state, w, waiting.request, r);
    if (worker) {
      w.unbound.delete(r.id);
      w.heldCount -= waiting.held.length;
      bind(w, r.id, worker);
      for (const held of [...waiting.held, r]) applyOne(state, w, held);
      return;
    }
    if (r.kind === 'end') {
      w.unbound.delete(r.id);
      w.heldCount -= waiting.held.length;
      state.wireUnmatched += waiting.held.length;
    } else if (w.heldCount < MAX_HELD) {
      waiting.held.push(r);
      w.heldCount++;
    } else state.wireUnmatched++;
    return;
  }
  const key = w.bound.get(r.id);
  const c = key === undefined ? undefined : state.connections.get(key);
  if (!c) return;
  if (c.context !== undefined) {
    if (r.kind === 'end') workerRequestEnded(c, r);
    else workerDataAt(c, r.t);
  }
  switch (r.kind) {
    case 'message': {
      const queues = queuesOf(w, c.key);
      queues.lastMessage =
        addWireFrame(
          state,
          w,
          c,
          'event',
          r.t,
          { frameKind: 'event', type: r.type, id: r.lastEventId, data: r.data },
          queues.page.peek(),
          queues.lastMessage,
        ) ?? queues.lastMessage;
      return;
    }
    case 'bytes': {
      const bytes = decodeBase64(r.base64);
      w.bodies.add(c.key, r.id, bytes, (key) => state.connections.has(key));
      for (const f of decoderFor(w, r.id, c).push(bytes)) wireFrameOf(state, w, c, r.t, f);
      return;
    }
    case 'end': {
      const decoder = w.decoders.get(r.id);
      w.decoders.delete(r.id);
      for (const f of decoder?.end() ?? []) wireFrameOf(state, w, c, r.t, f);
      if (w.loading.get(c.key) === r.id) w.loading.delete(c.key);
      return;
    }
  }
}

/**
 * A frame parsed from the raw bytes. For EventSource the events come from Chrome's own parser
 * (eventSourceMessageReceived), so only what it never reports is taken from the bytes:
 * comments and `retry:`. For fetch/XHR every frame is taken.
 */
function wireFrameOf(
  state: CaptureState,
  w: WireState,
  c: ConnectionView,
  t: number,
  f: WireFrame,
): void {
  if (c.kind === 'eventsource' && w.eventsInBytes && f.frameKind === 'event') {
    w.lastEventIds.set(c.key, f.id);
  }
  const queues = queuesOf(w, c.key);
  if (c.kind === 'eventsource' && !w.eventsInBytes) {
    if (f.frameKind === 'event') {
      queues.last =
        queues.bytes.take(
          'event',
          cut(f.type, LIMITS.maxFieldChars),
          cut(f.id, LIMITS.maxFieldChars),
          cut(f.data, LIMITS.maxDataChars),
          WIRE_SCAN,
        ) ?? queues.last;
      return;
    }
    queues.last = addWireFrame(state, w, c, f.frameKind, t, f, queues.bytes.peek(), queues.last);
    return;
  }
  queues.last = addWireFrame(state, w, c, f.frameKind, t, f, queues.page.peek(), queues.last);
}

function addWireFrame(
  state: CaptureState,
  w: WireState,
  c: ConnectionView,
  kind: WireFrame['frameKind'],
  t: number,
  f: WireFrame,
  /** The first frame the page showed that comes after this one on the wire, if known. */
  next: FrameView | undefined,
  /** The frame that comes before this one on the wire, if known. */
  previous?: FrameView,
): FrameView | undefined {
  if (kind === 'retry') noteServerRetry(c, f.data);
  // Cut as the content script cuts the page's frames, so that twins compare equal.
  const data = cut(f.data, LIMITS.maxDataChars);
  const type = cut(f.type, LIMITS.maxFieldChars);
  const id = cut(f.id, LIMITS.maxFieldChars);
  const queues = queuesOf(w, c.key);
  const twin = queues.page.take(kind, type, id, data, WIRE_SCAN);
  if (twin) {
    twin.source = 'both';
    return twin;
  }
  // As for the page's frames: one that happened during a pause is not recorded, even late.
  if (duringPause(state, t)) {
    state.droppedWhilePaused++;
    return previous;
  }
  const before = next !== undefined && next.t <= t && t - next.t <= CLOCK_TIE_MS;
  const frame: FrameView = {
    index: state.nextFrameIndex++,
    connection: c.key,
    t: before ? next.t : t,
    type,
    id,
    data,
    size: f.data.length,
    truncated: data.length < f.data.length,
    origin: originOf(c.head?.url ?? c.url),
    source: 'wire',
  };
  if (kind !== 'event') frame.kind = kind;
  if (f.note !== undefined) frame.note = f.note;
  if (before) frame.order = next.index - 0.5;
  if (previous !== undefined && !sortsBefore(previous, frame)) {
    frame.t = previous.t;
    frame.order = previous.order ?? previous.index + 0.5;
  }
  c.frames++;
  c.bytes += frame.size;
  c.firstFrameAt ??= frame.t;
  c.lastActivity = Math.max(c.lastActivity, frame.t);
  pushFrame(state, c, frame);
  queues.wire.push(frame);
  if (c.kind === 'eventsource' && kind === 'event' && !w.eventsInBytes) queues.bytes.push(frame);
  return frame;
}

/**
 * Called by applyBatch for a frame the page hook reported: true when it is the twin of a frame
 * already shown from the wire (now marked `both`), so it must not be added again. Otherwise
 * the frame, once added, waits for its wire twin (only while deep capture has reported).
 */
export function mergeDispatched(state: CaptureState, c: ConnectionView, r: CapturedEvent): boolean {
  if (r.frameKind === 'retry') noteServerRetry(c, r.data);
  const w = wireState(state);
  if (!w) return false;
  // Wire-only frames (unlistened events) may come before the twin: the whole queue is looked at.
  const twin = queuesOf(w, c.key).wire.take(r.frameKind ?? 'event', r.type, r.lastEventId, r.data);
  if (!twin) return false;
  twin.source = 'both';
  return true;
}

/** The frame applyBatch just added for a dispatched event: it now waits for its wire twin. */
export function awaitWireTwin(state: CaptureState, c: ConnectionView, frame: FrameView): void {
  const w = wireState(state);
  if (!w) return;
  const queues = queuesOf(w, c.key);
  queues.page.push(frame);
  if (c.kind === 'eventsource' && !w.eventsInBytes) queues.bytes.push(frame);
}

function queuesOf(w: WireState, key: string): Queues {
  let q = w.queues.get(key);
  if (!q)
    w.queues.set(
      key,
      (q = {
        page: new TwinQueue(MAX_QUEUED),
        wire: new TwinQueue(MAX_QUEUED),
        bytes: new TwinQueue(MAX_QUEUED),
      }),
    );
  return q;
}

function noteServerRetry(c: ConnectionView, data: string): void {
  const ms = Number(data);
  if (Number.isSafeInteger(ms) && ms >= 0) c.serverRetry = ms;
}

function decoderFor(w: WireState, id: string, c: ConnectionView): WireDecoder {
  let d = w.decoders.get(id);
  if (!d) {
    const format = c.kind === 'eventsource' ? 'sse' : (c.head?.format ?? 'sse');
    const lastEventId = c.kind === 'eventsource' ? (w.lastEventIds.get(c.key) ?? '') : '';
    w.decoders.set(id, (d = createWireDecoder(format, lastEventId)));
  }
  return d;
}

function bind(w: WireState, id: string, c: ConnectionView): void {
  w.bound.set(id, c.key);
  w.loading.set(c.key, id);
  if (w.bound.size > MAX_BOUND) {
    const oldest = w.bound.keys().next().value;
    if (oldest !== undefined) w.bound.delete(oldest);
  }
}

function hold(state: CaptureState, w: WireState, request: WireRequest): void {
  w.unbound.set(request.id, { request, held: [] });
  if (w.unbound.size <= MAX_UNBOUND) return;
  const [oldest, entry] = w.unbound.entries().next().value!;
  w.unbound.delete(oldest);
  w.heldCount -= entry.held.length;
  state.wireUnmatched += entry.held.length + 1;
}

/** A worker's request makes its own connection; any other binds to the hook's. */
function connectionFor(
  state: CaptureState,
  w: WireState,
  request: WireRequest,
): ConnectionView | undefined {
  if (request.worker) {
    return workerConnection(state, { ...request, worker: request.worker }, w.loading);
  }
  return findConnection(state, w, request);
}

/**
 * How long a Firefox request no connection fits is held before it may be taken for a
 * dedicated worker's: the page's records of a new document can reach the panel after the
 * wire's (two paths), and until they do its document and connection are unknown.
 */
const WORKER_AFTER_MS = 1_000;

/**
 * The connection of a held Firefox request once it is a dedicated worker's (see madeByWorker),
 * decided at a later record of it (`r`): its end, or one a second after the request.
 */
function dedicatedWorker(
  state: CaptureState,
  w: WireState,
  request: WireRequest,
  r: WireRecord,
): ConnectionView | undefined {
  const script = request.filtered?.documentUrl;
  if (script === undefined || request.worker) return undefined;
  if (r.kind !== 'end' && r.t - request.t < WORKER_AFTER_MS) return undefined;
  if (!madeByWorker(state, request, script)) return undefined;
  const worker = { type: 'worker' as const, url: script, session: script };
  return workerConnection(state, { ...request, worker }, w.loading);
}

/**
 * Firefox names the document or worker script that made a request. A script no document of
 * the page has the URL of, for a URL no connection of the page has, is a dedicated worker.
 */
function madeByWorker(state: CaptureState, request: WireRequest, script: string): boolean {
  for (const d of state.docs.values()) if (d.doc.url === script) return false;
  for (const c of state.connections.values()) {
    if (c.context === undefined && madeFor(c, request)) return false;
  }
  return true;
}

/** The connection that made `request` (see the rule at the top), or undefined. */
function findConnection(
  state: CaptureState,
  w: WireState,
  request: WireRequest,
): ConnectionView | undefined {
  const bound = new Set(w.bound.values());
  let best: ConnectionView | undefined;
  for (const c of state.connections.values()) {
    if (c.imported || c.context !== undefined) continue;
    if (c.kind !== request.api && !request.filtered) continue;
    if (!madeFor(c, request)) continue;
    if (w.loading.has(c.key)) continue;
    if (c.kind === 'eventsource') {
      const slack = request.filtered ? FILTERED_CLOCK_SLACK_MS : CLOCK_SLACK_MS;
      if (!connectingNear(c, request.t, slack)) continue;
    } else {
      if (bound.has(c.key)) continue;
      if (c.createdAt > request.t + HEAD_SLACK_MS) continue;
      if (c.closedAt !== null && c.closedAt < request.t - HEAD_SLACK_MS) continue;
    }
    if (!best || c.createdAt < best.createdAt) best = c;
  }
  return best;
}

/**
 * Whether the connection's URL is the request's: the page's own (the first, before redirects),
 * or for fetch/XHR the final one its response head names.
 */
function madeFor(c: ConnectionView, request: WireRequest): boolean {
  return c.url === request.url || c.head?.url === request.url || c.url === request.requestedUrl;
}

/**
 * True when the EventSource was CONNECTING (just created, or waiting to reconnect) at some time
 * within `slack` ms of t: the two clocks that time the request and the page's transitions differ
 * by a few ms, so an exact "at t" could miss the one connection that made the request.
 */
function connectingNear(c: ConnectionView, t: number, slack: number): boolean {
  let readyState = 0;
  let since = c.createdAt;
  const overlaps = (until: number): boolean => since <= t + slack && until > t - slack;
  for (const tr of c.transitions) {
    if (tr.readyState === readyState) continue;
    if (readyState === 0 && overlaps(tr.t)) return true;
    readyState = tr.readyState;
    since = tr.t;
  }
  return readyState === 0 && overlaps(Infinity);
}

function cut(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
