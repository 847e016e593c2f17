// In-memory stand-ins for the transports and runtime ports, so bridge and router logic is
// tested without a browser.
import type { Transport } from '../../../src/bridge/transport';
import type { RouterPort } from '../../../src/background/router';
import type { TimingEntry, TimingSource } from '../../../src/bridge/protocol-learner';

export interface FakeTransport<In, Out> extends Transport<In, Out> {
  sent: Out[];
  deliver(message: In): void;
  drop(): void;
  closed: boolean;
}

export function fakeTransport<In, Out>(): FakeTransport<In, Out> {
  const onMessage: ((m: In) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const t: FakeTransport<In, Out> = {
    sent: [],
    closed: false,
    send(m) {
      if (!t.closed) t.sent.push(m);
    },
    onMessage: (l) => void onMessage.push(l),
    onDisconnect: (l) => void onDisconnect.push(l),
    disconnect() {
      t.closed = true;
    },
    deliver: (m) => onMessage.forEach((l) => l(m)),
    drop() {
      t.closed = true;
      onDisconnect.forEach((l) => l());
    },
  };
  return t;
}

export interface FakePort extends RouterPort {
  received: unknown[];
  deliver(message: unknown): void;
  drop(): void;
  disconnected: boolean;
}

export function fakePort(name: string, sender: RouterPort['sender']): FakePort {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const p: FakePort = {
    name,
    sender,
    received: [],
    disconnected: false,
    postMessage(m) {
      p.received.push(m);
    },
    onMessage: { addListener: (cb) => void onMessage.push(cb) },
    onDisconnect: { addListener: (cb) => void onDisconnect.push(cb) },
    disconnect() {
      p.disconnected = true;
    },
    deliver: (m) => onMessage.forEach((cb) => cb(m)),
    drop() {
      p.disconnected = true;
      onDisconnect.forEach((cb) => cb());
    },
  };
  return p;
}

export interface FakeTiming extends TimingSource {
  add(entries: TimingEntry[]): void;
}

/** A performance timeline the test feeds by hand. */
export function fakeTiming(initial: TimingEntry[] = []): FakeTiming {
  const observers: ((entries: TimingEntry[]) => void)[] = [];
  return {
    existing: () => initial,
    observe(onEntries) {
      observers.push(onEntries);
    },
    add(entries) {
      for (const observer of observers) observer(entries);
    },
  };
}

/** A panel store scheduler that never runs anything: the tests read the store's signals. */
export const idleScheduler = {
  requestFrame: () => 0,
  cancelFrame: () => undefined,
  setTimer: () => 0,
  clearTimer: () => undefined,
  now: () => 0,
  afterMicrotasks: () => undefined,
};
