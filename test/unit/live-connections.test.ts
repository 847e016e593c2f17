import { describe, expect, it } from 'vitest';
import type { CapturedRecord } from '../../src/capture/records';
import { LiveConnections } from '../../src/bridge/live-connections';

const connection = (conn: number, t: number): CapturedRecord => ({
  kind: 'connection',
  conn,
  t,
  url: 'http://a.test/sse',
  withCredentials: false,
  frameUrl: 'http://a.test/',
  stack: '',
  seq: 0,
});
const state = (conn: number, t: number, readyState: 0 | 1 | 2): CapturedRecord => ({
  kind: 'state',
  conn,
  t,
  readyState,
  cause: readyState === 1 ? 'open' : readyState === 2 ? 'close' : 'error',
  seq: 0,
});

function setup() {
  let clock = 0;
  const timers: { at: number; fn: () => void }[] = [];
  let changes = 0;
  const live = new LiveConnections({
    defaultRetryMs: 3000,
    now: () => clock,
    setTimer: (fn, ms) => timers.push({ at: clock + ms, fn }),
    onChange: () => changes++,
  });
  /** Moves the page clock to `t`, running the timers due by then. */
  const advance = (t: number): void => {
    clock = t;
    for (const timer of timers.splice(0)) {
      if (timer.at <= t) timer.fn();
      else timers.push(timer);
    }
  };
  return { live, advance, changes: () => changes, setClock: (t: number) => (clock = t) };
}

describe('LiveConnections: reconnects', () => {
  it('holds no slot during the assumed delay, then reports the re-request on the page clock', () => {
    const { live, advance, changes, setClock } = setup();
    live.apply(connection(1, 100));
    live.apply(state(1, 200, 1));
    setClock(1000);
    live.apply(state(1, 1000, 0));
    expect(live.list()[0]).toMatchObject({
      reconnecting: true,
      since: 1000,
      retryDelay: { ms: 3000, basis: 'assumed' },
    });
    advance(3999);
    expect(live.list()[0]).toMatchObject({ reconnecting: true });
    expect(changes()).toBe(0);
    advance(4000);
    expect(live.list()[0]).toMatchObject({
      readyState: 0,
      reconnecting: false,
      since: 4000,
      retryDelay: { ms: 3000, basis: 'assumed' },
    });
    expect(changes()).toBe(1);
  });

  it('takes the delay from the shortest gap this stream showed between an error and what followed', () => {
    const { live, advance, setClock } = setup();
    live.apply(connection(1, 0));
    live.apply(state(1, 10, 1));
    setClock(100);
    live.apply(state(1, 100, 0));
    setClock(1300);
    live.apply(state(1, 1300, 1)); // reopened 1200 ms after the error
    setClock(5000);
    live.apply(state(1, 5000, 0));
    expect(live.list()[0]).toMatchObject({ retryDelay: { ms: 1200, basis: 'observed' } });
    advance(6200);
    expect(live.list()[0]).toMatchObject({ reconnecting: false, since: 6200 });
  });

  it('ignores a delay timer overtaken by an open or a close', () => {
    const { live, advance, changes, setClock } = setup();
    live.apply(connection(1, 0));
    live.apply(connection(2, 0));
    setClock(10);
    live.apply(state(1, 10, 0));
    live.apply(state(2, 10, 0));
    live.apply(state(1, 500, 1));
    live.apply(state(2, 600, 2));
    advance(10_000);
    expect(changes()).toBe(0);
    expect(live.list()).toEqual([
      expect.objectContaining({ conn: 1, readyState: 1, reconnecting: false }),
    ]);
  });
});
