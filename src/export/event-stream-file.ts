// Raw `text/event-stream` files (`.sse`): one connection's frames written back to the wire
// format (a fetch stream's comment and retry frames as the lines they were), and such a file
// read as a one-connection capture. The file has no clock, so frames read from it all carry
// the import time.
import { parseEventStream, type StreamFields, type StreamTrailer } from '../sse/parse-stream';
import { writeEventStream, type WritableEvent } from '../sse/write-stream';
import type { CaptureConnection, CaptureFile, CaptureFrame } from './capture-types';
import { decodeFrame, FrameBudget } from './decode-capture';
import { said } from '../i18n/shared';
import { ImportError } from './json-read';
import { singleStreamCapture } from './single-stream-capture';

export function connectionToEventStream(c: CaptureConnection): string {
  const { events, trailer } = foldWireFields(c.frames, c.trailer ?? {});
  return writeEventStream(events, trailer);
}

/**
 * Events with the comment and `retry:` frames before each folded into its fields, and those
 * after the last event into the trailer: the same lines, in the same order, on the wire.
 */
export function foldWireFields(
  frames: readonly CaptureFrame[],
  trailer: StreamTrailer,
): { events: WritableEvent[]; trailer: StreamTrailer } {
  const events: WritableEvent[] = [];
  let pending: StreamFields = {};
  for (const f of frames) {
    if (f.kind === 'comment') (pending.comments ??= []).push(f.data);
    else if (f.kind === 'retry') pending.retry = Number(f.data);
    else {
      const comments = [...(pending.comments ?? []), ...(f.comments ?? [])];
      const retry = f.retry ?? pending.retry;
      events.push({
        ...f,
        ...(comments.length > 0 && { comments }),
        ...(retry !== undefined && { retry }),
      });
      pending = {};
    }
  }
  const comments = [...(pending.comments ?? []), ...(trailer.comments ?? [])];
  const retry = trailer.retry ?? pending.retry;
  return {
    events,
    trailer: {
      ...trailer,
      ...(comments.length > 0 && { comments }),
      ...(retry !== undefined && { retry }),
    },
  };
}

export function decodeEventStream(text: string, name: string, now: number): CaptureFile {
  const { events, trailer } = parseEventStream(text);
  if (events.length === 0) {
    throw new ImportError(said('import.noEvents'));
  }
  new FrameBudget().take(events.length);
  const frames = events.map((e, i) =>
    decodeFrame({ ...e, t: now, source: 'wire' }, `event ${i + 1}`),
  );
  const hasTrailer =
    trailer.comments !== undefined ||
    trailer.retry !== undefined ||
    trailer.lastEventId !== undefined;
  return singleStreamCapture(name, now, frames, {
    kind: 'eventsource',
    ...(hasTrailer && { trailer }),
  });
}
