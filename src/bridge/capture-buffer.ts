// The content script's bounded memory of its document's capture, so a panel opened later
// (or re-opened, or re-synced after a service-worker restart) still sees everything.
// Frames live in a queue and the oldest go first when a limit is hit; connection
// bookkeeping (creation, state changes, listened types) is kept apart, since it is small
// and a panel cannot make sense of frames without it. Records are numbered without gaps,
// so whatever a panel never receives shows as a gap in `seq` and is counted there.
import type {
  CapturedEvent,
  CapturedRecord,
  QueueRecord,
  ResponseRecord,
} from '../capture/records';
import type { Sanitized } from '../protocol/sanitize';

export interface BufferLimits {
  /** Frames kept. */
  maxRecords: number;
  /** Total `data` characters kept across frames. */
  maxDataChars: number;
}

type Meta = Exclude<CapturedRecord, { kind: 'event' }>;

export class CaptureBuffer {
  private events: CapturedEvent[] = [];
  private head = 0;
  private meta: Meta[] = [];
  private dataChars = 0;
  private seq = 0;
  /** Records the hook dropped before they reached the buffer (never numbered). */
  lostUpstream = 0;
  /** Highest `seq` dropped by the user's Clear; gaps up to it are not losses. */
  clearedThrough = 0;

  constructor(private readonly limits: BufferLimits) {}

  /** Numbers and stores records; returns them numbered, for live forwarding. */
  append(records: readonly (Sanitized | QueueRecord | ResponseRecord)[]): CapturedRecord[] {
    const out: CapturedRecord[] = [];
    for (const r of records) {
      // The records are fresh copies made by sanitize (or by the bridge): number in place.
      const numbered: CapturedRecord = Object.assign(r, { seq: ++this.seq });
      out.push(numbered);
      if (numbered.kind === 'event') {
        this.events.push(numbered);
        this.dataChars += numbered.data.length;
      } else {
        this.meta.push(numbered);
      }
    }
    this.evictOverflow();
    return out;
  }

  /** Everything still held, in `seq` order. */
  all(): CapturedRecord[] {
    const out: CapturedRecord[] = [];
    let m = 0;
    for (let e = this.head; e < this.events.length; e++) {
      const ev = this.events[e] as CapturedEvent;
      while (m < this.meta.length && (this.meta[m] as Meta).seq < ev.seq) {
        out.push(this.meta[m++] as Meta);
      }
      out.push(ev);
    }
    while (m < this.meta.length) out.push(this.meta[m++] as Meta);
    return out;
  }

  get frameCount(): number {
    return this.events.length - this.head;
  }

  /** Count records that never reached the buffer (dropped by the hook). */
  noteLost(n: number): void {
    this.lostUpstream += n;
  }

  /** The user cleared the panel: forget frames, keep what describes connections. */
  clearFrames(): void {
    this.clearedThrough = this.seq;
    this.events = [];
    this.head = 0;
    this.dataChars = 0;
  }

  private evictOverflow(): void {
    const { maxRecords, maxDataChars } = this.limits;
    while (this.frameCount > 0 && (this.frameCount > maxRecords || this.dataChars > maxDataChars)) {
      const r = this.events[this.head++] as CapturedEvent;
      this.dataChars -= r.data.length;
    }
    if (this.meta.length > maxRecords) {
      const excess = this.meta.length - maxRecords;
      this.meta.splice(0, excess);
    }
    if (this.head > 4096 && this.head > this.events.length / 2) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }
}
