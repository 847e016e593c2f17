// Translates one attached tab's CDP Network events into wire records, following only the
// requests deep capture cares about: EventSource requests, and fetch/XHR requests whose
// response is text/event-stream. Every other request is ignored as it comes, so memory holds
// only the streams still loading. Pure: the session (debugger-session.ts) feeds it events and
// runs the one command it asks for, Network.streamResourceContent at the response head.
import type { WireApi, WireRecord } from './wire-records';

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

  constructor(private readonly now: () => number = Date.now) {}

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
      return {
        records: [{ kind: 'request', id, t: this.time(p.timestamp), url, api: 'eventsource' }],
      };
    }
    if (method === 'Network.responseReceived') {
      if (!isEventStream(p.response?.mimeType)) return NOTHING;
      const api = apiOf(p.type);
      const t = this.time(p.timestamp);
      if (api === 'eventsource') {
        return this.followed.has(id) ? { records: [], streamContent: { id, t } } : NOTHING;
      }
      const url = p.response?.url;
      if (api === null || typeof url !== 'string') return NOTHING;
      this.followed.add(id);
      return { records: [{ kind: 'request', id, t, url, api }], streamContent: { id, t } };
    }
    if (!this.followed.has(id)) return NOTHING;
    const t = this.time(p.timestamp);
    switch (method) {
      case 'Network.eventSourceMessageReceived':
        return {
          records: [
            {
              kind: 'message',
              id,
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
        return { records: [{ kind: 'bytes', id, t, base64: p.data }] };
      case 'Network.loadingFinished':
      case 'Network.loadingFailed':
        this.followed.delete(id);
        return { records: [{ kind: 'end', id, t }] };
      default:
        return NOTHING;
    }
  }

  /**
   * The bytes Network.streamResourceContent returned: what arrived between the response head
   * (`t`) and the start of streaming.
   */
  buffered(id: string, t: number, base64: string): WireRecord[] {
    if (!this.followed.has(id) || base64 === '') return [];
    return [{ kind: 'bytes', id, t, base64 }];
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
