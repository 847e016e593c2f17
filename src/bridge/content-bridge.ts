// The content script's logic: a bridge between two transports. Records from the page hook
// are validated, capped, numbered and buffered; the buffer is replayed on `sync` and new
// records stream live until `detach`. Testable with in-memory transports.
import type { CapturedRecord, DocInfo } from '../capture/records';
import { LIMITS } from '../protocol/constants';
import {
  isEnvelope,
  message,
  type ContentToPanel,
  type Envelope,
  type MessageOf,
} from '../protocol/messages';
import { sanitizeHookMessage } from '../protocol/sanitize';
import { CaptureBuffer, type BufferLimits } from './capture-buffer';
import { reconnecting } from './reconnecting';
import type { Connector, Transport } from './transport';

export interface ContentBridgeOptions {
  doc: DocInfo;
  page: Transport<unknown, never>;
  connect: Connector<unknown, MessageOf<ContentToPanel>>;
  limits?: BufferLimits;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface ContentBridge {
  readonly buffer: CaptureBuffer;
  /** True while a panel has synced and receives records live. */
  readonly live: boolean;
}

/** Keeps each message well under the runtime's message size limit. */
const MAX_DATA_CHARS_PER_MESSAGE = 8 * 1024 * 1024;

export function startContentBridge(o: ContentBridgeOptions): ContentBridge {
  const buffer = new CaptureBuffer(
    o.limits ?? {
      maxRecords: LIMITS.maxBufferedRecords,
      maxDataChars: LIMITS.maxBufferedDataChars,
    },
  );
  let live = false;

  const send = (records: CapturedRecord[], sync: boolean): void => {
    let chunk: CapturedRecord[] = [];
    let chars = 0;
    const flush = (): void => {
      const m: Envelope<ContentToPanel, 'records'> = message<ContentToPanel, 'records'>('records', {
        doc: o.doc,
        records: chunk,
        evicted: buffer.evicted,
        sync,
      });
      bg.send(m);
      chunk = [];
      chars = 0;
    };
    for (const r of records) {
      const size = r.kind === 'event' ? r.data.length : 0;
      if (
        chunk.length > 0 &&
        (chunk.length >= LIMITS.maxRecordsPerMessage || chars + size > MAX_DATA_CHARS_PER_MESSAGE)
      ) {
        flush();
      }
      chunk.push(r);
      chars += size;
    }
    if (chunk.length > 0 || sync) flush();
  };

  const bg = reconnecting<unknown, MessageOf<ContentToPanel>>({
    connect: o.connect,
    ...(o.setTimer ? { setTimer: o.setTimer } : {}),
    onConnect(t) {
      live = false;
      t.send(message<ContentToPanel, 'hello'>('hello', { doc: o.doc }));
    },
    onMessage(m) {
      if (!isEnvelope(m)) return;
      if (m.type === 'sync') {
        send(buffer.all(), true);
        live = true;
      } else if (m.type === 'clear') {
        buffer.clearFrames();
      } else if (m.type === 'detach') {
        live = false;
      }
    },
  });

  o.page.onMessage((m) => {
    const { records, dropped } = sanitizeHookMessage(m);
    if (dropped > 0) buffer.noteLost(dropped);
    const numbered = buffer.append(records);
    if (live && numbered.length > 0) send(numbered, false);
  });

  return {
    buffer,
    get live() {
      return live;
    },
  };
}
