// The project's stream parsers, each as the conformance harness calls them: parseEventStream
// on the decoded body, the `.sse` import as the panel and the CLI run it (importText), and the
// replay (the browser's events written back by write-stream, as the replay server writes them),
// and the fetch/XHR capture's SSE wire decoder.
import { connectionToEventStream } from '../../../src/export/event-stream-file';
import { importText } from '../../../src/export/import-file';
import type { CaptureConnection } from '../../../src/export/capture-types';
import { ImportError } from '../../../src/export/json-read';
import { parseEventStream } from '../../../src/sse/parse-stream';
import { createWireDecoder } from '../../../src/sse/wire-decoder';
import { writeEventStream } from '../../../src/sse/write-stream';
import { chunk, random, type CorpusStream } from './corpus';
import { concatChunks, type StreamOutcome, type StreamParser } from './outcome';

function outcomeOf(text: string): StreamOutcome {
  const parsed = parseEventStream(text);
  return {
    events: parsed.events.map(({ type, data, id }) => ({ type, data, lastEventId: id })),
    lastEventId: parsed.lastEventId,
  };
}

/** parseEventStream on the body decoded as TextDecoder decodes it (one BOM dropped). */
export const parseStreamParser: StreamParser = (chunks) =>
  outcomeOf(new TextDecoder().decode(concatChunks(chunks)));

/**
 * What a capture keeps of a stream: its events. The last-event-ID is known as the last event
 * carried it; an id-only block after the last event dispatches nothing the page could see.
 */
export function captureOf(dispatched: StreamOutcome): StreamOutcome {
  return {
    events: dispatched.events,
    lastEventId: dispatched.events.at(-1)?.lastEventId ?? '',
  };
}

/**
 * The `.sse` import: the file's text with its BOM kept (the panel decodes with `ignoreBOM`, the
 * CLI reads UTF-8 with Node, which keeps it), then importText; `write` turns the imported
 * connection into the text to read back (by default none: the import's own frames and trailer).
 * A stream without events is refused, which is right when the browser dispatched none either.
 */
function importedOutcome(
  chunks: readonly Uint8Array[],
  write?: (c: CaptureConnection) => string,
): StreamOutcome {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(concatChunks(chunks));
  let connection: CaptureConnection | undefined;
  try {
    connection = importText('stream.sse', text, 0).file.connections[0];
  } catch (error) {
    if (error instanceof ImportError) return { events: [], lastEventId: '' };
    throw error;
  }
  if (connection === undefined) return { events: [], lastEventId: '' };
  if (write) return outcomeOf(write(connection));
  const events = connection.frames.map(({ type, data, id }) => ({ type, data, lastEventId: id }));
  return {
    events,
    lastEventId: connection.trailer?.lastEventId ?? events.at(-1)?.lastEventId ?? '',
  };
}

export const importParser: StreamParser = (chunks) => importedOutcome(chunks);

/** The `.sse` import exported again as `.sse` (and so replayed), read back. */
export const reexportParser: StreamParser = (chunks) =>
  importedOutcome(chunks, connectionToEventStream);

/** What the replay server writes for the events a browser dispatched. */
export function replayText(dispatched: StreamOutcome): string {
  return writeEventStream(
    dispatched.events.map(({ type, data, lastEventId }) => ({ type, data, id: lastEventId })),
  );
}

/** The replayed stream read back by parseEventStream, once that agrees with the browser. */
export function replayOutcome(dispatched: StreamOutcome): StreamOutcome {
  return outcomeOf(replayText(dispatched));
}

/** Up to 16 cut points in [1, length), drawn from the stream's own seed. */
function randomCuts(index: number, length: number): number[] {
  const rnd = random(0x3a7e + index);
  const count = Math.floor(rnd() * 17);
  return Array.from({ length: count }, () => 1 + Math.floor(rnd() * Math.max(1, length - 1)));
}

/**
 * The fetch/XHR capture's SSE wire decoder, as a page reader meets the body: cut anew at random
 * points (a reader sees the server's writes merged and split anyhow), as bytes (fetch) or as
 * the text the browser decoded (XHR `responseText` deltas, never inside a surrogate pair).
 * Its events while the stream runs are what EventSource dispatches; end() may add only the
 * unterminated event EventSource discards, which must carry its note.
 */
export function wireDecoderOutcome(stream: CorpusStream, as: 'bytes' | 'text'): StreamOutcome {
  const bytes = concatChunks(stream.chunks);
  let pieces: (Uint8Array | string)[];
  if (as === 'bytes') {
    pieces = chunk(bytes, randomCuts(stream.index, bytes.length));
  } else {
    const text = new TextDecoder().decode(bytes);
    const cuts = randomCuts(stream.index, text.length)
      .map((p) => (/[\uDC00-\uDFFF]/.test(text[p] ?? '') ? p + 1 : p))
      .filter((p) => p < text.length)
      .sort((a, b) => a - b);
    pieces = [0, ...cuts].map((from, i) => text.slice(from, cuts[i] ?? text.length));
  }
  const decoder = createWireDecoder('sse');
  const frames = pieces.flatMap((piece) => decoder.push(piece));
  const flushed = decoder.end().filter((f) => f.frameKind === 'event');
  if (flushed.length > 1 || flushed.some((f) => !f.note?.startsWith('unterminated:'))) {
    throw new Error(`end() flushed more than one unterminated event: ${JSON.stringify(flushed)}`);
  }
  const events = frames
    .filter((f) => f.frameKind === 'event')
    .map(({ type, data, id }) => ({ type, data, lastEventId: id }));
  return { events, lastEventId: events.at(-1)?.lastEventId ?? '' };
}
