// Turns a body's chunks into text the way the browser decodes a response: one streaming UTF-8
// decoder, so a character split across chunks is kept whole, invalid bytes become U+FFFD and
// one leading BOM is dropped. XHR chunks arrive already decoded and pass through.

export interface Utf8Chunks {
  /** The text `chunk` completes (bytes of a character cut at its end wait for the next one). */
  text(chunk: Uint8Array | string): string;
  /** The text left at the end: U+FFFD for a character the stream cut short, else ''. */
  end(): string;
}

export function createUtf8Chunks(): Utf8Chunks {
  const decoder = new TextDecoder('utf-8');
  let afterBytes = false;
  return {
    text(chunk) {
      if (typeof chunk !== 'string') {
        afterBytes = true;
        return decoder.decode(chunk, { stream: true });
      }
      if (!afterBytes) return chunk;
      // Text after bytes: a character the bytes left cut short ends here.
      afterBytes = false;
      return decoder.decode() + chunk;
    },
    end: () => decoder.decode(),
  };
}
