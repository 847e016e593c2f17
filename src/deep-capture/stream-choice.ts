// Which responses Firefox's deep capture follows, decided at the response head from its
// Content-Type by the page hook's own rules (src/capture/stream-format.ts): event streams,
// NDJSON/JSONL and Connect streaming JSON at once; bodies under a generic type only once their
// first bytes look like an event stream (the page hook shows those as mislabelled). Also the
// API a request most likely came from, since Firefox reports them all as "xmlhttprequest".
import { formatOfType } from '../capture/stream-format';
import type { RequestDetails } from './web-request-api';
import type { WireApi } from './wire-records';

export type Choice = 'follow' | 'sniff' | null;

function header(headers: RequestDetails['requestHeaders'], name: string): string | null {
  for (const h of headers ?? []) if (h.name.toLowerCase() === name) return h.value ?? '';
  return null;
}

/** Follow the response, look at its first bytes first, or let it be. */
export function choose(details: RequestDetails): Choice {
  const format = formatOfType(header(details.responseHeaders, 'content-type'));
  if (format === null) return null;
  return format === 'sniff' ? 'sniff' : 'follow';
}

/**
 * An EventSource sends GET with `Accept: text/event-stream` and nothing else in that header;
 * a fetch can send the same, so this is a guess the panel does not rely on for binding.
 */
export function guessApi(method: string, accept: string | null): WireApi {
  return method === 'GET' && accept === 'text/event-stream' ? 'eventsource' : 'fetch';
}

/** The request's Accept header, as onSendHeaders reports it. */
export function acceptOf(details: RequestDetails): string | null {
  return header(details.requestHeaders, 'accept');
}
