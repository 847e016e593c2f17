// Cuts a Connect streaming body (application/connect+json) into one frame per envelope as it
// streams: a flag byte, a 4-byte big-endian payload length, the payload. The end-of-stream
// envelope's error and trailers are summed up in its note; compressed payloads are not
// decompressed, only counted. XHR text is re-encoded as UTF-8, which only gives back the
// bytes when the page read them as text that survived decoding.
import { createByteQueue } from './byte-queue';
import { notJson, wireFrame, type WireDecoder, type WireFrame } from './wire-frame';

const PREFIX = 5;
const COMPRESSED = 0x01;
const END_STREAM = 0x02;
const GZIP_MAGIC = [0x1f, 0x8b];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The end-of-stream envelope in words: its error (or ok) and how many trailers it carries. */
function endOfStreamNote(text: string): string {
  const problem = notJson(text);
  if (problem !== undefined) return `end of stream: ${problem}`;
  const end: unknown = JSON.parse(text);
  if (!isRecord(end)) return 'end of stream: not a JSON object';
  let note = 'end of stream: ok';
  if (end.error !== undefined && end.error !== null) {
    const error = isRecord(end.error) ? end.error : {};
    const code = typeof error.code === 'string' ? error.code : 'without a code';
    note = `end of stream: error ${code}`;
    if (typeof error.message === 'string' && error.message !== '') note += `: ${error.message}`;
    if (Array.isArray(error.details) && error.details.length > 0) {
      note += ` (${plural(error.details.length, 'detail')})`;
    }
  }
  const trailers = isRecord(end.metadata) ? Object.keys(end.metadata).length : 0;
  return trailers > 0 ? `${note}; ${plural(trailers, 'trailer')}` : note;
}

function compressedNote(payload: Uint8Array): string {
  const gzip = GZIP_MAGIC.every((b, i) => payload[i] === b) ? ' (gzip)' : '';
  return `compressed payload${gzip}, ${plural(payload.length, 'byte')}, not decompressed`;
}

function joinNotes(notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => n !== undefined);
  return present.length > 0 ? present.join('; ') : undefined;
}

export function createConnectDecoder(): WireDecoder {
  const queue = createByteQueue();
  const encoder = new TextEncoder();
  /** Payloads are decoded one by one, whole: a BOM in one is kept, not taken for the body's. */
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let ended = false;

  function envelope(flags: number, payload: Uint8Array, truncation?: string): WireFrame {
    const endStream = (flags & END_STREAM) !== 0;
    const compressed = (flags & COMPRESSED) !== 0;
    const unknownFlags = flags & ~(COMPRESSED | END_STREAM);
    const data = compressed ? '' : decoder.decode(payload);
    let content: string | undefined;
    if (compressed) content = compressedNote(payload);
    else if (truncation === undefined) content = endStream ? endOfStreamNote(data) : notJson(data);
    const note = joinNotes([
      truncation,
      ended ? 'after the end-of-stream envelope' : undefined,
      unknownFlags !== 0 ? `unknown flags 0x${flags.toString(16).padStart(2, '0')}` : undefined,
      content,
    ]);
    if (endStream) ended = true;
    return wireFrame('event', endStream ? 'end-stream' : 'message', '', data, note);
  }

  return {
    push(chunk) {
      queue.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      const frames: WireFrame[] = [];
      while (queue.length >= PREFIX) {
        const prefix = queue.peek(PREFIX);
        const size = new DataView(prefix.buffer, prefix.byteOffset, PREFIX).getUint32(1);
        if (queue.length < PREFIX + size) break;
        const flags = prefix[0]!;
        queue.take(PREFIX);
        frames.push(envelope(flags, queue.take(size)));
      }
      return frames;
    },
    end() {
      const received = queue.length;
      if (received === 0) return [];
      const bytes = queue.take(received);
      if (received < PREFIX) {
        const note = `truncated: the stream ended ${plural(received, 'byte')} into an envelope's ${PREFIX}-byte prefix`;
        return [wireFrame('event', 'message', '', '', note)];
      }
      const size = new DataView(bytes.buffer, bytes.byteOffset, PREFIX).getUint32(1);
      const payload = bytes.subarray(PREFIX);
      const note = `truncated: expected ${plural(size, 'payload byte')}, received ${payload.length}`;
      return [envelope(bytes[0]!, payload, note)];
    },
  };
}
