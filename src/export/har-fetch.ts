// The parts of a HAR entry that differ for a fetch/XHR stream: the request's real method,
// headers and body (`postData`; a binary body only by its size), and the response's status,
// headers and MIME type; an NDJSON or Connect body is saved as `content.text` (one line per
// frame), while an SSE body's events stay in Chrome's `_eventSourceMessages`.
import type { CaptureConnection, CaptureFrame, HeaderPair } from './capture-types';
import { connectionToNdjson } from './ndjson-file';
import type { HarContent, HarPostData, NameValue } from './har-types';

export function nameValues(headers: readonly HeaderPair[]): NameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}

function headerValue(headers: readonly HeaderPair[], name: string): string | null {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1] ?? null;
}

/** `postData` for the request's body, or undefined when it had none. */
export function postData(c: CaptureConnection): HarPostData | undefined {
  const body = c.request?.body;
  if (!body) return undefined;
  const mimeType = headerValue(c.request?.headers ?? [], 'content-type') ?? '';
  if (body.binary) {
    const size = body.size ?? body.kept;
    return {
      mimeType,
      text: '',
      comment: `binary body of ${size} bytes, not kept`,
      _size: size,
    };
  }
  const cut = body.size !== null && body.kept < body.size;
  return {
    mimeType,
    text: body.text,
    ...(cut && { comment: `the first ${body.kept} of ${body.size} bytes` }),
  };
}

/** The request body's size in bytes for `bodySize` (0 without one). */
export function requestBodySize(c: CaptureConnection): number {
  const body = c.request?.body;
  return body ? (body.size ?? body.kept) : 0;
}

/** `content` for a fetch stream's response: NDJSON and Connect frames as text lines. */
export function fetchContent(c: CaptureConnection, frames: CaptureFrame[]): HarContent {
  const head = c.response;
  const contentType = head ? headerValue(head.headers, 'content-type') : null;
  const size = frames.reduce((n, f) => n + (f.size ?? f.data.length), 0);
  const mimeType = contentType ?? (head ? '' : 'x-unknown');
  if (head?.format !== 'ndjson' && head?.format !== 'connect') return { size, mimeType };
  return {
    size,
    mimeType,
    text: connectionToNdjson({ ...c, frames }),
    ...(head.format === 'connect' && {
      comment: 'Connect envelope payloads, one per line; the end-of-stream envelope last',
    }),
  };
}

/** Chrome shows an SSE body's events; comment and retry frames ride in `_sseLens.frames`. */
export function isEventFrame(f: CaptureFrame): boolean {
  return f.kind === undefined;
}
