// Writes events back to the text/event-stream wire format, so that a browser parsing the
// output dispatches exactly the captured events: one `data:` line per line of data, `event:`
// for named types, and `id:` only where the last-event-ID buffer changes.
import type { StreamFields, StreamTrailer } from './parse-stream';

export interface WritableEvent extends StreamFields {
  type: string;
  id: string;
  data: string;
}

/** Field values other than data must stay on one line, or they would start new fields. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\0]/g, '');
}

/** `: comment` lines and a `retry:` line, as they were seen before an event. */
export function writeFields(fields: StreamFields): string {
  let text = '';
  for (const comment of fields.comments ?? []) text += `:${prefixed(oneLine(comment))}\n`;
  if (fields.retry !== undefined) text += `retry: ${Math.max(0, Math.trunc(fields.retry))}\n`;
  return text;
}

/** A space after the colon unless the value is empty, as servers conventionally write it. */
function prefixed(value: string): string {
  return value === '' ? '' : ` ${value}`;
}

/**
 * One event, given the last-event-ID buffer before it; returns the text and the buffer after.
 * An `id:` line is written only when the buffer changes, as a server that sends each id once.
 */
export function writeEvent(event: WritableEvent, lastEventId: string): string {
  let text = writeFields(event);
  if (event.type !== 'message') text += `event:${prefixed(oneLine(event.type))}\n`;
  const id = oneLine(event.id);
  if (id !== lastEventId) text += `id:${prefixed(id)}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) text += `data:${prefixed(line)}\n`;
  return `${text}\n`;
}

/**
 * A whole stream: events in order, then any trailing fields, and a block holding only `id:`
 * when the trailer's last-event-ID differs from the last event's.
 */
export function writeEventStream(
  events: readonly WritableEvent[],
  trailer: StreamTrailer = {},
  lastEventId = '',
): string {
  const parts: string[] = [];
  let buffer = lastEventId;
  for (const event of events) {
    parts.push(writeEvent(event, buffer));
    buffer = oneLine(event.id);
  }
  parts.push(writeTrailer(trailer, buffer));
  return parts.join('');
}

/**
 * What follows the last event, given the last-event-ID buffer after it: the trailing fields,
 * and a block holding only `id:` when the trailer's last-event-ID differs from the buffer.
 */
export function writeTrailer(trailer: StreamTrailer, lastEventId: string): string {
  const finalId = trailer.lastEventId === undefined ? lastEventId : oneLine(trailer.lastEventId);
  const idBlock = finalId === lastEventId ? '' : `id:${prefixed(finalId)}\n\n`;
  return writeFields(trailer) + idBlock;
}
