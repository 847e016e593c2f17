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

  /** The records to buffer for one sanitized hook record, in order. */
  expand(r: Sanitized): Bufferable[] {
    switch (r.kind) {
      case 'head': {
        if (r.format === null) return [r];
        this.decoders.set(r.conn, createWireDecoder(r.format));
        this.origins.set(r.conn, originOf(r.url));
        return [r, { kind: 'state', conn: r.conn, t: r.t, readyState: 1, cause: 'open' }];
      }
      case 'chunk': {
        const decoder = this.decoders.get(r.conn);
        return decoder ? this.frames(r.conn, r.t, decoder.push(r.data)) : [];
      }
      case 'end': {
        const decoder = this.decoders.get(r.conn);
        this.decoders.delete(r.conn);
        const rest = decoder ? this.frames(r.conn, r.t, decoder.end()) : [];
        this.origins.delete(r.conn);
        const cause = r.outcome === 'complete' ? 'close' : 'error';
        return [...rest, r, { kind: 'state', conn: r.conn, t: r.t, readyState: 2, cause }];
      }
      default:
        return [r];
    }
  }

  private frames(conn: number, t: number, frames: WireFrame[]): Bufferable[] {
    const origin = this.origins.get(conn) ?? '';
    const cut = (v: string, max: number): string => (v.length > max ? v.slice(0, max) : v);
    return frames.map((f): Bufferable => ({
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
      ...(f.note === undefined ? {} : { note: f.note }),
    }));
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
