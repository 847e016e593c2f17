// Where Chromium's EventSource departs from the HTML spec, which Firefox and the project's
// parsers follow. Conformance reports these apart, and fails once Chromium stops doing them.
import type { CorpusStream } from './corpus';
import { concatChunks, type Mismatch } from './outcome';

/**
 * Chromium 156 does not end a line at a CR or LF right after the BOM: it keeps it as the first
 * character of the first line, whose field name is then unknown, so that line is ignored. The
 * spec (and Firefox ESR) read an empty line there. After UTF-8 decoding, which drops the BOM,
 * the stream cannot be told from one that never had a BOM, so no text parser can follow.
 */
export function startsWithBomAndLineBreak(stream: CorpusStream): boolean {
  const head = concatChunks(stream.chunks);
  return (
    head[0] === 0xef &&
    head[1] === 0xbb &&
    head[2] === 0xbf &&
    (head[3] === 0x0a || head[3] === 0x0d)
  );
}

/** Splits mismatches into those a known Chromium departure explains and the rest. */
export function partitionChromiumOnly(mismatches: readonly Mismatch[]): {
  chromiumOnly: Mismatch[];
  differs: Mismatch[];
} {
  return {
    chromiumOnly: mismatches.filter((m) => startsWithBomAndLineBreak(m.stream)),
    differs: mismatches.filter((m) => !startsWithBomAndLineBreak(m.stream)),
  };
}
