// What a stream parser must reproduce of the browser's EventSource: every dispatched event's
// type, data and lastEventId, and the last-event-ID a reconnect sends. Compares any parser with
// the browser's outcomes, so each parser in the project (import, replay, fetch capture) is
// checked against the same corpus.
import type { CorpusStream } from './corpus';

export interface DispatchedEvent {
  type: string;
  data: string;
  lastEventId: string;
}

export interface StreamOutcome {
  events: DispatchedEvent[];
  /** The `Last-Event-ID` of the reconnect after the stream ended ('' when none was sent). */
  lastEventId: string;
}

/** A parser of bytes under test: the chunks as the server wrote them in, what it dispatched out. */
export type StreamParser = (chunks: readonly Uint8Array[]) => StreamOutcome;

export interface Mismatch {
  stream: CorpusStream;
  expected: StreamOutcome;
  actual: StreamOutcome | { error: string };
}

/** The streams where `parser` does not give the expected outcome (the browser's, by index). */
export function compareOutcomes(
  corpus: readonly CorpusStream[],
  expectedOutcomes: readonly StreamOutcome[],
  parser: (stream: CorpusStream) => StreamOutcome,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  corpus.forEach((stream, i) => {
    const expected = expectedOutcomes[i];
    if (expected === undefined) throw new Error(`no expected outcome for stream ${i}`);
    let actual: StreamOutcome | { error: string };
    try {
      actual = parser(stream);
    } catch (error) {
      actual = { error: String(error) };
    }
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      mismatches.push({ stream, expected, actual });
    }
  });
  return mismatches;
}

export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** Bytes as readable text: printable ASCII as is, everything else escaped; long runs folded. */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out.replace(/(.)\1{15,}/g, (run, ch: string) => `${ch}{×${run.length}}`);
}

const shown = (value: unknown): string =>
  JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, ' ')
    .replace(/(.)\1{15,}/g, (run, ch: string) => `${ch}{×${run.length}}`);

/** The shortest failing stream, chunk by chunk, with what the browser and the parser gave. */
export function describeMismatches(name: string, mismatches: readonly Mismatch[]): string {
  if (mismatches.length === 0) return `${name}: no mismatches`;
  const size = (m: Mismatch) => concatChunks(m.stream.chunks).length;
  const smallest = [...mismatches].sort((a, b) => size(a) - size(b))[0]!;
  return [
    `${name}: ${mismatches.length} mismatches; the smallest, stream #${smallest.stream.index}:`,
    `  chunks:  ${smallest.stream.chunks.map((c) => `"${escapeBytes(c)}"`).join(' | ')}`,
    `  browser: ${shown(smallest.expected)}`,
    `  parser:  ${shown(smallest.actual)}`,
  ].join('\n');
}
