// Schema check and size caps at the content-script boundary. Whatever arrives from the page
// world is treated as hostile: anything that is not exactly a record is rejected and
// counted, long strings are cut, and cut `data` keeps its true size.
import type {
  ConnectionRecord,
  EventRecord,
  ListenRecord,
  ReadyState,
  StateRecord,
} from '../capture/records';
import { LIMITS, PROTOCOL_VERSION } from './constants';

export type Sanitized =
  | ConnectionRecord
  | StateRecord
  | ListenRecord
  | (EventRecord & { size: number; truncated: boolean });

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
  return {
    kind: 'event',
    conn,
    t,
    type: type.length > max ? type.slice(0, max) : type,
    data: over ? data.slice(0, LIMITS.maxDataChars) : data,
    lastEventId: lastEventId.length > max ? lastEventId.slice(0, max) : lastEventId,
    origin: origin.length > max ? origin.slice(0, max) : origin,
    size: cutSize ?? data.length,
    truncated: over || cutSize !== undefined,
  };
}

/** One record (an event tuple, or another record object), or null when it does not match. */
export function sanitizeRecord(v: unknown): Sanitized | null {
  if (Array.isArray(v)) return sanitizeEvent(v);
  if (!isObj(v) || !isConn(v.conn) || !isTime(v.t)) return null;
  const { conn, t } = v;
  switch (v.kind) {
    case 'connection':
      if (!str(v.url) || typeof v.withCredentials !== 'boolean') return null;
      if (!str(v.frameUrl) || !str(v.stack)) return null;
      return {
        kind: 'connection',
        conn,
        t,
        url: cap(v.url),
        withCredentials: v.withCredentials,
        frameUrl: cap(v.frameUrl),
        stack: cap(v.stack),
      };
    case 'state':
      if (!isReadyState(v.readyState)) return null;
      if (v.cause !== 'open' && v.cause !== 'error' && v.cause !== 'close') return null;
      return { kind: 'state', conn, t, readyState: v.readyState, cause: v.cause };
    case 'listen':
      if (!str(v.type)) return null;
      return { kind: 'listen', conn, t, type: cap(v.type) };
    default:
      return null;
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
