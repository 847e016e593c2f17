// Translates one attached tab's CDP Network events into wire records, following only the
// requests deep capture cares about: EventSource requests, and fetch/XHR requests whose
// response is text/event-stream. Every other request is ignored as it comes, so memory holds
// only the streams still loading. Pure: the session (debugger-session.ts) feeds it events and
// runs the one command it asks for, Network.streamResourceContent at the response head.
import type { WireApi, WireRecord, WorkerContext } from './wire-records';

export interface Translation {
  records: WireRecord[];
  /**
   * Call Network.streamResourceContent for this requestId now (it is still loading); the bytes
   * it returns arrived by `t`, the response head's time, as far as Chrome tells.
   */
  streamContent?: { id: string; t: number };
}

const NOTHING: Translation = { records: [] };

/** The subset of CDP Network event parameters read here; every field is checked before use. */
interface NetworkParams {
  requestId?: unknown;
  timestamp?: unknown;
  wallTime?: unknown;
  type?: unknown;
  request?: { url?: unknown };
  response?: { url?: unknown; mimeType?: unknown };
  eventName?: unknown;
  eventId?: unknown;
  data?: unknown;
  canceled?: unknown;
}

function apiOf(resourceType: unknown): WireApi | null {
  if (resourceType === 'EventSource') return 'eventsource';
  if (resourceType === 'Fetch') return 'fetch';
  if (resourceType === 'XHR') return 'xhr';
  return null;
}

function isEventStream(mimeType: unknown): boolean {
  return typeof mimeType === 'string' && mimeType.toLowerCase() === 'text/event-stream';
}

export class CdpTranslator {
  /** CDP timestamps are monotonic seconds; wallTime - timestamp (s) turns them into epoch time. */
  private wallOffset: number | null = null;
  /** Followed requests still loading. */
  private readonly followed = new Set<string>();
  /**
   * Requests whose Network.streamResourceContent has not returned yet, with the records held
   * for them meanwhile: the debugger can deliver a streamed chunk before the command's result,
   * and the bytes the result carries came first.
   */
  private readonly awaitingBuffer = new Map<string, WireRecord[]>();

  /**
   * `child`: the auto-attached target (a worker, or a frame in a process of its own) whose
   * session this translator reads. Its request ids are prefixed with the session id, since
   * each session names requests on its own; a worker's requests say which worker made them.
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly child?: { session: string; worker?: WorkerContext },
  ) {}

  /** The id records carry for Chrome's `requestId` (the command's own id stays Chrome's). */
  private recordId(requestId: string): string {
    return this.child ? `${this.child.session}:${requestId}` : requestId;
  }

  private request(requestId: string, t: number, url: string, api: WireApi): WireRecord {
    const r: WireRecord = { kind: 'request', id: this.recordId(requestId), t, url, api };
    if (this.child?.worker) r.worker = this.child.worker;
    return r;
  }

  translate(method: string, raw: object | undefined): Translation {
    const p = (raw ?? {}) as NetworkParams;
    if (typeof p.requestId !== 'string') return NOTHING;
    const id = p.requestId;
    if (method === 'Network.requestWillBeSent') {
      if (typeof p.wallTime === 'number' && typeof p.timestamp === 'number') {
        this.wallOffset = p.wallTime - p.timestamp;
      }
      // An EventSource reconnect is a new request with a new requestId; redirects keep the id.
      if (apiOf(p.type) !== 'eventsource' || this.followed.has(id)) return NOTHING;
      const url = p.request?.url;
      if (typeof url !== 'string') return NOTHING;
      this.followed.add(id);
      return { records: [this.request(id, this.time(p.timestamp), url, 'eventsource')] };
    }
    if (method === 'Network.responseReceived') {
      if (!isEventStream(p.response?.mimeType)) return NOTHING;
      const api = apiOf(p.type);
      const t = this.time(p.timestamp);
      // An EventSource's request, followed since it was sent. Its id, not its type, says so:
      // after a redirect Chrome types the response "Other".
      if (this.followed.has(id)) {
        this.awaitingBuffer.set(id, []);
        return { records: [], streamContent: { id, t } };
      }
      if (api === 'eventsource') return NOTHING;
      const url = p.response?.url;
      if (api === null || typeof url !== 'string') return NOTHING;
      this.followed.add(id);
      this.awaitingBuffer.set(id, []);
      return { records: [this.request(id, t, url, api)], streamContent: { id, t } };
    }
    if (!this.followed.has(id)) return NOTHING;
    const t = this.time(p.timestamp);
    switch (method) {
      case 'Network.eventSourceMessageReceived':
        return {
          records: [
            {
              kind: 'message',
              id: this.recordId(id),
              t,
              type: typeof p.eventName === 'string' && p.eventName !== '' ? p.eventName : 'message',
              lastEventId: typeof p.eventId === 'string' ? p.eventId : '',
              data: typeof p.data === 'string' ? p.data : '',
            },
          ],
        };
      case 'Network.dataReceived':
        // `data` is present only for requests whose content is being streamed.
        if (typeof p.data !== 'string' || p.data === '') return NOTHING;
        return this.afterBuffer(id, { kind: 'bytes', id: this.recordId(id), t, base64: p.data });
      case 'Network.loadingFinished':
      case 'Network.loadingFailed': {
        this.followed.delete(id);
        const end: WireRecord = { kind: 'end', id: this.recordId(id), t };
        if (p.canceled === true) end.canceled = true;
        return this.afterBuffer(id, end);
      }
      default:
        return NOTHING;
    }
  }

  /**
   * The bytes Network.streamResourceContent returned: what arrived between the response head
   * (`t`) and the start of streaming.
   */
  buffered(id: string, t: number, base64: string): WireRecord[] {
    const held = this.awaitingBuffer.get(id);
    this.awaitingBuffer.delete(id);
    if (held === undefined && !this.followed.has(id)) return [];
    const first: WireRecord[] =
      base64 === '' ? [] : [{ kind: 'bytes', id: this.recordId(id), t, base64 }];
    return [...first, ...(held ?? [])];
  }

  /** A record to deliver now, or to hold until the request's buffered bytes have come. */
  private afterBuffer(id: string, record: WireRecord): Translation {
    const held = this.awaitingBuffer.get(id);
    if (held === undefined) return { records: [record] };
    held.push(record);
    return NOTHING;
  }

  /**
   * Whole milliseconds, the resolution of the page's clock: a chunk received in the same
   * millisecond as the page dispatched its event ties with it rather than sorting after.
   */
  private time(timestamp: unknown): number {
    if (typeof timestamp !== 'number' || this.wallOffset === null) return this.now();
    return Math.floor((timestamp + this.wallOffset) * 1000);
  }
}
