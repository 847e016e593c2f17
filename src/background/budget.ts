// The cross-tab connection registry behind the budget view: the latest snapshot of every
// document's live connections, by content-script port. Nothing here needs to survive a
// service-worker restart: content scripts send their snapshot again when they reconnect.
import { computePools, poolsForTab, type PlacedSnapshot, type PoolView } from '../model/pools';

/**
 * Tell the content script owning `conn` that it is now queued, or got a slot. No time: the
 * content script stamps both ends of the wait on its page's clock.
 */
export interface QueueNotice<P> {
  port: P;
  conn: number;
  queued: boolean;
  pool: string;
}

export class Budget<P> {
  private readonly snapshots = new Map<P, PlacedSnapshot>();
  /** Connections last reported as queued, by member key. */
  private queued = new Map<string, { port: P; conn: number; pool: string }>();
  private pools: PoolView[] = [];

  /** A document's new snapshot, or null when its port went away (closed, navigated). */
  update(port: P, snapshot: PlacedSnapshot | null): QueueNotice<P>[] {
    if (snapshot) this.snapshots.set(port, snapshot);
    else this.snapshots.delete(port);
    this.pools = computePools([...this.snapshots.values()]);
    return this.diffQueue();
  }

  poolsForTab(tabId: number): PoolView[] {
    return poolsForTab(this.pools, tabId);
  }

  tabs(): Set<number> {
    return new Set([...this.snapshots.values()].map((s) => s.tabId));
  }

  private diffQueue(): QueueNotice<P>[] {
    const ports = new Map<string, P>();
    for (const [port, s] of this.snapshots) ports.set(s.docId, port);
    const now = new Map<string, { port: P; conn: number; pool: string }>();
    const live = new Set<string>();
    for (const pool of this.pools) {
      for (const m of pool.members) {
        live.add(m.key);
        const port = ports.get(m.docId);
        if (m.state === 'queued' && port !== undefined) {
          now.set(m.key, { port, conn: m.conn, pool: pool.key });
        }
      }
    }
    const notices: QueueNotice<P>[] = [];
    for (const [key, q] of now) {
      if (!this.queued.has(key)) notices.push({ ...q, queued: true });
    }
    for (const [key, q] of this.queued) {
      // A connection that closed ends its own wait; only a live one needs telling.
      if (!now.has(key) && live.has(key)) notices.push({ ...q, queued: false });
    }
    this.queued = now;
    return notices;
  }
}
