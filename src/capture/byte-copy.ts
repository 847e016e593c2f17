// Private copies of bytes the page hook keeps (stream chunks, request bodies). Never through
// %TypedArray%.prototype.slice or subarray: both look up the page-writable `constructor` and
// its Symbol.species, so a page could run code inside the hook and choose what the copy is. A
// Uint8Array constructed from another copies through internal slots only.
import type { Getter } from './intrinsics';

/** A copy of `bytes`, or of its first `count` bytes, that only the hook holds. */
export type CopyBytes = (bytes: Uint8Array, count?: number) => Uint8Array;

export function byteCopier(
  U8: Uint8ArrayConstructor,
  bufferOf: Getter<Uint8Array, ArrayBufferLike>,
  byteOffsetOf: Getter<Uint8Array, number>,
): CopyBytes {
  const apply = Reflect.apply;
  return (bytes, count) => {
    if (count === undefined) return new U8(bytes);
    const prefix = new U8(apply(bufferOf, bytes, []), apply(byteOffsetOf, bytes, []), count);
    return new U8(prefix);
  };
}
