// Which sockets the inspected tab's requests really use, from deep capture's Network events:
// every request (streams, fetches, images, scripts, in the page and its workers) from the
// moment its response head names the connection (`connectionId`, with the protocol) until it
// finishes or fails. The budget view shows these next to its model of slot use; a shared
// socket id is what proves HTTP/2 multiplexing. Pure: deep-capture.ts feeds it events.
import { endpointOf } from '../model/site';

/** One request holding a socket. */
export interface SocketRequest {
  url: string;
  /** Chrome's resource type: EventSource, Fetch, XHR, Image, Script, Document… */
  type: string;
}

export interface SocketView {
  /** Chrome's connection id (unique within the browser while the socket lives). */
  id: string;
  protocol: string;
  requests: SocketRequest[];
}

/** The sockets of one endpoint (`scheme://host:port`) in use now. */
export interface EndpointSockets {
  endpoint: string;
  sockets: SocketView[];
  /** Requests sent that have no response head yet: holding a socket, or queued for one. */
  waiting: number;
}

interface Tracked extends SocketRequest {
  endpoint: string;
  /** Null until the response head arrives. */
  socket: { id: string; protocol: string } | null;
}

interface NetworkParams {
  requestId?: unknown;
  type?: unknown;
  request?: { url?: unknown };
  response?: { connectionId?: unknown; protocol?: unknown; fromDiskCache?: unknown };
}

/** Requests remembered at most (the oldest are let go, as if finished). */
const MAX_TRACKED = 5_000;

export class SocketUse {
  private readonly requests = new Map<string, Tracked>();

  /** Reads one Network event of `session` ('' for the tab); true when what is in use changed. */
  apply(session: string, method: string, raw: object | undefined): boolean {
    const p = (raw ?? {}) as NetworkParams;
    if (typeof p.requestId !== 'string') return false;
    const key = `${session}:${p.requestId}`;
    switch (method) {
      case 'Network.requestWillBeSent': {
        const url = p.request?.url;
        const endpoint = typeof url === 'string' ? endpointOf(url) : null;
        if (typeof url !== 'string' || endpoint === null || !/^(https?|wss?):/.test(endpoint)) {
          return false;
        }
        // A redirect keeps its id: the request moves to its new URL, its socket is let go.
        this.requests.delete(key);
        const type = typeof p.type === 'string' ? p.type : 'Other';
        this.requests.set(key, { url, endpoint, type, socket: null });
        if (this.requests.size > MAX_TRACKED) {
          this.requests.delete(this.requests.keys().next().value!);
        }
        return true;
      }
      case 'Network.responseReceived': {
        const r = this.requests.get(key);
        const id = p.response?.connectionId;
        // A response from the cache (or a service worker) names no socket: connection id 0.
        if (!r || (typeof id !== 'number' && typeof id !== 'string') || Number(id) === 0) {
          return false;
        }
        if (p.response?.fromDiskCache === true) return false;
        const protocol = typeof p.response?.protocol === 'string' ? p.response.protocol : '';
        r.socket = { id: String(id), protocol };
        return true;
      }
      case 'Network.loadingFinished':
      case 'Network.loadingFailed':
        return this.requests.delete(key);
      default:
        return false;
    }
  }

  /** A worker or frame session ended: its requests end with it. */
  dropSession(session: string): boolean {
    let changed = false;
    for (const key of this.requests.keys()) {
      if (key.startsWith(`${session}:`)) changed = this.requests.delete(key) || changed;
    }
    return changed;
  }

  /** Every endpoint with a request in flight, sockets in order of first use. */
  view(): EndpointSockets[] {
    const endpoints = new Map<string, EndpointSockets>();
    for (const r of this.requests.values()) {
      let e = endpoints.get(r.endpoint);
      if (!e) endpoints.set(r.endpoint, (e = { endpoint: r.endpoint, sockets: [], waiting: 0 }));
      if (!r.socket) {
        e.waiting++;
        continue;
      }
      const { id, protocol } = r.socket;
      let socket = e.sockets.find((s) => s.id === id);
      if (!socket) e.sockets.push((socket = { id, protocol, requests: [] }));
      socket.requests.push({ url: r.url, type: r.type });
    }
    return [...endpoints.values()];
  }
}
