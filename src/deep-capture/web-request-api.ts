// The part of Firefox's browser.webRequest deep capture uses, as an interface: the background
// entry passes the real API (present only once the optional webRequest permissions are
// granted), unit tests pass a fake.

/** The fields of a webRequest event's details read here. */
export interface RequestDetails {
  requestId: string;
  url: string;
  /** -1: the request belongs to no tab (a shared or service worker, the browser itself…). */
  tabId: number;
  method: string;
  /** Firefox's resource type; EventSource, fetch and XHR are all "xmlhttprequest". */
  type: string;
  /** Epoch ms. */
  timeStamp: number;
  /** The document or worker that made the request. */
  documentUrl?: string;
  originUrl?: string;
  requestHeaders?: { name: string; value?: string }[];
  responseHeaders?: { name: string; value?: string }[];
  /** onHeadersReceived: the response's HTTP status (a 3xx: a redirect follows, same id). */
  statusCode?: number;
  /** onErrorOccurred: Firefox's error name (NS_BINDING_ABORTED, NS_ERROR_NET_RESET…). */
  error?: string;
}

export interface RequestFilter {
  urls: string[];
  tabId?: number;
  types?: string[];
}

export interface WebRequestEvent {
  addListener(
    listener: (details: RequestDetails) => void,
    filter: RequestFilter,
    extraInfoSpec?: string[],
  ): void;
  removeListener(listener: (details: RequestDetails) => void): void;
}

/** Firefox's StreamFilter: the response body passes through us. */
export interface StreamFilter {
  ondata: ((event: { data: ArrayBuffer }) => void) | null;
  onstop: (() => void) | null;
  onerror: (() => void) | null;
  readonly error: string;
  write(data: ArrayBuffer | Uint8Array): void;
  close(): void;
  /** Stops filtering: the rest of the body goes to the page without passing through us. */
  disconnect(): void;
}

export interface WebRequestApi {
  onSendHeaders: WebRequestEvent;
  onHeadersReceived: WebRequestEvent;
  onCompleted: WebRequestEvent;
  onErrorOccurred: WebRequestEvent;
  filterResponseData(requestId: string): StreamFilter;
}
