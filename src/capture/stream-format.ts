// Which responses the hook treats as streams: by Content-Type (text/event-stream, NDJSON/JSONL,
// Connect streaming JSON), plus bodies served under a generic type that start like an event
// stream (shown as mislabelled). Also which requests ask for a stream before any response
// (their Accept header), so a stream still waiting for a connection slot is shown at once.
// Runs in the page hook after page scripts may have replaced String.prototype and
// Array.prototype methods, so it reads characters by index and calls none of them.
import { lowerAsciiChar } from './ascii';
import type { StreamFormat } from './records';

const NDJSON = [
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonl',
  'application/jsonlines',
  'application/x-jsonlines',
];
/** Types a stream is often served under by mistake: their bodies are looked at. */
const GENERIC = ['', 'text/plain', 'application/json', 'application/octet-stream'];
/** How an event stream's first line can start (after a BOM and blank lines). */
export const FIELDS = [':', 'data:', 'event:', 'id:', 'retry:', 'data\n', 'data\r'];

function within(list: readonly string[], value: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true;
  return false;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t';

/** One list item or header value's MIME essence: lower case, parameters and whitespace gone. */
function essenceOf(text: string, from: number, to: number): string {
  let start = from;
  let end = to;
  for (let i = from; i < to; i++) {
    if (text[i] === ';') {
      end = i;
      break;
    }
  }
  while (start < end && isSpace(text[start] as string)) start++;
  while (end > start && isSpace(text[end - 1] as string)) end--;
  let out = '';
  for (let i = start; i < end; i++) {
    out += lowerAsciiChar(text[i] as string);
  }
  return out;
}

/** The MIME essence: lower case, parameters and whitespace gone. */
export function mimeEssence(contentType: string | null): string {
  return contentType === null ? '' : essenceOf(contentType, 0, contentType.length);
}

function formatOfEssence(essence: string): StreamFormat | 'sniff' | null {
  if (essence === 'text/event-stream') return 'sse';
  if (within(NDJSON, essence)) return 'ndjson';
  if (essence === 'application/connect+json') return 'connect';
  return within(GENERIC, essence) ? 'sniff' : null;
}

/** A stream format, 'sniff' for a generic type whose body must be looked at, or null. */
export function formatOfType(contentType: string | null): StreamFormat | 'sniff' | null {
  return formatOfEssence(mimeEssence(contentType));
}

/** True when a request's Accept header or Content-Type names a stream format. */
export function asksForStream(accept: string | null, contentType: string | null): boolean {
  if (mimeEssence(contentType) === 'application/connect+json') return true;
  if (accept === null) return false;
  let from = 0;
  for (let i = 0; i <= accept.length; i++) {
    if (i < accept.length && accept[i] !== ',') continue;
    const f = formatOfEssence(essenceOf(accept, from, i));
    if (f !== null && f !== 'sniff') return true;
    from = i + 1;
  }
  return false;
}

/**
 * The same prefixes as byte values (all ASCII), for bodies read as bytes; written out, as
 * computing them would cost every document's install (stream-format.test.ts checks them).
 */
export const FIELD_BYTES = [
  [0x3a],
  [0x64, 0x61, 0x74, 0x61, 0x3a],
  [0x65, 0x76, 0x65, 0x6e, 0x74, 0x3a],
  [0x69, 0x64, 0x3a],
  [0x72, 0x65, 0x74, 0x72, 0x79, 0x3a],
  [0x64, 0x61, 0x74, 0x61, 0x0a],
  [0x64, 0x61, 0x74, 0x61, 0x0d],
];
const BOM_BYTES = [0xef, 0xbb, 0xbf];
const CR = 13;
const LF = 10;

function startsAt<T>(body: ArrayLike<T>, at: number, prefix: ArrayLike<T>): boolean {
  if (body.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (body[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * True when a body's first bytes (or, from XHR, characters) look like an event stream: after
 * an optional BOM and blank lines, the first line is a comment or one of the SSE fields.
 */
export function looksLikeEventStream(first: Uint8Array | string): boolean {
  if (typeof first === 'string') {
    let at = first[0] === '\uFEFF' ? 1 : 0;
    while (first[at] === '\r' || first[at] === '\n') at++;
    for (let i = 0; i < FIELDS.length; i++)
      if (startsAt(first, at, FIELDS[i] as string)) return true;
    return false;
  }
  let at = startsAt(first, 0, BOM_BYTES) ? 3 : 0;
  while (first[at] === CR || first[at] === LF) at++;
  for (let i = 0; i < FIELD_BYTES.length; i++) {
    if (startsAt(first, at, FIELD_BYTES[i] as number[])) return true;
  }
  return false;
}
