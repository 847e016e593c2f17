// Runs a wire decoder over a whole body the way the content script does (push each chunk,
// then end) and cuts bodies into chunks, for the wire-decoder tests.
import type { StreamFormat } from '../../../src/capture/records';
import { createWireDecoder, type WireFrame } from '../../../src/sse/wire-decoder';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** What push (all chunks, in order) and then end give. */
export function decodeChunks(
  format: StreamFormat,
  chunks: readonly (Uint8Array | string)[],
  lastEventId?: string,
): { pushed: WireFrame[]; ended: WireFrame[] } {
  const decoder = createWireDecoder(format, lastEventId);
  const pushed = chunks.flatMap((c) => decoder.push(c));
  return { pushed, ended: decoder.end() };
}

/** Every frame of a body, the ones end() flushed last. */
export function decodeAll(
  format: StreamFormat,
  chunks: readonly (Uint8Array | string)[],
  lastEventId?: string,
): WireFrame[] {
  const { pushed, ended } = decodeChunks(format, chunks, lastEventId);
  return [...pushed, ...ended];
}

/** `bytes` cut at `points` (ascending offsets inside it). */
export function cutAt(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const edges = [0, ...points, bytes.length];
  return edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
}

/** A Connect envelope: flag byte, 4-byte big-endian length, payload. */
export function envelope(flags: number, payload: string | Uint8Array): Uint8Array {
  const body = typeof payload === 'string' ? utf8(payload) : payload;
  const out = new Uint8Array(5 + body.length);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, body.length);
  out.set(body, 5);
  return out;
}
