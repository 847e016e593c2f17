// Reads one entry of a Chrome DevTools HAR as an event-stream request: its timing, its
// Last-Event-ID header, its initiator, and its frames from `_eventSourceMessages` or from a
// saved text/event-stream body; a fetch/XHR stream (SSE, NDJSON or Connect body) also with
// its request and response head.
import { formatOfType } from '../capture/stream-format';
import { parseEventStream } from '../sse/parse-stream';
import { createWireDecoder } from '../sse/wire-decoder';
import type {
  CaptureFrame,
  CaptureRequest,
  CaptureResponse,
  ConnectionKindName,
  HeaderPair,
  StreamFormatName,
} from './capture-types';
import { decodeFrame } from './decode-capture';
import { said } from '../i18n/shared';
import { fail, isObject, number, object, string, type Obj } from './json-read';

/** Seconds (HAR message time) to epoch ms, kept to the microsecond. */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e3;
}

const KINDS: Readonly<Record<string, ConnectionKindName>> = {
  eventsource: 'eventsource',
  fetch: 'fetch',
  xhr: 'xhr',
};

/** One event-stream request of a Chrome HAR. */
export interface ChromeStream {
  url: string;
  kind: ConnectionKindName;
  start: number;
  /** When the response headers arrived, or null when the request failed. */
  openedAt: number | null;
  end: number;
  /** The request's Last-Event-ID header, or null when it sent none. */
  lastEventId: string | null;
  frames: CaptureFrame[];
  pageUrl: string | null;
  stack: string;
  /** fetch/XHR streams: the request and response head the entry records. */
  request?: CaptureRequest;
  response?: CaptureResponse;
}

export function chromeStream(
  e: Obj,
  path: string,
  pages: Map<string, string>,
): ChromeStream | null {
  const request = object(e.request, `${path}.request`);
  const response = object(e.response, `${path}.response`);
  const content = isObject(response.content) ? response.content : {};
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType.toLowerCase() : '';
  const resourceType = typeof e._resourceType === 'string' ? e._resourceType.toLowerCase() : '';
  const messages = e._eventSourceMessages;
  const isStream = mimeType.startsWith('text/event-stream');
  const isFetch = resourceType === 'fetch' || resourceType === 'xhr';
  const typed = formatOfType(mimeType);
  const format: StreamFormatName | null = typed === 'sniff' ? null : typed;
  const fetchStream = isFetch && format !== null;
  if (!Array.isArray(messages) && !isStream && resourceType !== 'eventsource' && !fetchStream) {
    return null;
  }

  const start = Date.parse(string(e.startedDateTime, `${path}.startedDateTime`));
  if (!Number.isFinite(start) || start < 0) {
    fail(`${path}.startedDateTime`, said('expect.isoDate'));
  }
  const frames =
    // Chrome may log a fetch stream with no messages but its body: the body says more then.
    Array.isArray(messages) && (messages.length > 0 || !fetchStream)
      ? messages.map((m, j) => chromeFrame(m, `${path}._eventSourceMessages[${j}]`, start))
      : fetchStream
        ? wireBodyFrames(content, `${path}.response.content`, start, format)
        : bodyFrames(content, `${path}.response.content`, start);
  const status = number(response.status, `${path}.response.status`);
  const total = typeof e.time === 'number' && Number.isFinite(e.time) ? Math.max(0, e.time) : 0;
  const opened = fetchStream
    ? status >= 200 && status < 300
    : status === 200 && (isStream || frames.length > 0);
  const openedAt = opened ? start + headersTime(e.timings) : null;
  const url = string(request.url, `${path}.request.url`);
  return {
    ...(isFetch && {
      request: chromeRequest(request, `${path}.request`),
      response: {
        t: openedAt ?? start,
        status,
        statusText: typeof response.statusText === 'string' ? response.statusText : '',
        url,
        redirected: false,
        headers: headerPairs(response.headers),
        format,
        mislabelled: false,
      },
    }),
    url,
    kind: KINDS[resourceType] ?? 'eventsource',
    start,
    openedAt,
    // Message times and the entry's duration come from different clocks: end after both.
    end: Math.max(start + total, frames.at(-1)?.t ?? 0),
    lastEventId: headerValue(request.headers, 'last-event-id'),
    frames,
    pageUrl: typeof e.pageref === 'string' ? (pages.get(e.pageref) ?? null) : null,
    stack: initiatorStack(e._initiator),
  };
}

/** Header pairs of a HAR header list; HTTP/2 pseudo-headers (`:method`) left out. */
function headerPairs(headers: unknown): HeaderPair[] {
  if (!Array.isArray(headers)) return [];
  const pairs: HeaderPair[] = [];
  for (const h of headers.slice(0, 200)) {
    if (isObject(h) && typeof h.name === 'string' && typeof h.value === 'string') {
      if (!h.name.startsWith(':')) pairs.push([h.name.slice(0, 8192), h.value.slice(0, 8192)]);
    }
  }
  return pairs;
}

/** A HAR has no fetch credentials mode: fetch's default, same-origin, is assumed. */
function chromeRequest(request: Obj, path: string): CaptureRequest {
  const post = isObject(request.postData) ? request.postData : null;
  const text = post && typeof post.text === 'string' ? post.text.slice(0, 1024 * 1024) : null;
  const size = new TextEncoder().encode(text ?? '').length;
  return {
    method: string(request.method ?? 'GET', `${path}.method`),
    headers: headerPairs(request.headers),
    credentials: 'same-origin',
    ...(text !== null && { body: { text, binary: false, kept: size, size } }),
  };
}

/** Frames of a fetch stream's saved body, cut as live capture cuts them. */
function wireBodyFrames(
  content: Obj,
  path: string,
  t: number,
  format: StreamFormatName,
): CaptureFrame[] {
  if (typeof content.text !== 'string') return [];
  const bytes =
    content.encoding === 'base64'
      ? base64Bytes(content.text, `${path}.text`)
      : new TextEncoder().encode(content.text);
  const decoder = createWireDecoder(format);
  return [...decoder.push(bytes), ...decoder.end()].map((f, j) =>
    decodeFrame(
      {
        t,
        type: f.type,
        id: f.id,
        data: f.data,
        source: 'wire',
        ...(f.frameKind !== 'event' && { kind: f.frameKind }),
        ...(f.note !== undefined && { note: f.note }),
      },
      `${path}.text frame ${j}`,
    ),
  );
}

function headerValue(headers: unknown, name: string): string | null {
  if (!Array.isArray(headers)) return null;
  for (const h of headers) {
    if (isObject(h) && typeof h.name === 'string' && h.name.toLowerCase() === name) {
      return typeof h.value === 'string' ? h.value : null;
    }
  }
  return null;
}

function chromeFrame(raw: unknown, path: string, fallbackT: number): CaptureFrame {
  const m = object(raw, path);
  const t = typeof m.time === 'number' && Number.isFinite(m.time) ? secondsToMs(m.time) : fallbackT;
  // A HAR saved "sanitized" by Chrome leaves `data` out.
  return decodeFrame(
    {
      t: Math.max(0, t),
      type: m.eventName === undefined || m.eventName === '' ? 'message' : m.eventName,
      id: m.eventId ?? '',
      data: m.data ?? '',
      source: 'wire',
    },
    path,
  );
}

/** Frames of a text/event-stream response body saved in the HAR (all at the request's start). */
function bodyFrames(content: Obj, path: string, t: number): CaptureFrame[] {
  if (typeof content.text !== 'string') return [];
  const text =
    content.encoding === 'base64' ? decodeBase64(content.text, `${path}.text`) : content.text;
  return parseEventStream(text).events.map((e, j) =>
    decodeFrame({ ...e, t, source: 'wire' }, `${path}.text event ${j}`),
  );
}

function decodeBase64(text: string, path: string): string {
  return new TextDecoder().decode(base64Bytes(text, path));
}

function base64Bytes(text: string, path: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
  } catch {
    fail(path, said('expect.base64'));
  }
}

/** Milliseconds from the request's start until its response headers arrived. */
function headersTime(timings: unknown): number {
  if (!isObject(timings)) return 0;
  let total = 0;
  for (const key of ['blocked', 'dns', 'connect', 'send', 'wait']) {
    const v = timings[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) total += v;
  }
  return total;
}

/** Chrome's initiator as text: one `at` line per call frame, or where the parser was. */
function initiatorStack(initiator: unknown): string {
  if (!isObject(initiator)) return '';
  if (!isObject(initiator.stack)) {
    if (typeof initiator.url !== 'string') return '';
    const line = typeof initiator.lineNumber === 'number' ? `:${initiator.lineNumber + 1}` : '';
    return `    at ${initiator.url}${line}`.slice(0, 8 * 1024);
  }
  const frames = Array.isArray(initiator.stack.callFrames) ? initiator.stack.callFrames : [];
  const lines: string[] = [];
  for (const f of frames.slice(0, 50)) {
    if (!isObject(f)) continue;
    const fn =
      typeof f.functionName === 'string' && f.functionName !== '' ? f.functionName : '(anonymous)';
    const url = typeof f.url === 'string' ? f.url : '';
    const line = typeof f.lineNumber === 'number' ? f.lineNumber + 1 : 0;
    const column = typeof f.columnNumber === 'number' ? f.columnNumber + 1 : 0;
    lines.push(`    at ${fn} (${url}:${line}:${column})`);
  }
  return lines.join('\n').slice(0, 8 * 1024);
}
