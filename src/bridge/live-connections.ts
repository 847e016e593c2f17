// The content script's table of its document's live streams (EventSource, and fetch/XHR
// streams), kept from the records flowing through it: what the background needs to place
// them in socket pools.
//
// A reconnecting stream holds no connection while it waits out its reconnection delay; then
// the browser requests again, and that request competes for a slot like a new one. The page
// never sees the server's `retry:` nor the moment of the new request, so the delay is taken
// from what this stream showed before (the shortest gap from an error to the next open or
// error is an upper bound on it), or else assumed to be the browser's default. When it has
// passed, the stream is reported as re-requesting, with the time it did so on the page clock.
//
// Firefox keeps the connection of a fetch body the page cancelled once it had read all that
// arrived, until the server writes to it again, which a quiet stream may never do
// (EventSource.close(), an XHR's abort() and an aborted signal let it go at once). Where the
// browser does so, such a stream stays in the table, marked lingering, until the request's
// Resource Timing entry appears: Firefox adds it when it lets the connection go.
import type { CapturedRecord } from '../capture/records';
import type { LiveConnection, RetryDelay } from '../model/pools';
import type { TimingEntry } from './protocol-learner';

export interface LiveConnectionsOptions {
  /** The browser's reconnection delay when the server sets none (Chromium 3 s, Firefox 5 s). */
  defaultRetryMs: number;
  /** The browser keeps a cancelled fetch body's connection until the server writes (Firefox). */
  cancelKeepsConnection: boolean;
  /** The page clock (the content script's Date.now is the same clock). */
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  /** The table changed on its own: a reconnection delay passed. */
  onChange: () => void;
}

/** A request the page's Resource Timing reports finished: its URL and start (epoch ms). */
export interface EndedRequest {
  url: string;
  start: number;
}

/** A URL as the network sees it: a Request keeps its fragment, a timing entry may not. */
function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The fetch requests among Resource Timing entries: what `requestsEnded` takes. */
export function endedFetches(entries: readonly TimingEntry[]): EndedRequest[] {
  const ended: EndedRequest[] = [];
  for (const e of entries) {
    if (e.entryType !== 'resource' || e.initiatorType !== 'fetch' || e.start === undefined)
      continue;
    ended.push({ url: e.name, start: e.start });
  }
  return ended;
}

/**
 * How far a request's Resource Timing start may be from the hook's clock at its call, ms:
 * the two agree to a millisecond or two, but Firefox may coarsen both (to 100 ms where it
 * resists fingerprinting). Among candidates the closest start wins.
 */
const START_SLACK_MS = 1000;
/** Ended requests not matched yet (their stream's records may still be on the way). */
const MAX_UNMATCHED = 32;

interface Tracked extends LiveConnection {
  api: 'fetch' | 'xhr' | undefined;
  /** When the request was made (the connection record's time). */
  requestedAt: number;
  /** The page cancelled this fetch stream's body; its closing state record makes it linger. */
  cancelled: boolean;
  /** The shortest error-to-next-open-or-error gap seen on this stream. */
  observedRetryMs: number | null;
  /** Time of the error that started the current reconnect, or null. */
  errorAt: number | null;
  /** Bumped on every state change, so a stale delay timer knows to do nothing. */
  generation: number;
}

export class LiveConnections {
  private readonly live = new Map<number, Tracked>();
  private readonly queued = new Set<number>();
  private unmatched: EndedRequest[] = [];

  constructor(private readonly options: LiveConnectionsOptions) {}

  /** Folds one record in; true when the table changed. */
  apply(r: CapturedRecord): boolean {
    switch (r.kind) {
      case 'connection':
        this.live.set(r.conn, {
          conn: r.conn,
          url: r.url,
          withCredentials: r.withCredentials,
          readyState: 0,
          reconnecting: false,
          since: r.t,
          retryDelay: null,
          api: r.api,
          requestedAt: r.t,
          cancelled: false,
          observedRetryMs: null,
          errorAt: null,
          generation: 0,
        });
        return true;
      case 'state': {
        const c = this.live.get(r.conn);
        if (!c) return false;
        c.generation++;
        if (r.readyState === 2) {
          this.queued.delete(r.conn);
          if (c.cancelled && !this.takeEnded(c)) {
            c.lingering = true;
            c.readyState = 2;
            c.reconnecting = false;
            c.since = r.t;
          } else this.live.delete(r.conn);
          return true;
        }
        if (c.errorAt !== null) {
          const gap = r.t - c.errorAt;
          c.observedRetryMs = Math.min(c.observedRetryMs ?? gap, gap);
        }
        c.readyState = r.readyState;
        if (r.readyState === 1) {
          c.reconnecting = false;
          c.errorAt = null;
          c.retryDelay = null;
          this.queued.delete(r.conn);
        } else {
          this.startReconnect(c, r.t);
        }
        return true;
      }
      case 'end': {
        const c = this.live.get(r.conn);
        if (c?.api === 'fetch' && r.outcome === 'cancelled') {
          c.cancelled = this.options.cancelKeepsConnection;
        }
        return false;
      }
      default:
        return false;
    }
  }

  /**
   * fetch requests whose Resource Timing entries appeared: a lingering stream among them has
   * let go of its connection. Called only where the browser keeps cancelled bodies' connections.
   * True when the table changed.
   */
  requestsEnded(ended: readonly EndedRequest[]): boolean {
    let changed = false;
    for (const e of ended) {
      const c = this.closest(
        e,
        [...this.live.values()].filter((x) => x.lingering),
      );
      if (c) {
        this.live.delete(c.conn);
        changed = true;
      } else {
        this.unmatched.push(e);
        if (this.unmatched.length > MAX_UNMATCHED) this.unmatched.shift();
      }
    }
    return changed;
  }

  /** Consumes an ended request that is `c`'s: its connection is gone already. */
  private takeEnded(c: Tracked): boolean {
    const match = this.unmatched.find((e) => this.closest(e, [c]) === c);
    if (match) this.unmatched = this.unmatched.filter((e) => e !== match);
    return match !== undefined;
  }

  /** The fetch stream of `candidates` that made request `e`, if any: same URL, closest start. */
  private closest(e: EndedRequest, candidates: readonly Tracked[]): Tracked | undefined {
    let best: Tracked | undefined;
    for (const c of candidates) {
      const gap = Math.abs(c.requestedAt - e.start);
      if (c.api !== 'fetch' || gap > START_SLACK_MS) continue;
      if (withoutFragment(c.url) !== withoutFragment(e.url)) continue;
      if (!best || gap < Math.abs(best.requestedAt - e.start)) best = c;
    }
    return best;
  }

  get size(): number {
    return this.live.size;
  }

  list(): LiveConnection[] {
    return [...this.live.values()].map((c) => ({
      conn: c.conn,
      url: c.url,
      withCredentials: c.withCredentials,
      readyState: c.readyState,
      reconnecting: c.reconnecting,
      since: c.since,
      retryDelay: c.retryDelay,
      ...(c.api === undefined ? {} : { api: c.api }),
      ...(c.lingering ? { lingering: c.lingering, requestedAt: c.requestedAt } : {}),
    }));
  }

  /** When the connection's current wait began (page clock), or null if it is not live. */
  sinceOf(conn: number): number | null {
    return this.live.get(conn)?.since ?? null;
  }

  /** Records the background's verdict; false when it changes nothing (e.g. a re-send). */
  setQueued(conn: number, queued: boolean): boolean {
    if (!this.live.has(conn) || this.queued.has(conn) === queued) return false;
    if (queued) this.queued.add(conn);
    else this.queued.delete(conn);
    return true;
  }

  private startReconnect(c: Tracked, errorAt: number): void {
    const retryDelay: RetryDelay =
      c.observedRetryMs === null
        ? { ms: this.options.defaultRetryMs, basis: 'assumed' }
        : { ms: c.observedRetryMs, basis: 'observed' };
    c.reconnecting = true;
    c.since = errorAt;
    c.errorAt = errorAt;
    c.retryDelay = retryDelay;
    const generation = c.generation;
    const requestAt = errorAt + retryDelay.ms;
    this.options.setTimer(
      () => {
        if (this.live.get(c.conn) !== c || c.generation !== generation) return;
        c.reconnecting = false;
        c.since = requestAt;
        this.options.onChange();
      },
      Math.max(0, requestAt - this.options.now()),
    );
  }
}
