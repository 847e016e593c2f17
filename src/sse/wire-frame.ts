// The frames a fetch/XHR body is cut into, and the decoder interface every body format
// (text/event-stream, NDJSON, Connect streaming JSON) implements: the content script feeds it
// the chunks the page consumed and gets back the frames they complete.
import type { FrameKind } from '../capture/records';

export interface WireFrame {
  frameKind: FrameKind;
  /** The event type ('message' by default; Connect: 'message' or 'end-stream'); '' for comment/retry. */
  type: string;
  /** SSE: the last-event-ID buffer at dispatch, like MessageEvent.lastEventId; '' otherwise. */
  id: string;
  /** Event data, comment text, `retry:` in ms as a decimal string, an NDJSON line or a Connect payload. */
  data: string;
  /** What is wrong or special about the frame, in words. */
  note?: string;
}

export interface WireDecoder {
  /** Feed the next chunk as the page consumed it: bytes (fetch) or already-decoded text (XHR responseText deltas). Returns the frames it completes. */
  push(chunk: Uint8Array | string): WireFrame[];
  /** The stream ended: flush whatever is pending (an unterminated SSE event or trailing NDJSON line, a truncated Connect envelope) as frames with a note, so nothing is lost silently. */
  end(): WireFrame[];
}

/** A frame, with `note` only when there is one (so frames compare equal whatever made them). */
export function wireFrame(
  frameKind: FrameKind,
  type: string,
  id: string,
  data: string,
  note?: string,
): WireFrame {
  return note === undefined ? { frameKind, type, id, data } : { frameKind, type, id, data, note };
}

/** Why `text` is not JSON ('not JSON: ' and the parser's message), or undefined when it is. */
export function notJson(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}
