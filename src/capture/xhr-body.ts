// A copy of what XMLHttpRequest.send() was given, taken before the native send so that later
// changes the page makes to a buffer do not show: its first LIMITS.maxRequestBodyBytes bytes
// and its size. Strings and URLSearchParams as UTF-8; ArrayBuffers and views as their bytes;
// a Blob by its size alone (reading it would need a FileReader the page could observe);
// FormData as `name=value` lines, a file as `name=<file "x.txt", N bytes>`, and its size is
// that text's. A Document or an object of another kind gives null: its text would have to
// come from page code (a toString the page may have written), which the hook never runs.
// Text is encoded only when the body is wanted (the request turned out to be a stream), so
// an ordinary upload costs no copy of its text.
import { LIMITS } from '../protocol/constants';
import type { Intrinsics } from './intrinsics';
import type { ReadBody } from './request-body';
import type { XhrIntrinsics } from './xhr-intrinsics';

/** The body's copy, made (for text: encoded) when called. */
export type SendBody = () => ReadBody;

export function copySendBody(body: unknown, I: Intrinsics, X: XhrIntrinsics): SendBody | null {
  switch (typeof body) {
    case 'string':
      return textBody(body, I, X);
    case 'number':
    case 'boolean':
    case 'bigint':
      return textBody(`${body}`, I, X);
    case 'object':
      return body === null ? null : objectBody(body, I, X);
    default:
      return null;
  }
}

function textBody(text: string, I: Intrinsics, X: XhrIntrinsics): SendBody {
  return () => {
    const bytes = X.encode(text);
    const max = LIMITS.maxRequestBodyBytes;
    const size = bytes.length;
    return { bytes: size > max ? I.copyBytes(bytes, max) : bytes, size };
  };
}

/** Each kind is recognised by a brand check (a captured getter or method that throws). */
function objectBody(body: object, I: Intrinsics, X: XhrIntrinsics): SendBody | null {
  const is = <T>(read: (this: T) => unknown): boolean => {
    try {
      I.apply(read, body as T, I.noArgs);
      return true;
    } catch {
      return false;
    }
  };
  /** The first bytes of the `length` bytes at `offset` in `buffer`, copied. */
  const bufferBytes = (buffer: ArrayBuffer, offset: number, length: number): SendBody => {
    const max = LIMITS.maxRequestBodyBytes;
    const view = new X.Uint8Array(buffer, offset, length > max ? max : length);
    const copy = { bytes: I.copyBytes(view), size: length };
    return () => copy;
  };
  if (is(X.bufferByteLength)) {
    const buffer = body as ArrayBuffer;
    return bufferBytes(buffer, 0, I.apply(X.bufferByteLength, buffer, I.noArgs));
  }
  if (X.isView(body)) {
    if (is(I.bufferOf)) {
      const typed = body as Uint8Array;
      return bufferBytes(
        I.apply(I.bufferOf, typed, I.noArgs) as ArrayBuffer,
        I.apply(I.byteOffsetOf, typed, I.noArgs),
        I.apply(X.typedByteLength, typed, I.noArgs),
      );
    }
    const view = body as DataView;
    return bufferBytes(
      I.apply(X.viewBuffer, view, I.noArgs),
      I.apply(X.viewByteOffset, view, I.noArgs),
      I.apply(X.viewByteLength, view, I.noArgs),
    );
  }
  if (is(X.blobSize)) {
    const sized = { bytes: new X.Uint8Array(0), size: I.apply(X.blobSize, body as Blob, I.noArgs) };
    return () => sized;
  }
  if (is(X.searchParamsToString)) {
    return textBody(I.apply(X.searchParamsToString, body as URLSearchParams, I.noArgs), I, X);
  }
  let lines = '';
  const line = (value: FormDataEntryValue, name: string): void => {
    const text =
      typeof value === 'string'
        ? value
        : `<file "${I.apply(X.fileName, value, I.noArgs)}", ${I.apply(X.blobSize, value, I.noArgs)} bytes>`;
    lines += `${lines === '' ? '' : '\n'}${name}=${text}`;
  };
  try {
    I.apply(X.formDataForEach, body as FormData, [line]);
  } catch {
    return null;
  }
  return textBody(lines, I, X);
}
