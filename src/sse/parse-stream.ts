// Reads a text/event-stream body into events the way a browser dispatches them (type defaults
// to `message`, `id` is the last-event-ID buffer), keeping the comments and `retry:` fields
// seen before each event, and the last-event-ID a reconnect would send. Parsing is
// eventsource-parser's; this only folds its callbacks.
import { createParser } from 'eventsource-parser';

/** Comments and a `retry:` value seen on the wire before an event (or after the last one). */
export interface StreamFields {
  comments?: string[];
  retry?: number;
}

/**
 * What a stream holds after its last event: comments, `retry:`, and the last-event-ID when a
 * block holding only `id:` changed it (a reconnect sends it; the page never sees it).
 */
export interface StreamTrailer extends StreamFields {
  lastEventId?: string;
}

export interface ParsedEvent extends StreamFields {
  type: string;
  /** The last-event-ID buffer when the event was dispatched, as `MessageEvent.lastEventId`. */
  id: string;
  data: string;
}

export interface ParsedStream {
  events: ParsedEvent[];
  /** Comments, `retry:` and a changed last-event-ID after the last event. */
  trailer: StreamTrailer;
  /**
   * The last-event-ID after the whole stream: what a reconnect sends as `Last-Event-ID`. A block
   * holding only `id:` (no data) dispatches nothing but still sets it, as in the browser.
   */
  lastEventId: string;
}

const BOM = '\uFEFF';

/**
 * Parses a whole stream, decoded from UTF-8 with its BOM dropped (as TextDecoder does);
 * `lastEventId` is the buffer's value before it (a reconnect's header).
 */
export function parseEventStream(text: string, lastEventId = ''): ParsedStream {
  const events: ParsedEvent[] = [];
  let pending: StreamFields = {};
  let buffer = lastEventId;
  const parser = createParser({
    // Called at the end of every block that held a valid `id:`, with or without data.
    onId(id) {
      buffer = id;
    },
    onEvent(message) {
      events.push({ ...pending, type: message.event ?? 'message', id: buffer, data: message.data });
      pending = {};
    },
    onRetry(ms) {
      pending.retry = ms;
    },
    onComment(comment) {
      (pending.comments ??= []).push(comment);
    },
  });
  // The browser drops one leading BOM, the one UTF-8 decoding (TextDecoder, File.text())
  // already dropped from `text`. A second U+FEFF, or "ï»¿", starts the first field's name;
  // eventsource-parser would drop either as a BOM, so it is handed one of its own first.
  parser.feed(BOM);
  parser.feed(text);
  // A final event needs its blank line; without one the browser discards it, and so do we.
  const before = events.at(-1)?.id ?? lastEventId;
  const trailer: StreamTrailer = buffer === before ? pending : { ...pending, lastEventId: buffer };
  return { events, trailer, lastEventId: buffer };
}
