// The HAR 1.2 subset SSE Lens writes, with Chrome's `_eventSourceMessages` and `_resourceType`
// and our `_sseLens` extension fields. Field names and units follow the HAR 1.2 spec and what
// Chrome DevTools' HAR writer and importer use (message `time` is epoch seconds).
import type { CaptureConnection, CaptureFile, CaptureFrame } from './capture-types';

export interface Har {
  log: HarLog;
}

export interface HarLog {
  version: '1.2';
  creator: { name: string; version: string };
  pages: never[];
  entries: HarEntry[];
  /** The capture's header fields (everything but its connections). */
  _sseLens: Omit<CaptureFile, 'connections'>;
}

export interface NameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: NameValue[];
    queryString: NameValue[];
    postData?: HarPostData;
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: NameValue[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: {
    blocked: number;
    dns: number;
    connect: number;
    ssl: number;
    send: number;
    wait: number;
    receive: number;
  };
  _resourceType: string;
  _eventSourceMessages: HarEventSourceMessage[];
  _sseLens: HarEntryExtension;
}

/** A request body: its text, or for a binary body (not kept) its size in `_size`. */
export interface HarPostData {
  mimeType: string;
  text: string;
  comment?: string;
  _size?: number;
}

export interface HarContent {
  size: number;
  mimeType: string;
  /** NDJSON and Connect stream bodies, one frame per line. */
  text?: string;
  comment?: string;
}

/** Chrome's message shape, plus our frame fields that it has no place for. */
export interface HarEventSourceMessage {
  /** Epoch seconds. */
  time: number;
  eventName: string;
  eventId: string;
  data: string;
  _sseLens?: Partial<Omit<CaptureFrame, 't' | 'type' | 'id' | 'data'>>;
}

/** Which connection and attempt an entry is; the first attempt's entry carries the details. */
export interface HarEntryExtension {
  connection: string;
  attempt: number;
  details?: Omit<CaptureConnection, 'frames'>;
  /** fetch/XHR streams: every frame of the attempt (Chrome's messages hold only SSE events). */
  frames?: HarEventSourceMessage[];
}
