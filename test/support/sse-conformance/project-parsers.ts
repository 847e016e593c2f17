// The project's stream parsers, each as the conformance harness calls them: the `.sse` import
// (the file read as text the way the panel reads it, then parseEventStream) and the replay
// (the browser's events written back by write-stream, as the replay server writes them).
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

/** `.sse` import: `File.text()` decodes UTF-8 (dropping one BOM), then parseEventStream. */
export const importParser: StreamParser = (chunks) =>
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
