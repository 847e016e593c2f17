// Replaces window.EventSource with a constructor that builds a genuine native EventSource
// (so brand checks, accessors and errors stay native) and attaches the hook's listeners to
// it. close() and EventTarget.prototype.addEventListener are wrapped only to learn about
// close() calls and named event types the page listens to; both forward to the originals.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable prefer-rest-params -- `arguments` forwards exactly what the page passed, count included */
import type { Intrinsics } from './intrinsics';
import type { HookSink } from './hook-channel';
import { replaceMethod, type NativeMask } from './native-mask';
import type { ReadyState } from './records';
import type { Stacks } from './stacks';
import { eventTuple } from './event-tuple';

interface Tracked {
  id: number;
  /** Event types the hook already listens to on this connection. */
  types: Record<string, true>;
  /**
   * The `origin` of this connection's events, read from the first event after each open:
   * it is the origin of the stream's final URL, fixed until the next reconnect.
   */
  origin: string | null;
}

export function wrapEventSource(
  win: Window & typeof globalThis,
  I: Intrinsics,
  mask: NativeMask,
  stacks: Stacks,
  sink: HookSink,
  nextConn: () => number,
): void {
  const Native = win.EventSource;
  const proto = Native.prototype;
  const nativeClose = proto.close;
  const nativeAdd = I.addEventListener;
  const tracked = new I.WeakMapCtor<object, Tracked>();
  const trackedOf = I.lookupIn(tracked);
  const createDict = Object.create as (proto: null) => Record<string, true>;

  // Each listener serves one event type, so the type needs no getter call per event.
  const listenFor = (es: EventSource, conn: Tracked, type: string): void => {
    conn.types[type] = true;
    I.apply(nativeAdd, es, [type, (ev: MessageEvent) => onMessage(conn, type, ev)]);
  };

  const onMessage = (conn: Tracked, type: string, ev: MessageEvent): void => {
    if (!ev.isTrusted) return;
    const data = I.apply(I.getData, ev, I.noArgs);
    conn.origin ??= I.apply(I.getOrigin, ev, I.noArgs);
    sink.record(
      eventTuple(
        I,
        conn.id,
        I.now(),
        type,
        typeof data === 'string' ? data : '',
        I.apply(I.getLastEventId, ev, I.noArgs),
        conn.origin,
      ),
    );
  };

  const track = (es: EventSource): void => {
    const conn: Tracked = { id: nextConn(), types: createDict(null), origin: null };
    I.apply(I.weakMapSet, tracked, [es, conn]);
    sink.record({
      kind: 'connection',
      conn: conn.id,
      t: I.now(),
      url: I.apply(I.getUrl, es, []),
      withCredentials: I.apply(I.getWithCredentials, es, []),
      frameUrl: win.location.href,
      stack: stacks.callerStack(EventSource),
    });
    const onState = (ev: Event): void => {
      if (!ev.isTrusted) return;
      conn.origin = null;
      sink.record({
        kind: 'state',
        conn: conn.id,
        t: I.now(),
        readyState: I.apply(I.getReadyState, es, []) as ReadyState,
        cause: I.apply(I.getType, ev, []) === 'open' ? 'open' : 'error',
      });
    };
    conn.types['open'] = true;
    conn.types['error'] = true;
    I.apply(nativeAdd, es, ['open', onState]);
    I.apply(nativeAdd, es, ['error', onState]);
    listenFor(es, conn, 'message');
  };

  // A `function` (not a class) so it can be called without `new` and then fail exactly as
  // the native constructor does; one declared parameter so that `length` is 1.
  function EventSource(this: unknown, _url: string | URL): EventSource {
    let es: EventSource;
    try {
      if (new.target === undefined) return I.apply(Native, this, arguments) as EventSource;
      es = I.construct(Native, arguments, new.target) as EventSource;
    } catch (error) {
      stacks.rootAtCaller(error, EventSource);
      throw error;
    }
    try {
      track(es);
    } catch {
      // Never let capture break the page's stream.
    }
    return es;
  }

  const { close } = {
    close(this: EventSource): void {
      const conn = trackedOf(this);
      if (conn === undefined) {
        try {
          return I.apply(nativeClose, this, arguments) as undefined;
        } catch (error) {
          stacks.rootAtCaller(error, close);
          throw error;
        }
      }
      const before = I.apply(I.getReadyState, this, []);
      I.apply(nativeClose, this, arguments);
      if (before !== 2) {
        sink.record({ kind: 'state', conn: conn.id, t: I.now(), readyState: 2, cause: 'close' });
      }
    },
  };

  const { addEventListener } = {
    addEventListener(
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
    ): void {
      const conn = trackedOf(this);
      if (conn !== undefined && typeof type === 'string' && listener != null) {
        try {
          if (conn.types[type] !== true) {
            listenFor(this as EventSource, conn, type);
            sink.record({ kind: 'listen', conn: conn.id, t: I.now(), type });
          }
        } catch {
          // Capture must never change what the page's call does.
        }
      }
      try {
        return I.apply(nativeAdd, this, arguments) as undefined;
      } catch (error) {
        stacks.rootAtCaller(error, addEventListener);
        throw error;
      }
    },
  };

  // Copy every own property (length, name, prototype, the constants) in the native order:
  // SpiderMonkey creates a function's `length` and `name` on first access, so otherwise
  // their place in the key order would depend on what the page reads first.
  for (const key of I.ownKeys(Native)) {
    const d = I.getOwnPropertyDescriptor(Native, key);
    if (d) I.defineProperty(EventSource, key, d);
  }
  I.setPrototypeOf(EventSource, Object.getPrototypeOf(Native) as object);
  mask.mask(EventSource, Native);
  mask.mask(close, nativeClose);
  mask.mask(addEventListener, nativeAdd);
  replaceMethod(proto, 'constructor', EventSource, I);
  replaceMethod(proto, 'close', close, I);
  replaceMethod(win.EventTarget.prototype, 'addEventListener', addEventListener, I);
  replaceMethod(win, 'EventSource', EventSource, I);
}
