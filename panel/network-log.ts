// DevTools' own network log, read through `devtools.network` (no permission needed; it sees
// the requests made while DevTools is open). It gives each EventSource request's HTTP status
// and Content-Type, which Chromium's Resource Timing withholds from the page when EventSource
// refuses a response. Requests are matched to connections by URL and time; a request seen
// before its connection reached the panel waits for it.
import { effect } from '@preact/signals';
import type { RequestResponse } from '../src/model/capture-state';
import type { PanelStore } from './store';

/** The part of a HAR entry this reads. */
export interface NetworkEntry {
  request: { url: string };
  startedDateTime: string;
  time: number;
  response: {
    status: number;
    headers?: { name: string; value: string }[];
    content?: { mimeType?: string };
  };
  /** Chromium's resource type, e.g. `eventsource`. */
  _resourceType?: string;
}

export interface NetworkLog {
  getHAR(): Promise<{ entries: NetworkEntry[] }>;
  onRequestFinished: { addListener(listener: (entry: NetworkEntry) => void): void };
}

/** Requests kept while no connection matches them. */
const MAX_WAITING = 100;

export function followNetworkLog(network: NetworkLog, store: PanelStore): void {
  let waiting: NetworkEntry[] = [];
  const take = (entries: readonly NetworkEntry[]): void => {
    for (const e of entries) {
      if (!isEventStreamRequest(e)) continue;
      if (!store.noteResponse(e.request.url, toResponse(e))) waiting.push(e);
    }
    if (waiting.length > MAX_WAITING) waiting.splice(0, waiting.length - MAX_WAITING);
  };
  network.onRequestFinished.addListener((e) => take([e]));
  void network.getHAR().then((har) => take(har.entries));
  // New connections may be the ones waiting requests belong to.
  let connectionCount = 0;
  effect(() => {
    const count = store.connections.value.length;
    if (count === connectionCount) return;
    connectionCount = count;
    if (waiting.length === 0) return;
    const retry = waiting;
    waiting = [];
    take(retry);
  });
}

function isEventStreamRequest(e: NetworkEntry): boolean {
  return e._resourceType === undefined || e._resourceType === 'eventsource';
}

export function toResponse(e: NetworkEntry): RequestResponse {
  const start = Date.parse(e.startedDateTime);
  const status = e.response.status > 0 ? e.response.status : null;
  const header = e.response.headers?.find((h) => h.name.toLowerCase() === 'content-type');
  return {
    start,
    end: start + Math.max(0, e.time),
    responded: status !== null,
    status,
    contentType: status !== null && header ? header.value : null,
    source: 'devtools',
  };
}
