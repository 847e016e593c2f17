// A raw stream file (`.sse`, `.ndjson`) read as a capture of one connection: the file has no
// clock and no request, so the connection opens and every frame arrives at the import time.
import { deriveAttempts } from './attempts';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureConnection,
  type CaptureFile,
  type CaptureFrame,
} from './capture-types';

/** What a raw file says beyond its frames: its kind, and what it holds after them or about its response. */
export type StreamExtras = Pick<CaptureConnection, 'kind'> &
  Partial<Pick<CaptureConnection, 'trailer' | 'response'>>;

export function singleStreamCapture(
  name: string,
  now: number,
  frames: CaptureFrame[],
  extras: StreamExtras,
): CaptureFile {
  const transitions = [
    { t: now, readyState: 0 as const, cause: 'create' as const },
    { t: now, readyState: 1 as const, cause: 'open' as const },
  ];
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
        ...extras,
      },
    ],
  };
}
