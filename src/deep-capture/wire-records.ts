// What deep capture (chrome.debugger on the inspected tab, or in Firefox webRequest's
// filterResponseData) sends the panel: the requests it follows and what it saw of them on the
// wire, keyed by the browser's requestId. The background only translates what the browser
// reports into these; the panel binds requests to the page hook's connections and merges
// frames (src/model/wire-merge.ts).
import type { SharedMessage } from '../i18n/shared';

/** The page API behind a followed request, as Chrome's resource type says (Firefox: a guess). */
export type WireApi = 'eventsource' | 'fetch' | 'xhr';

/** A worker whose requests deep capture follows through its own debugger session. */
export interface WorkerContext {
  type: 'worker' | 'sharedworker' | 'serviceworker';
  /** The worker's script URL. */
  url: string;
  /** Chrome's session id for the worker: one per worker instance (Firefox: its script URL). */
  session: string;
  /**
   * Firefox: the request came with no tab (tabId -1), from a worker of a kind it does not say
   * (`type` is then 'worker'), and is shown in each tab with deep capture on of its origin.
   */
  unattributed?: true;
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
  /**
   * Firefox: the URL the page asked for, where redirects moved the request to `url` (the page's
   * EventSource knows only this one). Chrome reports an EventSource's request at its first URL
   * and a fetch/XHR at its final one, which the page sees too: it never sets this.
   */
  requestedUrl?: string;
  api: WireApi;
  /** Set when a worker made the request (absent: the page's own documents). */
  worker?: WorkerContext;
  /**
   * Set by Firefox's path (filterResponseData). No `message` records follow: every event is in
   * the bytes. And `api` is a guess, since Firefox reports EventSource, fetch and XHR requests
   * alike (type "xmlhttprequest"): the request may bind to a connection of any API.
   */
  filtered?: FilteredRequest;
}

/** What Firefox tells of a followed request besides its URL. */
export interface FilteredRequest {
  /**
   * The URL of the document or worker that made the request. A dedicated worker's request
   * carries its tab but names the worker's script here, which no page document has: that is
   * how the panel tells it is a worker's.
   */
  documentUrl: string;
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

/**
 * What the panel's switch shows, from the background's side (`unavailable` is the panel's).
 * `sockets: false`: the browser does not say which socket a request uses (Firefox).
 */
export type DeepCaptureStatus =
  | { state: 'off' }
  | { state: 'on'; sockets?: false }
  /** `error` in English (or the browser's own words); `problem` when the words are ours. */
  | { state: 'error'; error: string; problem?: SharedMessage };
