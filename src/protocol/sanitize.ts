// Schema check and size caps at the content-script boundary. Whatever arrives from the page
// world is treated as hostile: anything that is not exactly a record is rejected and
// counted, long strings are cut, and cut `data` keeps its true size.
import type {
  CapturedBody,
  ChunkRecord,
  ConnectionRecord,
  EndRecord,
  EventRecord,
  HeadRecord,
  ListenRecord,
  ReadyState,
  RequestInfo,
  StateRecord,
  StreamOutcome,
  WireFrameFields,
} from '../capture/records';
import { LIMITS, PROTOCOL_VERSION } from './constants';

export type Sanitized =
  | ConnectionRecord
  | StateRecord
  | ListenRecord
  | SanitizedEvent
  | CapturedBody
  | HeadRecord
  | ChunkRecord
  | EndRecord;

/**
 * An event as the content script keeps it. `seq` is 0 until the capture buffer numbers the
 * event: created with the field, an event keeps its shape when numbered (a buffered event
 * that gained a property would carry an extra backing store for as long as it is kept).
 */
type SanitizedEvent = EventRecord & {
  size: number;
  truncated: boolean;
  seq: number;
} & Partial<WireFrameFields>;

export interface SanitizeResult {
  records: Sanitized[];
  /** Records (or whole messages) that do not match the schema. */
  rejected: number;
  /** Records the hook says it dropped. */
  dropped: number;
  /** Records from a hook speaking another protocol version, all rejected. */
  staleHook: number;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isConn = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isReadyState = (v: unknown): v is ReadyState => v === 0 || v === 1 || v === 2;
const cap = (s: string): string =>
  s.length > LIMITS.maxFieldChars ? s.slice(0, LIMITS.maxFieldChars) : s;
const str = (v: unknown): v is string => typeof v === 'string';
const OUTCOMES: readonly StreamOutcome[] = [
  'complete',
  'aborted',
  'cancelled',
  'network-error',
  'http-error',
];
const CREDENTIALS: readonly RequestInfo['credentials'][] = ['omit', 'same-origin', 'include'];

/** A header list: [name, value] string pairs, at most LIMITS.maxHeaders, each field capped. */
function headerList(v: unknown): [string, string][] | null {
  if (!Array.isArray(v) || v.length > LIMITS.maxHeaders) return null;
  const out: [string, string][] = [];
  for (const pair of v) {
    if (!Array.isArray(pair) || pair.length !== 2 || !str(pair[0]) || !str(pair[1])) return null;
    out.push([cap(pair[0]), cap(pair[1])]);
  }
  return out;
}

function requestInfo(v: unknown): RequestInfo | null {
  if (!isObj(v) || !str(v.method)) return null;
  const headers = headerList(v.headers);
  const credentials = CREDENTIALS.find((c) => c === v.credentials);
  if (headers === null || credentials === undefined) return null;
  return { method: cap(v.method), headers, credentials };
}

/** A body's kept bytes as text when they are UTF-8 (a character cut at the cap aside). */
function bodyText(bytes: Uint8Array, size: number | null): { text: string; binary: boolean } {
  const cut = size === null || bytes.length < size;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return { text, binary: false };
  } catch {
    return { text: '', binary: true };
  }
}

/**
 * Bytes from the page hook as a Uint8Array of this realm. In Firefox the content script's
 * sandbox receives the page's typed arrays from another global, so `instanceof` fails there.
 */
function asBytes(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (!ArrayBuffer.isView(v) || Object.prototype.toString.call(v) !== '[object Uint8Array]') {
    return null;
  }
  return new Uint8Array(v as unknown as ArrayLike<number>);
}

const isSize = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The fetch/XHR stream records: request body, response head, body chunk, end. */
function sanitizeStreamRecord(v: Obj, conn: number, t: number): Sanitized | null {
  switch (v.kind) {
    case 'body': {
      const raw = asBytes(v.bytes);
      if (raw === null || !(v.size === null || isSize(v.size))) return null;
      const max = LIMITS.maxRequestBodyBytes;
      const bytes = raw.length > max ? raw.slice(0, max) : raw;
      return {
        kind: 'body',
        conn,
        t,
        ...bodyText(bytes, v.size),
        kept: bytes.length,
        size: v.size,
      };
    }
    case 'head': {
      const headers = headerList(v.headers);
      if (headers === null || !isSize(v.status) || !str(v.statusText) || !str(v.url)) return null;
      if (typeof v.redirected !== 'boolean' || typeof v.mislabelled !== 'boolean') return null;
      const format = v.format;
      if (format !== null && format !== 'sse' && format !== 'ndjson' && format !== 'connect') {
        return null;
      }
      return {
        kind: 'head',
        conn,
        t,
        status: v.status,
        statusText: cap(v.statusText),
        url: cap(v.url),
        redirected: v.redirected,
        headers,
        format,
        mislabelled: v.mislabelled,
      };
    }
    case 'chunk': {
      const data = str(v.data) ? v.data : asBytes(v.data);
      return data === null ? null : { kind: 'chunk', conn, t, data };
    }
    case 'end': {
      const outcome = OUTCOMES.find((o) => o === v.outcome);
      if (outcome === undefined || !str(v.error)) return null;
      return { kind: 'end', conn, t, outcome, error: cap(v.error) };
    }
    default:
      return null;
  }
}

/**
 * The event types and origins last seen. Every event arrives with its own copy of both
 * strings, and nearly every event repeats the previous one's: keeping the first copy lets
 * the others die young instead of living in the buffer beside each event.
 */
let lastType = '';
let lastOrigin = '';

/**
 * An event tuple, or null when it does not match the schema. This runs once per frame on
 * the page's main thread, so it reads by index and checks lengths inline. A 7th element is
 * the true size of data the hook already cut; it must exceed what arrived.
 */
function sanitizeEvent(v: unknown[]): Sanitized | null {
  if (v.length !== 6 && v.length !== 7) return null;
  const conn = v[0];
  const t = v[1];
  const type = v[2];
  const data = v[3];
  const lastEventId = v[4];
  const origin = v[5];
  if (!isConn(conn) || !isTime(t) || typeof data !== 'string') return null;
  if (typeof type !== 'string' || typeof lastEventId !== 'string' || typeof origin !== 'string') {
    return null;
  }
  const cutSize = v.length === 7 ? v[6] : undefined;
  if (
    cutSize !== undefined &&
    (typeof cutSize !== 'number' || !Number.isSafeInteger(cutSize) || cutSize <= data.length)
  ) {
    return null;
  }
  const max = LIMITS.maxFieldChars;
  const over = data.length > LIMITS.maxDataChars;
  if (type !== lastType) lastType = type.length > max ? type.slice(0, max) : type;
  if (origin !== lastOrigin) lastOrigin = origin.length > max ? origin.slice(0, max) : origin;
  return {
    kind: 'event',
    conn,
    t,
    type: lastType,
    data: over ? data.slice(0, LIMITS.maxDataChars) : data,
    lastEventId: lastEventId.length > max ? lastEventId.slice(0, max) : lastEventId,
    origin: lastOrigin,
    size: cutSize ?? data.length,
    truncated: over || cutSize !== undefined,
    seq: 0,
  };
}

/** One record (an event tuple, or another record object), or null when it does not match. */
export function sanitizeRecord(v: unknown): Sanitized | null {
  if (Array.isArray(v)) return sanitizeEvent(v);
  if (!isObj(v) || !isConn(v.conn) || !isTime(v.t)) return null;
  const { conn, t } = v;
  switch (v.kind) {
    case 'connection': {
      if (!str(v.url) || typeof v.withCredentials !== 'boolean') return null;
      if (!str(v.frameUrl) || !str(v.stack)) return null;
      const record: ConnectionRecord = {
        kind: 'connection',
        conn,
        t,
        url: cap(v.url),
        withCredentials: v.withCredentials,
        frameUrl: cap(v.frameUrl),
        stack: cap(v.stack),
      };
      if (v.api === undefined && v.request === undefined) return record;
      const request = requestInfo(v.request);
      if ((v.api !== 'fetch' && v.api !== 'xhr') || request === null) return null;
      return { ...record, api: v.api, request };
    }
    case 'state':
      if (!isReadyState(v.readyState)) return null;
      if (v.cause !== 'open' && v.cause !== 'error' && v.cause !== 'close') return null;
      return { kind: 'state', conn, t, readyState: v.readyState, cause: v.cause };
    case 'listen':
      if (!str(v.type)) return null;
      return { kind: 'listen', conn, t, type: cap(v.type) };
    default:
      return sanitizeStreamRecord(v, conn, t);
  }
}

/**
 * A whole hook message; anything that is not a well-formed `records` message is rejected.
 * A message from a hook of another protocol version (a page loaded before the extension was
 * updated) is rejected whole, and its records counted apart so the panel can say why.
 */
export function sanitizeHookMessage(m: unknown): SanitizeResult {
  const result: SanitizeResult = { records: [], rejected: 0, dropped: 0, staleHook: 0 };
  if (!isObj(m)) {
    result.rejected = 1;
    return result;
  }
  const dropped =
    typeof m.dropped === 'number' && Number.isSafeInteger(m.dropped) && m.dropped > 0
      ? m.dropped
      : 0;
  if (typeof m.v === 'number' && m.v !== PROTOCOL_VERSION) {
    result.staleHook = Math.max(1, (Array.isArray(m.records) ? m.records.length : 0) + dropped);
    return result;
  }
  if (m.v !== PROTOCOL_VERSION || m.type !== 'records' || !Array.isArray(m.records)) {
    result.rejected = 1;
    return result;
  }
  result.dropped = dropped;
  for (const raw of m.records) {
    const r = sanitizeRecord(raw);
    if (r) result.records.push(r);
    else result.rejected++;
  }
  return result;
}
