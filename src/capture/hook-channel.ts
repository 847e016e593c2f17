// The page hook's side of the private channel. The content script hands over a MessagePort
// in one tagged window message, delivered before any page script can listen; the hook takes
// it, hides that message from page listeners, and from then on sends batched records only
// through the port. Nothing the page posts to the window is ever read after that.
// Batches are arrays with a null prototype: appending to one never reaches a setter the
// page may have put on Array.prototype. Buffers only the hook holds (its copies of stream
// chunks) are handed over with their batch (transferred), not copied again.
import type { HookRecord } from './records';
import type { Intrinsics } from './intrinsics';
import {
  HANDSHAKE_SOURCE,
  HOOK_FLUSH_MS,
  HOOK_FLUSH_RECORDS,
  PROTOCOL_VERSION,
} from '../protocol/constants';
import type { Envelope, HookToContent } from '../protocol/messages';

/**
 * Records kept while no port has arrived yet (e.g. a frame without a content script), and
 * the characters (UTF-16 code units) of the strings they hold; further records are dropped
 * and counted.
 */
export const MAX_PENDING = 10_000;
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

export interface HookSink {
  /** `transfer`: a buffer only the hook holds (a chunk's copy), handed over with the batch. */
  record(r: HookRecord, transfer?: ArrayBufferLike): void;
}

/** The characters of the strings one record holds. */
function charsOf(r: HookRecord, I: Intrinsics): number {
  if (I.isArray(r)) return r[2].length + r[3].length + r[4].length + r[5].length;
  switch (r.kind) {
    case 'connection':
      return r.url.length + r.frameUrl.length + r.stack.length;
    case 'listen':
      return r.type.length;
    case 'chunk':
      return r.data.length;
    case 'body':
      return r.bytes.length;
    default:
      return 0;
  }
}

/**
 * The buffers to transfer with a batch, as an iterable the hook made: postMessage reads a
 * transfer list through its iterator, and an array's is the page's Array.prototype's.
 */
function transferList(buffers: ArrayBufferLike[], I: Intrinsics): Iterable<Transferable> {
  let next = 0;
  const iterator = I.setPrototypeOf(
    {
      next: (): IteratorResult<Transferable> =>
        next < buffers.length
          ? { value: buffers[next++] as Transferable, done: false }
          : { value: undefined, done: true },
    },
    null,
  ) as Iterator<Transferable>;
  return I.setPrototypeOf({ [I.iteratorKey]: () => iterator }, null) as Iterable<Transferable>;
}

export function openHookChannel(win: Window & typeof globalThis, I: Intrinsics): HookSink {
  const newBatch = <T>(): T[] => I.setPrototypeOf([], null) as T[];
  let port: MessagePort | null = null;
  let queue = newBatch<HookRecord>();
  /** The buffers handed over with the records queued. */
  let transfers = newBatch<ArrayBufferLike>();
  let pendingChars = 0;
  let dropped = 0;
  let timerSet = false;

  const flush = (): void => {
    timerSet = false;
    if (port === null || (queue.length === 0 && dropped === 0)) return;
    const msg: Envelope<HookToContent, 'records'> = {
      v: PROTOCOL_VERSION,
      type: 'records',
      records: queue,
      dropped,
    };
    const buffers = transfers;
    queue = newBatch();
    transfers = newBatch();
    pendingChars = 0;
    dropped = 0;
    if (buffers.length === 0) I.apply(I.postMessage, port, [msg]);
    else I.apply(I.postMessage, port, [msg, transferList(buffers, I)]);
  };

  /** Reads only the message's own `source`, never a getter the page put on Object.prototype. */
  const isHandshake = (data: unknown): boolean => {
    if (typeof data !== 'object' || data === null) return false;
    const tag = I.getOwnPropertyDescriptor(data, 'source');
    return (
      tag !== undefined &&
      (I.setPrototypeOf(tag, null) as PropertyDescriptor).value === HANDSHAKE_SOURCE
    );
  };

  const onHandshake = (ev: MessageEvent): void => {
    if (port !== null || I.apply(I.getSource, ev, []) !== win) return;
    if (!isHandshake(I.apply(I.getData, ev, []))) return;
    const ports = I.apply(I.getPorts, ev, []);
    if (ports.length !== 1) return;
    const received = ports[0];
    if (received === undefined) return;
    I.apply(I.stopImmediatePropagation, ev, []);
    I.apply(I.removeEventListener, win, ['message', onHandshake, true]);
    port = received;
    flush();
  };
  I.apply(I.addEventListener, win, ['message', onHandshake, true]);

  // Records queued when the page hides are flushed at once. Adding a pagehide listener costs
  // Blink some 60 µs per document (more than wrapping fetch), so the hook adds it with its
  // first record: most pages never record anything.
  let flushesOnHide = false;

  return {
    record(r, transfer) {
      if (!flushesOnHide) {
        flushesOnHide = true;
        I.apply(I.addEventListener, win, ['pagehide', flush, true]);
      }
      if (port === null) {
        const chars = charsOf(r, I);
        if (queue.length >= MAX_PENDING || pendingChars + chars > MAX_PENDING_CHARS) {
          dropped++;
          return;
        }
        pendingChars += chars;
      }
      queue[queue.length] = r;
      if (transfer !== undefined) transfers[transfers.length] = transfer;
      if (queue.length >= HOOK_FLUSH_RECORDS) {
        flush();
      } else if (!timerSet) {
        timerSet = true;
        I.setTimeout(flush, HOOK_FLUSH_MS);
      }
    },
  };
}
