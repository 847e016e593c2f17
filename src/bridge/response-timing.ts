// Tells the panel how each request of the document's EventSources ended, from the page's
// Resource Timing (the content script shares the page's performance timeline): whether a
// response arrived, and its HTTP status and Content-Type where the browser reports them.
// An entry exists once a request has completed; it is matched to a connection by URL and
// time. The hook's records arrive in batches, so an entry may come before its connection:
// a few unmatched entries wait for it.
import type { CapturedRecord, ResponseRecord } from '../capture/records';
import type { TimingEntry, TimingSource } from './protocol-learner';

/** Connections remembered for matching; the oldest are forgotten first. */
const MAX_TRACKED = 256;
/** Unmatched entries kept until their connection's record arrives. */
const MAX_WAITING = 64;
/** Slack between the hook's Date.now() and the performance timeline's clock, ms. */
const CLOCK_SLACK_MS = 5;

interface Tracked {
  conn: number;
  url: string;
  createdAt: number;
  closedAt: number | null;
}

type ResourceEntry = TimingEntry & { start: number; end: number };

export class ResponseTiming {
  private readonly tracked: Tracked[] = [];
  private waiting: ResourceEntry[] = [];

  constructor(
    source: TimingSource,
    private readonly emit: (records: ResponseRecord[]) => void,
  ) {
    source.observe((entries) => {
      const resources = entries.filter(isResource);
      if (resources.length > 0) this.match(resources);
    });
  }

  /** Folds in one record passing through the content script. */
  apply(r: CapturedRecord): void {
    // fetch/XHR streams report their own response head; Resource Timing is for EventSource.
    if (r.kind === 'connection' && r.api === undefined) {
      this.tracked.push({ conn: r.conn, url: r.url, createdAt: r.t, closedAt: null });
      if (this.tracked.length > MAX_TRACKED) this.tracked.shift();
      if (this.waiting.length > 0) {
        const retry = this.waiting;
        this.waiting = [];
        this.match(retry);
      }
    } else if (r.kind === 'state' && r.readyState === 2) {
      const c = this.tracked.find((t) => t.conn === r.conn);
      if (c) c.closedAt = r.t;
    }
  }

  private match(entries: readonly ResourceEntry[]): void {
    const out: ResponseRecord[] = [];
    for (const e of entries) {
      const c = this.connectionOf(e);
      if (c) out.push(toRecord(c.conn, e));
      else this.waiting.push(e);
    }
    if (this.waiting.length > MAX_WAITING)
      this.waiting.splice(0, this.waiting.length - MAX_WAITING);
    if (out.length > 0) this.emit(out);
  }

  /** The latest connection to this URL made before the request started and not closed before. */
  private connectionOf(e: ResourceEntry): Tracked | undefined {
    let best: Tracked | undefined;
    for (const c of this.tracked) {
      if (c.url !== e.name || c.createdAt > e.start + CLOCK_SLACK_MS) continue;
      if (c.closedAt !== null && c.closedAt < e.start - CLOCK_SLACK_MS) continue;
      if (!best || c.createdAt >= best.createdAt) best = c;
    }
    return best;
  }
}

/** Requests an EventSource cannot have made: a fetch or XHR to the same URL is not one. */
const NOT_EVENT_SOURCE = ['fetch', 'xmlhttprequest', 'beacon'];

function isResource(e: TimingEntry): e is ResourceEntry {
  if (e.initiatorType !== undefined && NOT_EVENT_SOURCE.includes(e.initiatorType)) return false;
  return e.entryType === 'resource' && e.start !== undefined && e.end !== undefined;
}

function toRecord(conn: number, e: ResourceEntry): ResponseRecord {
  return {
    kind: 'response',
    conn,
    t: Math.round(e.start),
    end: Math.round(e.end),
    responded: e.responded ?? false,
    status: e.responseStatus ? e.responseStatus : null,
    contentType: e.contentType ? e.contentType : null,
  };
}
