// The decoder the content script runs on a fetch/XHR stream's body, chosen by its format:
// text/event-stream, newline-delimited JSON, or Connect streaming JSON.
import type { StreamFormat } from '../capture/records';
import { createConnectDecoder } from './decode-connect';
import { createNdjsonDecoder } from './decode-ndjson';
import { createSseDecoder } from './decode-sse';
import type { WireDecoder } from './wire-frame';

export type { WireDecoder, WireFrame } from './wire-frame';

/** `lastEventId`: for SSE, the Last-Event-ID the request sent (the buffer's first value). */
export function createWireDecoder(format: StreamFormat, lastEventId = ''): WireDecoder {
  switch (format) {
    case 'sse':
      return createSseDecoder(lastEventId);
    case 'ndjson':
      return createNdjsonDecoder();
    case 'connect':
      return createConnectDecoder();
  }
}
