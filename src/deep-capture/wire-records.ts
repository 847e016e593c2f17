// What deep capture (chrome.debugger on the inspected tab) sends the panel: the requests it
// follows and what it saw of them on the wire, keyed by Chrome's requestId. The background
// only translates CDP events into these; the panel binds requests to the page hook's
// connections and merges frames (src/model/wire-merge.ts).

/** The page API behind a followed request, as Chrome's resource type says. */
export type WireApi = 'eventsource' | 'fetch' | 'xhr';

/** A worker whose requests deep capture follows through its own debugger session. */
export interface WorkerContext {
  type: 'worker' | 'sharedworker' | 'serviceworker';
  /** The worker's script URL. */
  url: string;
  /** Chrome's session id for the worker: one per worker instance. */
  session: string;
}

/**
 * A request deep capture follows: every EventSource request (at requestWillBeSent), and every
 * fetch/XHR whose response is text/event-stream (at responseReceived, with its final URL).
 */
export interface WireRequest {
  kind: 'request';
  id: string;
  /** When the request started (EventSource) or its response head arrived (fetch/XHR), epoch ms. */
  t: number;
  url: string;
  api: WireApi;
  /** Set when a worker made the request (absent: the page's own documents). */
  worker?: WorkerContext;
}

/** One event Chrome's EventSource parsed (Network.eventSourceMessageReceived), listened or not. */
export interface WireMessage {
  kind: 'message';
  id: string;
  t: number;
  type: string;
  lastEventId: string;
  data: string;
}

/** Raw body bytes of a followed text/event-stream response, base64, as one network chunk. */
export interface WireBytes {
  kind: 'bytes';
  id: string;
  t: number;
  base64: string;
}

/** The request finished (or failed): no more bytes or messages will come for it. */
export interface WireEnd {
  kind: 'end';
  id: string;
  t: number;
  /** The page cancelled it (EventSource.close(), an abort), as opposed to an error or its end. */
  canceled?: true;
}

export type WireRecord = WireRequest | WireMessage | WireBytes | WireEnd;

/** What the panel's switch shows, from the background's side (`unavailable` is the panel's). */
export type DeepCaptureStatus = { state: 'off' | 'on' } | { state: 'error'; error: string };
