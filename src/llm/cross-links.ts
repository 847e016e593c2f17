// Links between assembled text and the frames that carried it, both ways: the frame behind
// an offset the user clicked, and the runs of text a selected frame contributed.
import type { TextSpan } from './conversation';

/** The frame that carried the character at `offset`; null outside the text. Spans are in order. */
export function frameAtOffset(spans: readonly TextSpan[], offset: number): number | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) return null;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return span.frame;
  }
  return null;
}

/** The runs of text a frame contributed, in order (several when a frame carried several deltas). */
export function spansOfFrame(spans: readonly TextSpan[], frame: number): TextSpan[] {
  return spans.filter((span) => span.frame === frame);
}
