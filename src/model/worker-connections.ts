// Streams opened in workers, which no page hook sees. Deep capture follows a worker through
// its own debugger session and names the worker on each request; such a request becomes a
// connection of its own (context worker, sharedworker or serviceworker) instead of binding to
// a hook connection. It belongs to the page's top document, so leaving the page takes it along.
// An EventSource's requests to one URL from one worker are one connection: each after the
// first is a reconnect. Its lifecycle is what the wire shows: open once data flows, a retry
// when a request ends on its own, closed when the worker cancelled it.
import type { WireEnd, WireRequest, WorkerContext } from '../deep-capture/wire-records';
import { pushTransition, type CaptureState, type ConnectionView } from './capture-state';

/**
 * The connection a worker's request belongs to: one of its EventSource waiting to reconnect,
 * or a new one. Undefined while no page document is known to own it.
 */
export function workerConnection(
  state: CaptureState,
  request: WireRequest & { worker: WorkerContext },
  loading: ReadonlyMap<string, string>,
): ConnectionView | undefined {
  const docId = state.topDocId;
  if (docId === null) return undefined;
  if (request.api === 'eventsource') {
    for (const c of state.connections.values()) {
      if (
        c.kind === 'eventsource' &&
        c.state === 'connecting' &&
        c.url === request.url &&
        workerSessions.get(c) === request.worker.session &&
        !loading.has(c.key)
      ) {
        return c;
      }
    }
  }
  const key = `${docId}:${request.id}`;
  const c: ConnectionView = {
    key,
    docId,
    url: request.url,
    kind: request.api,
    withCredentials: false,
    frameUrl: request.worker.url,
    top: false,
    stack: '',
    createdAt: request.t,
    readyState: 0,
    state: 'connecting',
    frames: 0,
    retries: 0,
    bytes: 0,
    lastActivity: request.t,
    closedAt: null,
    transitions: [{ t: request.t, readyState: 0, cause: 'create' }],
    listenedTypes: [],
    queued: false,
    queueWaits: [],
    context: request.worker.type,
  };
  if (request.worker.unattributed) c.unattributed = true;
  workerSessions.set(c, request.worker.session);
  state.connections.set(key, c);
  return c;
}

/** The worker session each worker connection came from (a worker restart is a new session). */
const workerSessions = new WeakMap<ConnectionView, string>();

/** Data arrived on a worker connection's request: it is open. */
export function workerDataAt(c: ConnectionView, t: number): void {
  if (c.readyState !== 0) return;
  c.readyState = 1;
  c.state = 'open';
  pushTransition(c, { t, readyState: 1, cause: 'open' });
}

/**
 * A worker connection's request ended. An EventSource the worker did not close reconnects
 * (unless the server said no with an HTTP error: Chrome's events do not tell, so it is shown
 * reconnecting until the next request or forever); anything else is closed.
 */
export function workerRequestEnded(c: ConnectionView, end: WireEnd): void {
  if (c.readyState === 2) return;
  c.lastActivity = Math.max(c.lastActivity, end.t);
  if (c.kind === 'eventsource' && !end.canceled) {
    c.readyState = 0;
    c.state = 'connecting';
    c.retries++;
    pushTransition(c, { t: end.t, readyState: 0, cause: 'error' });
    return;
  }
  c.readyState = 2;
  c.state = 'closed';
  c.closedAt = end.t;
  pushTransition(c, { t: end.t, readyState: 2, cause: 'close' });
}
