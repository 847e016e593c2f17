// Reads a text/event-stream body into events the way a browser dispatches them (type defaults
// to `message`, `id` is the last-event-ID buffer), keeping the comments and `retry:` fields
// seen before each event. Parsing is eventsource-parser's; this only folds its callbacks.
import { createParser } from 'eventsource-parser';

/** Comments and a `retry:` value seen on the wire before an event (or after the last one). */
export interface StreamFields {
  comments?: string[];
  retry?: number;
}

export interface ParsedEvent extends StreamFields {
  type: string;
  /** The last-event-ID buffer when the event was dispatched, as `MessageEvent.lastEventId`. */
  id: string;
  data: string;
}

export interface ParsedStream {
  events: ParsedEvent[];
  /** Comments and `retry:` after the last event. */
  trailer: StreamFields;
}

/** Parses a whole stream; `lastEventId` is the buffer's value before it (a reconnect's header). */
export function parseEventStream(text: string, lastEventId = ''): ParsedStream {
  const events: ParsedEvent[] = [];
  let pending: StreamFields = {};
  let buffer = lastEventId;
  const parser = createParser({
    onEvent(message) {
      if (message.id !== undefined) buffer = message.id;
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
  // A decoded stream may still start with U+FEFF, which the browser's decoder would drop.
  parser.feed(text.startsWith('\uFEFF') ? text.slice(1) : text);
  // A final event needs its blank line; without one the browser discards it, and so do we.
  return { events, trailer: pending };
}
