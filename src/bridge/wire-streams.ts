// Turns the fetch/XHR stream records from the page hook into what the rest of the capture
// understands: body chunks are parsed (SSE, NDJSON, Connect) into frames with source `wire`,
// each capped like an EventSource frame; the head opens the connection and the end closes
// it, as state records, so the budget, timeline and list treat both kinds alike. One
// decoder per stream holds only its unfinished tail.
// Parsing runs on the page's thread and costs the page more than anything else capture does
// for a fetch stream, so while no panel watches (`defer`), chunks are kept as they came and
// parsed only when a panel asks for the capture; past MAX_DEFERRED_CHARS held, the oldest are
// parsed as new ones come. A page nobody inspects pays a copy per chunk, not work per event.
// Frames parsed late keep their chunk's time; they are numbered after the records that
// arrived meanwhile (the panel orders frames by time).
import type { ChunkRecord } from '../capture/records';
import { LIMITS } from '../protocol/constants';
import type { Sanitized } from '../protocol/sanitize';
import { createWireDecoder, type WireDecoder, type WireFrame } from '../sse/wire-decoder';
import type { Bufferable } from './capture-buffer';

/**
 * Body bytes (or XHR characters) held unparsed, over all streams; past it the oldest are
 * parsed. A quarter of what the capture buffer may keep of frames' data.
 */
export const MAX_DEFERRED_CHARS = 16 * 1024 * 1024;
/** Chunks held unparsed, over all streams: many small streams are bounded too. */
export const MAX_DEFERRED_CHUNKS = 10_000;

/** A chunk held unparsed, or the stream's end (its decoder's tail is parsed after the chunks). */
type Held = { t: number; data: ChunkRecord['data'] } | { t: number; end: true };

const sizeOf = (data: ChunkRecord['data']): number =>
  typeof data === 'string' ? data.length : data.byteLength;

export class WireStreams {
  private readonly decoders = new Map<number, WireDecoder>();
  /** The origin of each stream's final URL: the `origin` of its frames, as for EventSource. */
  private readonly origins = new Map<number, string>();
  /** What each stream holds unparsed, in order. */
  private readonly held = new Map<number, Held[]>();
  private heldChars = 0;
  /** The stream of each chunk held, oldest first. */
  private readonly arrivals: number[] = [];
  /** While true, chunks are held instead of parsed: no panel watches. */
  defer = true;

  /**
   * Appends the records to buffer for one sanitized hook record to `out`, in order. Most
   * records (every EventSource event) pass as they are, so nothing is allocated for them.
   */
  expandInto(r: Sanitized, out: Bufferable[]): void {
    switch (r.kind) {
      case 'head': {
        out.push(r);
        if (r.format === null) return;
        this.parseHeld(r.conn, out);
        this.decoders.set(r.conn, createWireDecoder(r.format));
        this.origins.set(r.conn, originOf(r.url));
        out.push({ kind: 'state', conn: r.conn, t: r.t, readyState: 1, cause: 'open' });
        return;
      }
      case 'chunk': {
        const decoder = this.decoders.get(r.conn);
        if (!decoder) return;
        if (!this.defer) {
          this.parseHeld(r.conn, out);
          this.frames(r.conn, r.t, decoder.push(r.data), out);
          return;
        }
        this.hold(r.conn, { t: r.t, data: r.data }, sizeOf(r.data));
        this.arrivals.push(r.conn);
        while (this.heldChars > MAX_DEFERRED_CHARS || this.arrivals.length > MAX_DEFERRED_CHUNKS) {
          const oldest = this.arrivals.shift();
          if (oldest === undefined) break;
          this.parseHeld(oldest, out, 1);
        }
        return;
      }
      case 'end': {
        // The end waits only behind chunks still held; else its tail is parsed now.
        if (this.decoders.has(r.conn)) this.hold(r.conn, { t: r.t, end: true }, 0);
        if (!this.defer || this.held.get(r.conn)?.length === 1) this.parseHeld(r.conn, out);
        const cause = r.outcome === 'complete' ? 'close' : 'error';
        out.push(r, { kind: 'state', conn: r.conn, t: r.t, readyState: 2, cause });
        return;
      }
      default:
        out.push(r);
    }
  }

  /** Parses everything held, stream by stream, into `out` (a panel asked for the capture). */
  parseAllHeld(out: Bufferable[]): void {
    for (const conn of [...this.held.keys()]) this.parseHeld(conn, out);
    this.arrivals.length = 0;
  }

  private hold(conn: number, item: Held, chars: number): void {
    const list = this.held.get(conn);
    if (list) list.push(item);
    else this.held.set(conn, [item]);
    this.heldChars += chars;
  }

  /** Parses what a stream holds, oldest first: all of it, or up to `chunks` chunks. */
  private parseHeld(conn: number, out: Bufferable[], chunks = Infinity): void {
    const list = this.held.get(conn);
    if (!list) return;
    let parsed = 0;
    let next = 0;
    for (; next < list.length; next++) {
      const item = list[next] as Held;
      const decoder = this.decoders.get(conn);
      if ('end' in item) {
        if (decoder) this.frames(conn, item.t, decoder.end(), out);
        this.decoders.delete(conn);
        this.origins.delete(conn);
        continue;
      }
      if (parsed === chunks) break;
      parsed++;
      this.heldChars -= sizeOf(item.data);
      if (decoder) this.frames(conn, item.t, decoder.push(item.data), out);
    }
    if (next === list.length) this.held.delete(conn);
    else list.splice(0, next);
  }
  private frames(conn: number, t: number, frames: WireFrame[], out: Bufferable[]): void {
    const origin = this.origins.get(conn) ?? '';
    const cut = (v: string, max: number): string => (v.length > max ? v.slice(0, max) : v);
    for (const f of frames) {
      out.push({
        kind: 'event',
        conn,
        t,
        type: cut(f.type, LIMITS.maxFieldChars),
        data: cut(f.data, LIMITS.maxDataChars),
        lastEventId: cut(f.id, LIMITS.maxFieldChars),
        origin,
        size: f.data.length,
        truncated: f.data.length > LIMITS.maxDataChars,
        source: 'wire',
        frameKind: f.frameKind,
        seq: 0,
        ...(f.note === undefined ? {} : { note: f.note }),
      });
    }
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
