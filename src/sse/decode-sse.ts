// Cuts a text/event-stream body into wire frames as it streams: events as EventSource would
// dispatch them (type, last-event-ID buffer, data), and the comments and `retry:` fields it
// never shows, each as a frame of its own in wire order. Parsing is eventsource-parser's, fed
// as parseEventStream feeds it, so the BOM is handled as the browser does. An event the
// stream ended before dispatching is kept, with a note, where EventSource would discard it.
import { createParser } from 'eventsource-parser';
import { createUtf8Chunks } from './utf8-chunks';
import { wireFrame, type WireDecoder, type WireFrame } from './wire-frame';

const BOM = '\uFEFF';
const UNTERMINATED_EVENT =
  'unterminated: the stream ended before the blank line that dispatches it';
const UNTERMINATED_LINE = 'unterminated: the stream ended before the end of this line';

/** `lastEventId`: the last-event-ID buffer before the stream (the request's Last-Event-ID). */
export function createSseDecoder(lastEventId = ''): WireDecoder {
  const utf8 = createUtf8Chunks();
  let frames: WireFrame[] = [];
  let buffer = lastEventId;
  /** Set while end() flushes: whatever is completed then was cut short by the stream's end. */
  let ending = false;
  const parser = createParser({
    // Called at the end of every block that held a valid `id:`, with or without data.
    onId(id) {
      buffer = id;
    },
    onEvent(message) {
      const note = ending ? UNTERMINATED_EVENT : undefined;
      frames.push(wireFrame('event', message.event ?? 'message', buffer, message.data, note));
    },
    onRetry(ms) {
      frames.push(wireFrame('retry', '', '', String(ms), ending ? UNTERMINATED_LINE : undefined));
    },
    onComment(comment) {
      frames.push(wireFrame('comment', '', '', comment, ending ? UNTERMINATED_LINE : undefined));
    },
  });
  // The leading BOM is UTF-8 decoding's to drop (once); eventsource-parser would also drop a
  // second one, or the characters "ï»¿", so it is handed a BOM of its own first.
  parser.feed(BOM);

  const completed = (): WireFrame[] => {
    const out = frames;
    frames = [];
    return out;
  };
  return {
    push(chunk) {
      parser.feed(utf8.text(chunk));
      return completed();
    },
    end() {
      parser.feed(utf8.end());
      ending = true;
      // The first LF ends a cut line (or is the LF of a CRLF whose CR ended the stream, which
      // the parser swallows); the second is the blank line that dispatches what is pending.
      // A blank line with nothing pending dispatches nothing.
      parser.feed('\n\n');
      return completed();
    },
  };
}
