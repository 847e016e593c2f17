// Which responses the hook treats as streams: by Content-Type (text/event-stream, NDJSON/JSONL,
// Connect streaming JSON), plus bodies served under a generic type that start like an event
// stream (shown as mislabelled). Also which requests ask for a stream before any response
// (their Accept header), so a stream still waiting for a connection slot is shown at once.
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
const GENERIC = ['text/plain', 'application/json', 'application/octet-stream'];

/** The MIME essence: lower case, parameters and whitespace gone. */
export function mimeEssence(contentType: string | null): string {
  if (contentType === null) return '';
  const semi = contentType.indexOf(';');
  return (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** A stream format, 'sniff' for a generic type whose body must be looked at, or null. */
export function formatOfType(contentType: string | null): StreamFormat | 'sniff' | null {
  const essence = mimeEssence(contentType);
  if (essence === 'text/event-stream') return 'sse';
  if (NDJSON.includes(essence)) return 'ndjson';
  if (essence === 'application/connect+json') return 'connect';
  if (essence === '' || GENERIC.includes(essence)) return 'sniff';
  return null;
}

/** True when a request's Accept header or Content-Type names a stream format. */
export function asksForStream(accept: string | null, contentType: string | null): boolean {
  if (mimeEssence(contentType) === 'application/connect+json') return true;
  if (accept === null) return false;
  return accept.split(',').some((item) => {
    const f = formatOfType(item);
    return f !== null && f !== 'sniff';
  });
}

const FIELDS = ['data:', 'event:', 'id:', 'retry:', 'data\n', 'data\r'];

/**
 * True when a body's first bytes look like an event stream: after an optional BOM, blank lines
 * aside, the first line is a comment or one of the SSE fields.
 */
export function looksLikeEventStream(first: Uint8Array | string): boolean {
  let text = '';
  const n = Math.min(first.length, 64);
  for (let i = 0; i < n; i++) {
    text +=
      typeof first === 'string' ? (first[i] as string) : String.fromCharCode(first[i] as number);
  }
  text = text.replace(/^(\uFEFF|\xEF\xBB\xBF)/, '').replace(/^[\r\n]+/, '');
  if (text.startsWith(':')) return true;
  return FIELDS.some((f) => text.startsWith(f));
}
