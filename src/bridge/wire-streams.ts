// Turns the fetch/XHR stream records from the page hook into what the rest of the capture
// understands: body chunks are parsed (SSE, NDJSON, Connect) into frames with source `wire`,
// each capped like an EventSource frame; the head opens the connection and the end closes
// it, as state records, so the budget, timeline and list treat both kinds alike. One
// decoder per stream holds only its unfinished tail.
import { LIMITS } from '../protocol/constants';
import type { Sanitized } from '../protocol/sanitize';
import { createWireDecoder, type WireDecoder, type WireFrame } from '../sse/wire-decoder';
import type { Bufferable } from './capture-buffer';

export class WireStreams {
  private readonly decoders = new Map<number, WireDecoder>();
  /** The origin of each stream's final URL: the `origin` of its frames, as for EventSource. */
  private readonly origins = new Map<number, string>();

  /**
   * Appends the records to buffer for one sanitized hook record to `out`, in order. Most
   * records (every EventSource event) pass as they are, so nothing is allocated for them.
   */
  expandInto(r: Sanitized, out: Bufferable[]): void {
    switch (r.kind) {
      case 'head': {
        out.push(r);
        if (r.format === null) return;
        this.decoders.set(r.conn, createWireDecoder(r.format));
        this.origins.set(r.conn, originOf(r.url));
        out.push({ kind: 'state', conn: r.conn, t: r.t, readyState: 1, cause: 'open' });
        return;
      }
      case 'chunk': {
        const decoder = this.decoders.get(r.conn);
        if (decoder) this.frames(r.conn, r.t, decoder.push(r.data), out);
        return;
      }
      case 'end': {
        const decoder = this.decoders.get(r.conn);
        this.decoders.delete(r.conn);
        if (decoder) this.frames(r.conn, r.t, decoder.end(), out);
        this.origins.delete(r.conn);
        const cause = r.outcome === 'complete' ? 'close' : 'error';
        out.push(r, { kind: 'state', conn: r.conn, t: r.t, readyState: 2, cause });
        return;
      }
      default:
        out.push(r);
    }
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
