// The content script's table of its document's live EventSources, kept from the records
// flowing through it: what the background needs to place them in socket pools.
//
// A reconnecting stream holds no connection while it waits out its reconnection delay; then
// the browser requests again, and that request competes for a slot like a new one. The page
// never sees the server's `retry:` nor the moment of the new request, so the delay is taken
// from what this stream showed before (the shortest gap from an error to the next open or
// error is an upper bound on it), or else assumed to be the browser's default. When it has
// passed, the stream is reported as re-requesting, with the time it did so on the page clock.
import type { CapturedRecord } from '../capture/records';
import type { LiveConnection, RetryDelay } from '../model/pools';

export interface LiveConnectionsOptions {
  /** The browser's reconnection delay when the server sets none (Chromium 3 s, Firefox 5 s). */
  defaultRetryMs: number;
  /** The page clock (the content script's Date.now is the same clock). */
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  /** The table changed on its own: a reconnection delay passed. */
  onChange: () => void;
}

interface Tracked extends LiveConnection {
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
          this.live.delete(r.conn);
          this.queued.delete(r.conn);
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
      default:
        return false;
    }
  }

  get size(): number {
    return this.live.size;
  }

  list(): LiveConnection[] {
    return [...this.live.values()].map(
      ({ conn, url, withCredentials, readyState, reconnecting, since, retryDelay }) => ({
        conn,
        url,
        withCredentials,
        readyState,
        reconnecting,
        since,
        retryDelay,
      }),
    );
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
