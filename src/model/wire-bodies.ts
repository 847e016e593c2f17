// The bytes of each stream's body exactly as deep capture received them, so a raw export can
// write the stream byte for byte (a BOM, CRLF, invalid UTF-8 and all) instead of re-serialising
// its frames. Bounded: past the cap a body is let go, whole, and the export falls back to the
// frames for it. A connection that made several requests (EventSource reconnects) has no one
// body to write, nor does one whose earlier bytes were cleared.

/** Bytes kept over every body together. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface Body {
  requests: Set<string>;
  chunks: Uint8Array[];
  size: number;
  /** Let go (over the cap, or cleared): never exact again. */
  lost: boolean;
}

export class WireBodies {
  private readonly bodies = new Map<string, Body>();
  private total = 0;

  constructor(private readonly cap = MAX_BODY_BYTES) {}

  /**
   * A chunk of request `requestId`'s body, bound to connection `key`. `alive` tells which
   * connections the model still holds: over the cap, the bodies of those it dropped go first.
   */
  add(key: string, requestId: string, bytes: Uint8Array, alive: (key: string) => boolean): void {
    let body = this.bodies.get(key);
    if (!body)
      this.bodies.set(key, (body = { requests: new Set(), chunks: [], size: 0, lost: false }));
    body.requests.add(requestId);
    if (body.lost) return;
    if (this.total + bytes.length > this.cap) this.prune(alive);
    if (this.total + bytes.length > this.cap) {
      this.lose(body);
      return;
    }
    body.chunks.push(bytes);
    body.size += bytes.length;
    this.total += bytes.length;
  }

  /** The connection's body, when it is one request's and every byte of it is held. */
  exact(key: string): Uint8Array<ArrayBuffer> | null {
    const body = this.bodies.get(key);
    if (!body || body.lost || body.requests.size !== 1) return null;
    const out = new Uint8Array(body.size);
    let at = 0;
    for (const chunk of body.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** The user cleared the capture: what was held no longer matches the frames. */
  clear(): void {
    for (const body of this.bodies.values()) this.lose(body);
  }

  private prune(alive: (key: string) => boolean): void {
    for (const [key, body] of this.bodies) {
      if (alive(key)) continue;
      this.total -= body.size;
      this.bodies.delete(key);
    }
  }

  private lose(body: Body): void {
    this.total -= body.size;
    body.chunks = [];
    body.size = 0;
    body.lost = true;
  }
}
