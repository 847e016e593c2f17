// The page hook's side of the private channel. The content script hands over a MessagePort
// in one tagged window message, delivered before any page script can listen; the hook takes
// it, hides that message from page listeners, and from then on sends batched records only
// through the port. Nothing the page posts to the window is ever read after that.
import type { HookRecord } from './records';
import type { Intrinsics } from './intrinsics';
import {
  HANDSHAKE_SOURCE,
  HOOK_FLUSH_MS,
  HOOK_FLUSH_RECORDS,
  PROTOCOL_VERSION,
} from '../protocol/constants';
import type { Envelope, HookToContent } from '../protocol/messages';

/** Records kept while no port has arrived yet (e.g. a frame without a content script). */
const MAX_PENDING = 10_000;

export interface HookSink {
  record(r: HookRecord): void;
}

export function openHookChannel(win: Window & typeof globalThis, I: Intrinsics): HookSink {
  let port: MessagePort | null = null;
  let queue: HookRecord[] = [];
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
    queue = [];
    dropped = 0;
    I.apply(I.postMessage, port, [msg]);
  };

  const onHandshake = (ev: MessageEvent): void => {
    if (port !== null || I.apply(I.getSource, ev, []) !== win) return;
    const data = I.apply(I.getData, ev, []) as { source?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.source !== HANDSHAKE_SOURCE) return;
    const ports = I.apply(I.getPorts, ev, []);
    const received = ports[0];
    if (ports.length !== 1 || received === undefined) return;
    I.apply(I.stopImmediatePropagation, ev, []);
    I.apply(I.removeEventListener, win, ['message', onHandshake, true]);
    port = received;
    flush();
  };
  I.apply(I.addEventListener, win, ['message', onHandshake, true]);
  I.apply(I.addEventListener, win, ['pagehide', flush, true]);

  return {
    record(r) {
      if (port === null && queue.length >= MAX_PENDING) {
        dropped++;
        return;
      }
      queue[queue.length] = r;
      if (queue.length >= HOOK_FLUSH_RECORDS) {
        flush();
      } else if (!timerSet) {
        timerSet = true;
        I.setTimeout(flush, HOOK_FLUSH_MS);
      }
    },
  };
}
