// Fetch/XHR streams for the export tests, built the way live capture builds them (records
// through applyBatch): a chat-style POST SSE stream with comments, retry and a secret in its
// request, an NDJSON stream, and a Connect stream ending with its end-of-stream envelope.
import type { CapturedRecord } from '../../src/capture/records';
import type {
  FrameKind,
  RequestInfo,
  StreamFormat,
  StreamOutcome,
} from '../../src/capture/records';
import { PAGE, T0 } from './export-fixtures';

type Body<R> = R extends CapturedRecord ? Omit<R, 'seq'> : never;
export type RecordBody = Body<CapturedRecord>;

export const BASE = 'http://127.0.0.1:4000';
export const API_KEY = 'sk-live-0123456789abcdef';
export const BEARER = 'Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig';
export const CHAT_BODY = `{"model":"m1","api_key":"${API_KEY}","messages":[{"role":"user","content":"hi"}]}`;

const wire = (
  conn: number,
  t: number,
  data: string,
  frameKind: FrameKind = 'event',
  type = frameKind === 'event' ? 'message' : '',
  id = '',
  note?: string,
): RecordBody => ({
  kind: 'event',
  conn,
  t,
  type,
  data,
  lastEventId: id,
  origin: BASE,
  size: data.length,
  truncated: false,
  source: 'wire',
  frameKind,
  ...(note === undefined ? {} : { note }),
});

function stream(
  conn: number,
  t: number,
  path: string,
  request: RequestInfo,
  format: StreamFormat,
  contentType: string,
): RecordBody[] {
  return [
    {
      kind: 'connection',
      conn,
      t,
      url: `${BASE}${path}`,
      withCredentials: request.credentials === 'include',
      frameUrl: PAGE.url,
      stack: 'at send (http://127.0.0.1:4000/page:9:5)',
      api: 'fetch',
      request,
    },
    {
      kind: 'head',
      conn,
      t: t + 5,
      status: 200,
      statusText: 'OK',
      url: `${BASE}${path}`,
      redirected: false,
      headers: [['content-type', contentType]],
      format,
      mislabelled: false,
    },
    { kind: 'state', conn, t: t + 5, readyState: 1, cause: 'open' },
  ];
}

function end(conn: number, t: number, outcome: StreamOutcome = 'complete'): RecordBody[] {
  return [
    { kind: 'end', conn, t, outcome, error: '' },
    { kind: 'state', conn, t, readyState: 2, cause: outcome === 'complete' ? 'close' : 'error' },
  ];
}

export const CONNECT_END = '{"metadata":{"x-trace":["abc"]}}';

/** Three fetch streams: chat SSE (POST), NDJSON (GET), Connect (POST). */
export function fetchRecords(): RecordBody[] {
  const chat = stream(
    1,
    T0,
    '/api/chat',
    {
      method: 'POST',
      headers: [
        ['content-type', 'application/json'],
        ['authorization', BEARER],
        ['x-api-key', API_KEY],
      ],
      credentials: 'include',
    },
    'sse',
    'text/event-stream; charset=utf-8',
  );
  return [
    ...chat,
    {
      kind: 'body',
      conn: 1,
      t: T0 + 1,
      text: CHAT_BODY,
      binary: false,
      kept: new TextEncoder().encode(CHAT_BODY).length,
      size: null,
    },
    wire(1, T0 + 10, 'keep-alive', 'comment'),
    wire(1, T0 + 11, '3000', 'retry'),
    wire(1, T0 + 20, '{"delta":"Hel"}', 'event', 'message', '1'),
    wire(1, T0 + 30, '{"delta":"lo"}', 'event', 'message', '2'),
    wire(1, T0 + 40, '[DONE]', 'event', 'done', '2'),
    ...end(1, T0 + 45),
    ...stream(
      2,
      T0 + 100,
      '/feed.ndjson?since=5',
      { method: 'GET', headers: [], credentials: 'same-origin' },
      'ndjson',
      'application/x-ndjson',
    ),
    wire(2, T0 + 110, '{"n":1}'),
    wire(2, T0 + 120, 'oops', 'event', 'message', '', 'not JSON: Unexpected token'),
    wire(2, T0 + 130, '{"n":2}'),
    ...end(2, T0 + 135),
    ...stream(
      3,
      T0 + 200,
      '/connect.Chat/Say',
      {
        method: 'POST',
        headers: [['content-type', 'application/connect+json']],
        credentials: 'same-origin',
      },
      'connect',
      'application/connect+json',
    ),
    { kind: 'body', conn: 3, t: T0 + 201, text: '', binary: true, kept: 5, size: 5 },
    wire(3, T0 + 210, '{"sentence":"one"}'),
    wire(3, T0 + 220, '{"sentence":"two"}'),
    wire(3, T0 + 230, CONNECT_END, 'event', 'end-stream', '', 'end of stream: ok; 1 trailer'),
    ...end(3, T0 + 231),
  ];
}
