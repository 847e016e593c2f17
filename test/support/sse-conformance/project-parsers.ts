// The project's stream parsers, each as the conformance harness calls them: parseEventStream
// on the decoded body, the `.sse` import as the panel and the CLI run it (importText), and the
// replay (the browser's events written back by write-stream, as the replay server writes them).
import { importText } from '../../../src/export/import-file';
import { ImportError } from '../../../src/export/json-read';
import { parseEventStream } from '../../../src/sse/parse-stream';
import { writeEventStream } from '../../../src/sse/write-stream';
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
 * CLI reads UTF-8 with Node, which keeps it), then importText. A stream without events is
 * refused, which is right when the browser dispatched none either.
 */
export const importParser: StreamParser = (chunks) => {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(concatChunks(chunks));
  try {
    const frames = importText('stream.sse', text, 0).file.connections[0]?.frames ?? [];
    return captureOf({
      events: frames.map(({ type, data, id }) => ({ type, data, lastEventId: id })),
      lastEventId: '',
    });
  } catch (error) {
    if (error instanceof ImportError) return { events: [], lastEventId: '' };
    throw error;
  }
};

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
