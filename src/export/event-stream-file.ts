// Raw `text/event-stream` files (`.sse`): one connection's frames written back to the wire
// format, and such a file read as a one-connection capture. The file has no clock, so frames
// read from it all carry the import time.
import { parseEventStream } from '../sse/parse-stream';
import { writeEventStream } from '../sse/write-stream';
import { deriveAttempts } from './attempts';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureConnection,
  type CaptureFile,
} from './capture-types';
import { decodeFrame, FrameBudget } from './decode-capture';
import { ImportError } from './json-read';

export function connectionToEventStream(c: CaptureConnection): string {
  return writeEventStream(c.frames, c.trailer);
}

export function decodeEventStream(text: string, name: string, now: number): CaptureFile {
  const { events, trailer } = parseEventStream(text);
  if (events.length === 0) {
    throw new ImportError('no events: the file is not a text/event-stream with at least one event');
  }
  new FrameBudget().take(events.length);
  const frames = events.map((e, i) =>
    decodeFrame({ ...e, t: now, source: 'wire' }, `event ${i + 1}`),
  );
  const transitions = [
    { t: now, readyState: 0 as const, cause: 'create' as const },
    { t: now, readyState: 1 as const, cause: 'open' as const },
  ];
  const hasTrailer =
    trailer.comments !== undefined ||
    trailer.retry !== undefined ||
    trailer.lastEventId !== undefined;
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    exportedAt: now,
    generator: { name: '', version: '' },
    scope: 'all',
    redaction: null,
    evicted: 0,
    connections: [
      {
        id: 'c1',
        url: name,
        kind: 'eventsource',
        withCredentials: false,
        page: { url: null },
        frame: { url: '', top: true },
        createdAt: now,
        closedAt: null,
        state: 'open',
        stack: '',
        listenedTypes: [],
        transitions,
        attempts: deriveAttempts(now, transitions, frames),
        received: frames.length,
        frames,
        ...(hasTrailer && { trailer }),
      },
    ],
  };
}
