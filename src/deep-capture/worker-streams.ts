// The streams workers hold, from deep capture's wire records, as the connection budget's
// document snapshots (one per worker): no page hook runs in a worker to report them, yet they
// draw on the same socket pools. A stream counts from the request Chrome reports until it
// ends: connecting until data flows, open after. A worker's EventSource between a request's
// end and its reconnect holds no slot and is not listed.
import type { DocSnapshot, LiveConnection } from '../model/pools';
import { originOf } from '../model/site';
import type { WireRecord, WireRequest, WorkerContext } from './wire-records';

interface Stream {
  request: WireRequest;
  worker: WorkerContext;
  conn: number;
  open: boolean;
}

export class WorkerStreams {
  private readonly streams = new Map<string, Stream>();
  private nextConn = 1;

  /** Reads a batch of records; true when the snapshots changed. */
  apply(records: readonly WireRecord[]): boolean {
    let changed = false;
    for (const r of records) {
      if (r.kind === 'request') {
        if (!r.worker || this.streams.has(r.id)) continue;
        this.streams.set(r.id, {
          request: r,
          worker: r.worker,
          conn: this.nextConn++,
          open: false,
        });
        changed = true;
        continue;
      }
      const stream = this.streams.get(r.id);
      if (!stream) continue;
      if (r.kind === 'end') {
        this.streams.delete(r.id);
        changed = true;
      } else if (!stream.open) {
        stream.open = true;
        changed = true;
      }
    }
    return changed;
  }

  snapshots(): DocSnapshot[] {
    const byWorker = new Map<string, DocSnapshot>();
    for (const s of this.streams.values()) {
      let snapshot = byWorker.get(s.worker.session);
      if (!snapshot) {
        snapshot = {
          docId: `worker-${s.worker.session}`,
          url: s.worker.url,
          origin: originOf(s.worker.url),
          topOrigin: null,
          title: '',
          connections: [],
          protocols: {},
        };
        byWorker.set(s.worker.session, snapshot);
      }
      const c: LiveConnection = {
        conn: s.conn,
        url: s.request.url,
        withCredentials: false,
        readyState: s.open ? 1 : 0,
        reconnecting: false,
        since: s.request.t,
        retryDelay: null,
      };
      snapshot.connections.push(c);
    }
    return [...byWorker.values()];
  }
}
