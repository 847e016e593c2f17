// Cuts a newline-delimited JSON body (NDJSON, JSON Lines) into one frame per line as it
// streams. A line that is not JSON is kept and flagged, never dropped; only the line still
// being received is held.
import { createUtf8Chunks } from './utf8-chunks';
import { notJson, wireFrame, type WireDecoder, type WireFrame } from './wire-frame';

function lineFrame(line: string, frames: WireFrame[]): void {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text !== '') frames.push(wireFrame('event', 'message', '', text, notJson(text)));
}

export function createNdjsonDecoder(): WireDecoder {
  const utf8 = createUtf8Chunks();
  /** The line being received, in pieces: joined once its LF arrives, not once per chunk. */
  const tail: string[] = [];

  function cut(text: string): WireFrame[] {
    const frames: WireFrame[] = [];
    let lf = text.indexOf('\n');
    if (lf === -1) {
      if (text !== '') tail.push(text);
      return frames;
    }
    tail.push(text.slice(0, lf));
    lineFrame(tail.join(''), frames);
    tail.length = 0;
    let start = lf + 1;
    while ((lf = text.indexOf('\n', start)) !== -1) {
      lineFrame(text.slice(start, lf), frames);
      start = lf + 1;
    }
    if (start < text.length) tail.push(text.slice(start));
    return frames;
  }

  return {
    push: (chunk) => cut(utf8.text(chunk)),
    end() {
      const frames = cut(utf8.end());
      // A last line without its LF is still a line in NDJSON.
      lineFrame(tail.join(''), frames);
      tail.length = 0;
      return frames;
    },
  };
}
