// The content script's bounded memory of its document's capture, so a panel opened later
// (or re-opened, or re-synced after a service-worker restart) still sees everything.
// Frames live in a queue and the oldest go first when a limit is hit. Connection
// bookkeeping (creation, state changes, listened types, queue verdicts) is kept apart and
// bounded by count and by size; what a live stream needs to be understood (its `connection`
// record, its latest state and queue records) is never evicted, so live streams past
// `maxConnections` (or past the bookkeeping size) are counted and not tracked instead.
// Records are numbered without gaps, so whatever a panel never receives shows as a gap in
// `seq` and is counted there.
import type {
  ChunkRecord,
  CapturedEvent,
  CapturedRecord,
  QueueRecord,
  ResponseRecord,
} from '../capture/records';
import type { SourceCounters } from '../protocol/messages';
import type { Sanitized } from '../protocol/sanitize';

export interface BufferLimits {
  /** Frames kept. */
  maxRecords: number;
  /** Total `data` characters kept across frames. */
  maxDataChars: number;
  /** Bookkeeping (non-frame) records kept. */
  maxMetaRecords: number;
  /** Total characters of URLs, frame URLs, stacks, types and pool keys in bookkeeping. */
  maxMetaChars: number;
  /** Live connections tracked at once; further ones are counted, not tracked. */
  maxConnections: number;
}

type Meta = Exclude<CapturedRecord, { kind: 'event' }>;

/** What the buffer keeps: everything but fetch/XHR body chunks, which become events first. */
export type Bufferable = Exclude<Sanitized, ChunkRecord> | QueueRecord | ResponseRecord;

/** The records that tell what a live stream is and what state it is in now. */
interface Pinned {
  connection: Meta;
  state: Meta | null;
  queue: Meta | null;
}

const headerChars = (headers: readonly [string, string][]): number =>
  headers.reduce((n, [name, value]) => n + name.length + value.length, 0);

/** Characters (or body bytes) a bookkeeping record holds beyond its fixed-size fields. */
function metaChars(r: Meta): number {
  switch (r.kind) {
    case 'connection':
      return (
        r.url.length +
        r.frameUrl.length +
        r.stack.length +
        (r.request ? headerChars(r.request.headers) : 0)
      );
    case 'body':
      return r.text.length;
    case 'head':
      return r.url.length + r.statusText.length + headerChars(r.headers);
    case 'end':
      return r.error.length;
    case 'listen':
      return r.type.length;
    case 'queue':
      return r.pool.length;
    case 'response':
      return r.contentType?.length ?? 0;
    case 'state':
      return 0;
  }
}

const zeroCounters = (): SourceCounters => ({
  malformed: 0,
  staleHook: 0,
  untrackedConnections: 0,
  untrackedRecords: 0,
});

export class CaptureBuffer {
  private events: CapturedEvent[] = [];
  private head = 0;
  private dataChars = 0;
  /** Bookkeeping in `seq` order; evicted entries stay as holes until compaction. */
  private meta: Meta[] = [];
  private readonly evictedMeta = new Set<Meta>();
  /** Bookkeeping no live stream needs any more, oldest first: what eviction takes. */
  private evictable: Meta[] = [];
  private evictableHead = 0;
  private metaCount = 0;
  private metaCharCount = 0;
  /** Characters held by pinned records; a new connection must fit beside them. */
  private pinnedChars = 0;
  private readonly live = new Map<number, Pinned>();
  /** Live connections refused over the caps: their records are counted, not kept. */
  private readonly untracked = new Set<number>();
  private seq = 0;
  /** Records the hook dropped before they reached the buffer (never numbered). */
  lostUpstream = 0;
  /** Records that never got a `seq` here, by reason (see SourceCounters). */
  counters: SourceCounters = zeroCounters();
  /** Highest `seq` dropped by the user's Clear; gaps up to it are not losses. */
  clearedThrough = 0;

  constructor(private readonly limits: BufferLimits) {}

  /** Numbers and stores records; returns the ones kept, numbered, for live forwarding. */
  append(records: readonly Bufferable[]): CapturedRecord[] {
    const out: CapturedRecord[] = [];
    for (const r of records) {
      if (!this.admit(r)) continue;
      // The records are fresh copies made by sanitize (or by the bridge): number in place.
      // Events already hold a `seq` of 0, so numbering one changes no object's shape.
      const numbered = r as CapturedRecord;
      numbered.seq = ++this.seq;
      out.push(numbered);
      if (numbered.kind === 'event') {
        this.events.push(numbered);
        this.dataChars += numbered.data.length;
      } else {
        this.keepMeta(numbered);
      }
    }
    this.evictOverflow();
    return out;
  }

  /** Everything still held, in `seq` order. */
  all(): CapturedRecord[] {
    const meta = this.meta.filter((r) => !this.evictedMeta.has(r));
    const out: CapturedRecord[] = [];
    let m = 0;
    for (let e = this.head; e < this.events.length; e++) {
      const ev = this.events[e] as CapturedEvent;
      while (m < meta.length && (meta[m] as Meta).seq < ev.seq) out.push(meta[m++] as Meta);
      out.push(ev);
    }
    while (m < meta.length) out.push(meta[m++] as Meta);
    return out;
  }

  get frameCount(): number {
    return this.events.length - this.head;
  }

  /** Count records that never reached the buffer (dropped by the hook). */
  noteLost(n: number): void {
    this.lostUpstream += n;
  }

  /** Count records the schema check rejected, and those from a hook of another version. */
  noteRejected(malformed: number, staleHook: number): void {
    this.counters.malformed += malformed;
    this.counters.staleHook += staleHook;
  }

  /**
   * The user cleared the panel: forget frames, keep what describes connections, and start
   * the loss counters over (the panel clears its own at the same time).
   */
  clearFrames(): void {
    this.clearedThrough = this.seq;
    this.events = [];
    this.head = 0;
    this.dataChars = 0;
    this.lostUpstream = 0;
    // Connections still live and untracked stay untracked: they are still counted.
    this.counters = { ...zeroCounters(), untrackedConnections: this.untracked.size };
  }

  /** False for records of connections over the caps (counted instead). */
  private admit(r: Bufferable): boolean {
    if (r.kind === 'connection' && !this.live.has(r.conn) && !this.untracked.has(r.conn)) {
      const { maxConnections, maxMetaChars } = this.limits;
      const chars = r.url.length + r.frameUrl.length + r.stack.length;
      if (this.live.size >= maxConnections || this.pinnedChars + chars > maxMetaChars) {
        this.untracked.add(r.conn);
        this.counters.untrackedConnections++;
        return false;
      }
    }
    if (!this.untracked.has(r.conn)) return true;
    this.counters.untrackedRecords += r.kind === 'connection' ? 0 : 1;
    if (r.kind === 'state' && r.readyState === 2) this.untracked.delete(r.conn);
    return false;
  }

  private keepMeta(r: Meta): void {
    this.meta.push(r);
    this.metaCount++;
    this.metaCharCount += metaChars(r);
    const pins = this.live.get(r.conn);
    if (r.kind === 'connection') {
      if (pins) this.release(pins);
      this.live.set(r.conn, { connection: r, state: null, queue: null });
      this.pinnedChars += metaChars(r);
      return;
    }
    // What the page listened to and how a request ended describe the past: they may go.
    if (!pins || r.kind === 'listen' || r.kind === 'response') {
      this.evictable.push(r);
    } else if (r.kind === 'state' && r.readyState === 2) {
      this.live.delete(r.conn);
      this.release(pins);
      this.evictable.push(r);
    } else if (r.kind === 'state') {
      if (pins.state) this.evictable.push(pins.state);
      pins.state = r;
    } else {
      if (pins.queue) this.evictable.push(pins.queue);
      this.pinnedChars += metaChars(r) - (pins.queue ? metaChars(pins.queue) : 0);
      pins.queue = r;
    }
  }

  /** The stream ended (or was announced again): its pinned records may go. */
  private release(pins: Pinned): void {
    this.pinnedChars -= metaChars(pins.connection) + (pins.queue ? metaChars(pins.queue) : 0);
    this.evictable.push(pins.connection);
    if (pins.state) this.evictable.push(pins.state);
    if (pins.queue) this.evictable.push(pins.queue);
  }

  private evictOverflow(): void {
    const { maxRecords, maxDataChars } = this.limits;
    while (this.frameCount > 0 && (this.frameCount > maxRecords || this.dataChars > maxDataChars)) {
      const r = this.events[this.head++] as CapturedEvent;
      this.dataChars -= r.data.length;
    }
    if (this.head > 4096 && this.head > this.events.length / 2) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
    this.evictMeta();
  }

  private evictOne(r: Meta): void {
    this.evictedMeta.add(r);
    this.metaCount--;
    this.metaCharCount -= metaChars(r);
  }

  private evictMeta(): void {
    const { maxMetaRecords, maxMetaChars } = this.limits;
    while (
      (this.metaCount > maxMetaRecords || this.metaCharCount > maxMetaChars) &&
      this.evictableHead < this.evictable.length
    ) {
      const r = this.evictable[this.evictableHead++] as Meta;
      this.evictOne(r);
      // An ended stream's records were released together: they go together, so no state
      // change outlives the connection it belongs to.
      while (r.kind === 'connection' && this.evictable[this.evictableHead]?.conn === r.conn) {
        this.evictOne(this.evictable[this.evictableHead++] as Meta);
      }
    }
    if (this.evictableHead > 1024 && this.evictableHead > this.evictable.length / 2) {
      this.evictable = this.evictable.slice(this.evictableHead);
      this.evictableHead = 0;
    }
    if (this.evictedMeta.size > 1024 && this.evictedMeta.size > this.meta.length / 2) {
      this.meta = this.meta.filter((r) => !this.evictedMeta.has(r));
      this.evictedMeta.clear();
    }
  }
}
