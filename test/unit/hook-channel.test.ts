// The page hook's channel in Node: what it queues before the content script's handshake is
// bounded by count and by characters, with every record it drops counted, and a page setter
// on Array.prototype cannot swallow records from a batch.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PENDING, MAX_PENDING_CHARS, openHookChannel } from '../../src/capture/hook-channel';
import type { Intrinsics } from '../../src/capture/intrinsics';
import type { ChunkRecord, EventTuple, HookRecord, StateRecord } from '../../src/capture/records';
import { HANDSHAKE_SOURCE } from '../../src/protocol/constants';

/** A window `message` event as the hook reads it through its captured getters. */
class WindowMessage extends Event {
  constructor(
    readonly source: unknown,
    readonly data: unknown,
    readonly ports: readonly MessagePort[],
  ) {
    super('message');
  }
}

/* eslint-disable @typescript-eslint/unbound-method -- the hook calls these via Reflect.apply */
function nodeIntrinsics(): Intrinsics {
  const partial: Partial<Intrinsics> = {
    apply: Reflect.apply,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    setPrototypeOf: Object.setPrototypeOf,
    isArray: Array.isArray,
    noArgs: Object.freeze([] as const),
    iteratorKey: Symbol.iterator,
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
    stopImmediatePropagation: Event.prototype.stopImmediatePropagation,
    postMessage: MessagePort.prototype.postMessage,
    getSource: function (this: Event) {
      return (this as WindowMessage).source as MessageEventSource;
    },
    getData: function (this: Event) {
      return (this as WindowMessage).data;
    },
    getPorts: function (this: Event) {
      return (this as WindowMessage).ports;
    },
  };
  return partial as Intrinsics;
}
/* eslint-enable @typescript-eslint/unbound-method */

interface Batch {
  records: HookRecord[];
  dropped: number;
}

const opened: MessagePort[] = [];
afterEach(() => opened.splice(0).forEach((p) => p.close()));

function channel() {
  const win = new EventTarget() as unknown as Window & typeof globalThis;
  const sink = openHookChannel(win, nodeIntrinsics());
  const batches: Batch[] = [];
  const { port1, port2 } = new MessageChannel();
  opened.push(port1, port2);
  port1.onmessage = (e: MessageEvent<Batch>) => batches.push(e.data);
  return {
    sink,
    batches,
    /** Hands the hook its port, as the content script does. */
    handshake() {
      win.dispatchEvent(new WindowMessage(win, { source: HANDSHAKE_SOURCE }, [port2]));
    },
    async received(what: (b: Batch[]) => boolean): Promise<Batch[]> {
      for (let i = 0; i < 200 && !what(batches); i++) {
        await new Promise((r) => setTimeout(r, 5));
      }
      return batches;
    },
  };
}

const state = (conn: number): StateRecord => ({
  kind: 'state',
  conn,
  t: 1,
  readyState: 1,
  cause: 'open',
});
const bigEvent = (conn: number, chars: number): EventTuple => [
  conn,
  1,
  'message',
  'x'.repeat(chars),
  '',
  '',
];
const total = (batches: Batch[]) => ({
  records: batches.reduce((n, b) => n + b.records.length, 0),
  dropped: batches.reduce((n, b) => n + b.dropped, 0),
});

describe('openHookChannel before the handshake', () => {
  it(`keeps ${MAX_PENDING} records and counts every further one as dropped`, async () => {
    const c = channel();
    for (let i = 1; i <= MAX_PENDING + 7; i++) c.sink.record(state(i));
    c.handshake();
    const batches = await c.received((b) => total(b).records + total(b).dropped > MAX_PENDING);
    expect(total(batches)).toEqual({ records: MAX_PENDING, dropped: 7 });
    expect(batches[0]?.records[0]).toEqual(state(1));
  });

  it('bounds the characters it holds, then takes records without that bound', async () => {
    const c = channel();
    const chars = MAX_PENDING_CHARS / 4;
    // Each record holds `chars` characters of data and 7 of type: 3 fit, the 4th does not.
    for (let i = 1; i <= 6; i++) c.sink.record(bigEvent(i, chars));
    c.sink.record(state(1));
    c.handshake();
    await c.received((b) => total(b).records === 4);
    expect(total(c.batches)).toEqual({ records: 4, dropped: 3 });
    expect(c.batches[0]?.records.map((r) => (Array.isArray(r) ? r[0] : r.kind))).toEqual([
      1,
      2,
      3,
      'state',
    ]);

    for (let i = 7; i <= 11; i++) c.sink.record(bigEvent(i, chars));
    const after = await c.received((b) => total(b).records === 9);
    expect(total(after)).toEqual({ records: 9, dropped: 3 });
  });

  it('a setter on Array.prototype[0] neither swallows a record nor runs', async () => {
    const c = channel();
    let setterCalls = 0;
    Object.defineProperty(Array.prototype, 0, {
      set() {
        setterCalls++;
      },
      configurable: true,
    });
    try {
      c.sink.record(state(1));
      c.sink.record(bigEvent(2, 3));
      c.handshake();
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[0];
    }
    const batches = await c.received((b) => b.length > 0);
    expect(setterCalls).toBe(0);
    expect(batches).toEqual([
      { v: 1, type: 'records', records: [state(1), bigEvent(2, 3)], dropped: 0 },
    ]);
  });
});

describe('openHookChannel and stream chunks', () => {
  it("hands a chunk's bytes over without copying them, through no page iterator", async () => {
    const c = channel();
    const bytes = new Uint8Array([100, 97, 116, 97]);
    const chunk: ChunkRecord = { kind: 'chunk', conn: 1, t: 2, data: bytes };
    const text: ChunkRecord = { kind: 'chunk', conn: 2, t: 3, data: 'data' };
    c.sink.record(state(1));
    c.sink.record(chunk, bytes.buffer);
    c.sink.record(text);
    const own = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
    let pageIterators = 0;
    const values = Array.prototype.values;
    Array.prototype[Symbol.iterator] = function (this: unknown[]) {
      pageIterators++;
      return Reflect.apply(values, this, []) as ArrayIterator<unknown>;
    };
    try {
      c.handshake();
    } finally {
      Object.defineProperty(Array.prototype, Symbol.iterator, own as PropertyDescriptor);
    }
    expect(pageIterators).toBe(0);
    expect(bytes.byteLength).toBe(0);
    const [batch] = await c.received((b) => b.length === 1);
    expect(batch?.records).toEqual([
      state(1),
      { ...chunk, data: new Uint8Array([100, 97, 116, 97]) },
      text,
    ]);
  });

  it('sends a batch without chunk bytes as a plain message', async () => {
    const c = channel();
    c.handshake();
    c.sink.record(state(1));
    c.sink.record(bigEvent(1, 10));
    const [batch] = await c.received((b) => b.length === 1);
    expect(batch?.records).toEqual([state(1), bigEvent(1, 10)]);
  });
});

describe('openHookChannel on pagehide', () => {
  /** A channel whose flush timer never fires: only pagehide can flush. */
  function withoutTimer() {
    const win = new EventTarget() as unknown as Window & typeof globalThis;
    const types: string[] = [];
    const I = nodeIntrinsics();
    const add = I.addEventListener;
    I.setTimeout = () => 0;
    I.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
      types.push(args[0]);
      Reflect.apply(add, this, args);
    };
    const sink = openHookChannel(win, I);
    const { port1, port2 } = new MessageChannel();
    opened.push(port1, port2);
    const batches: Batch[] = [];
    port1.onmessage = (e: MessageEvent<Batch>) => batches.push(e.data);
    win.dispatchEvent(new WindowMessage(win, { source: HANDSHAKE_SOURCE }, [port2]));
    return { win, sink, types, batches };
  }

  it('listens for pagehide only once there is a record, then flushes the queue at once', async () => {
    const c = withoutTimer();
    expect(c.types).toEqual(['message']);
    c.sink.record(state(1));
    c.sink.record(state(2));
    expect(c.types).toEqual(['message', 'pagehide']);
    c.win.dispatchEvent(new Event('pagehide'));
    for (let i = 0; i < 200 && c.batches.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(c.batches).toEqual([
      { v: 1, type: 'records', records: [state(1), state(2)], dropped: 0 },
    ]);
  });
});
