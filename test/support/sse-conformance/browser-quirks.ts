// Where Chromium's EventSource departs from the HTML spec, which Firefox and the project's
// parsers follow. Conformance tells these apart from real mismatches, and fails once Chromium
// stops doing them.
import type { CorpusStream } from './corpus';
import { concatChunks, type Mismatch, type StreamOutcome } from './outcome';

const BOM = [0xef, 0xbb, 0xbf];
const CR = 0x0d;
const LF = 0x0a;

/**
 * Chromium 156 does not end a line at a CR or LF right after the BOM: it keeps it as the first
 * character of the first line, whose field name is then unknown, so that line is ignored. The
 * spec (and Firefox ESR) read an empty line there. After UTF-8 decoding, which drops the BOM,
 * such a stream cannot be told from one that never had a BOM, so no text parser can follow.
 * Returns the stream as Chromium reads it (that line break made a letter, so the line is an
 * unknown field), or null when the stream does not start with a BOM and a line break.
 */
export function asChromiumReadsIt(stream: CorpusStream): CorpusStream | null {
  const bytes = concatChunks(stream.chunks);
  const quirk = BOM.every((b, i) => bytes[i] === b) && (bytes[3] === CR || bytes[3] === LF);
  if (!quirk) return null;
  let offset = 0;
  const chunks = stream.chunks.map((chunk) => {
    const copy = Uint8Array.from(chunk);
    if (offset <= 3 && 3 < offset + chunk.length) copy[3 - offset] = 'x'.charCodeAt(0);
    offset += chunk.length;
    return copy;
  });
  return { index: stream.index, chunks };
}

/**
 * Splits mismatches into those Chromium's departure explains (the parser, given the stream as
 * Chromium reads it, agrees with Chromium) and the rest.
 */
export function partitionChromiumOnly(
  mismatches: readonly Mismatch[],
  parser: (stream: CorpusStream) => StreamOutcome,
): { chromiumOnly: Mismatch[]; differs: Mismatch[] } {
  const explained = (m: Mismatch): boolean => {
    const rewritten = asChromiumReadsIt(m.stream);
    return rewritten !== null && JSON.stringify(parser(rewritten)) === JSON.stringify(m.expected);
  };
  return {
    chromiumOnly: mismatches.filter(explained),
    differs: mismatches.filter((m) => !explained(m)),
  };
}
