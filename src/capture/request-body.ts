// Reads a copy of a fetch stream's request body (Request.clone() taken before the request
// went out): the first LIMITS.maxRequestBodyBytes bytes and the true size. The page's own
// request is never touched.
import { LIMITS } from '../protocol/constants';
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { Intrinsics } from './intrinsics';

export interface ReadBody {
  bytes: Uint8Array;
  size: number;
}

export function readRequestBody(
  copy: Request,
  I: Intrinsics,
  F: FetchIntrinsics,
  done: (body: ReadBody) => void,
): void {
  const cap = LIMITS.maxRequestBodyBytes;
  if (F.requestBody === undefined) {
    // No Request.body here (Firefox): the copy is read whole, then cut.
    const whole = (buffer: ArrayBuffer): void => {
      const bytes = new F.Uint8Array(buffer);
      const size = I.apply(F.byteLength, bytes, I.noArgs);
      done({ bytes: size > cap ? I.copyBytes(bytes, cap) : bytes, size });
    };
    void F.then(I.apply(F.requestArrayBuffer, copy, I.noArgs), whole, () => undefined);
    return;
  }
  const stream = I.apply(F.requestBody, copy, I.noArgs);
  if (stream === null) return;
  const reader = I.apply(F.getReader, stream, I.noArgs);
  let kept = new F.Uint8Array(0);
  let size = 0;
  const next = (): void => {
    // A copy that fails to read leaves the body unknown; the page's request is unaffected.
    void F.then(I.apply(F.read, reader, I.noArgs), onRead, () => undefined);
  };
  const onRead = (result: ReadableStreamReadResult<Uint8Array>): void => {
    if (result.done) {
      done({ bytes: kept, size });
      return;
    }
    const n = I.apply(F.byteLength, result.value, I.noArgs);
    if (size < cap) {
      const take = n < cap - size ? n : cap - size;
      const grown = new F.Uint8Array(size + take);
      I.apply(F.u8Set, grown, [kept, 0]);
      I.apply(F.u8Set, grown, [I.copyBytes(result.value, take), size]);
      kept = grown;
    }
    size += n;
    next();
  };
  next();
}
