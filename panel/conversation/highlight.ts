// Splits a block of assembled text into the runs a selected frame contributed and the text
// between them, so the view renders a handful of nodes (text, <mark>, text…) instead of one
// element per delta, which would be hundreds of thousands on a long stream.
import { spansOfFrame } from '../../src/llm/cross-links';
import type { TextSpan } from '../../src/llm/conversation';

export interface TextSegment {
  text: string;
  /** Offset of the segment's first character in the whole text. */
  start: number;
  marked: boolean;
}

export function textSegments(
  text: string,
  spans: readonly TextSpan[],
  frame: number | null,
): TextSegment[] {
  const runs = frame === null ? [] : mergeRuns(spansOfFrame(spans, frame));
  const out: TextSegment[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) out.push({ text: text.slice(at, run.start), start: at, marked: false });
    out.push({ text: text.slice(run.start, run.end), start: run.start, marked: true });
    at = run.end;
  }
  if (at < text.length || out.length === 0)
    out.push({ text: text.slice(at), start: at, marked: false });
  return out;
}

/** Touching runs of one frame become one mark. */
function mergeRuns(spans: readonly TextSpan[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = runs.at(-1);
    if (last && last.end === span.start) last.end = span.end;
    else if (span.end > span.start) runs.push({ start: span.start, end: span.end });
  }
  return runs;
}

/** The frames that carried text, in text order without repeats: what the arrow keys step through. */
export function framesInTextOrder(spans: readonly TextSpan[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const span of spans) {
    if (seen.has(span.frame)) continue;
    seen.add(span.frame);
    out.push(span.frame);
  }
  return out;
}
