// The bytes of a binary stream not yet cut into frames: chunks are queued as they come and
// copied only when a frame spans several of them, so a large frame arriving in small chunks
// costs one copy, not one per chunk. Queued chunks are kept, not copied: callers must not
// reuse them.

export interface ByteQueue {
  readonly length: number;
  push(chunk: Uint8Array): void;
  /** The first `n` bytes (n ≤ length), left in the queue. */
  peek(n: number): Uint8Array;
  /** Removes and returns the first `n` bytes (n ≤ length). */
  take(n: number): Uint8Array;
}

export function createByteQueue(): ByteQueue {
  const chunks: Uint8Array[] = [];
  /** How much of chunks[0] was already taken. */
  let offset = 0;
  let length = 0;

  function read(n: number, consume: boolean): Uint8Array {
    const first = chunks[0];
    if (first !== undefined && first.length - offset >= n) {
      const bytes = first.subarray(offset, offset + n);
      if (consume) {
        offset += n;
        if (offset === first.length) {
          chunks.shift();
          offset = 0;
        }
        length -= n;
      }
      return bytes;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    let index = 0;
    let from = offset;
    while (filled < n) {
      const chunk = chunks[index]!;
      const count = Math.min(n - filled, chunk.length - from);
      out.set(chunk.subarray(from, from + count), filled);
      filled += count;
      from += count;
      if (from === chunk.length) {
        index++;
        from = 0;
      }
    }
    if (consume) {
      chunks.splice(0, index);
      offset = from;
      length -= n;
    }
    return out;
  }

  return {
    get length() {
      return length;
    },
    push(chunk) {
      if (chunk.length === 0) return;
      chunks.push(chunk);
      length += chunk.length;
    },
    peek: (n) => read(n, false),
    take: (n) => read(n, true),
  };
}
