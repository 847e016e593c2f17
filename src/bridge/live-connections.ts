// The content script's table of its document's live EventSources, kept from the records
// flowing through it: what the background needs to place them in socket pools.
import type { CapturedRecord } from '../capture/records';
import type { LiveConnection } from '../model/pools';

export class LiveConnections {
  private readonly live = new Map<number, LiveConnection>();
  private readonly queued = new Set<number>();

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
        });
        return true;
      case 'state': {
        const c = this.live.get(r.conn);
        if (!c) return false;
        if (r.readyState === 2) {
          this.live.delete(r.conn);
          this.queued.delete(r.conn);
        } else {
          c.readyState = r.readyState;
          if (r.readyState === 0) {
            c.reconnecting = true;
            c.since = r.t;
          } else {
            this.queued.delete(r.conn);
          }
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
    return [...this.live.values()].map((c) => ({ ...c }));
  }

  has(conn: number): boolean {
    return this.live.has(conn);
  }

  /** Records the background's verdict; false when it changes nothing (e.g. a re-send). */
  setQueued(conn: number, queued: boolean): boolean {
    if (!this.live.has(conn) || this.queued.has(conn) === queued) return false;
    if (queued) this.queued.add(conn);
    else this.queued.delete(conn);
    return true;
  }
}
