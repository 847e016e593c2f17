import { describe, expect, it } from 'vitest';
import type { CapturedRecord } from '../../src/capture/records';
import { endedFetches, LiveConnections } from '../../src/bridge/live-connections';

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

function setup(cancelKeepsConnection = false) {
  let clock = 0;
  const timers: { at: number; fn: () => void }[] = [];
  let changes = 0;
  const live = new LiveConnections({
    defaultRetryMs: 3000,
    cancelKeepsConnection,
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

describe('LiveConnections: fetch bodies the page cancelled', () => {
  const fetchConnection = (conn: number, t: number): CapturedRecord => ({
    ...(connection(conn, t) as Extract<CapturedRecord, { kind: 'connection' }>),
    api: 'fetch',
  });
  const end = (conn: number, t: number, outcome: 'cancelled' | 'aborted'): CapturedRecord => ({
    kind: 'end',
    conn,
    t,
    outcome,
    error: '',
    seq: 0,
  });
  /** A fetch stream that opened at 10 and ended at `t` as `outcome`, as the bridge feeds it. */
  const endedFetch = (
    live: LiveConnections,
    conn: number,
    t: number,
    outcome: 'cancelled' | 'aborted',
  ) => {
    live.apply(fetchConnection(conn, 0));
    live.apply(state(conn, 10, 1));
    live.apply(end(conn, t, outcome));
    return live.apply({
      ...(state(conn, t, 2) as Extract<CapturedRecord, { kind: 'state' }>),
      cause: 'error',
    });
  };

  it('keeps a cancelled one, lingering since the cancel, where the browser keeps its connection', () => {
    const { live } = setup(true);
    expect(endedFetch(live, 1, 500, 'cancelled')).toBe(true);
    expect(live.list()).toEqual([
      expect.objectContaining({ conn: 1, readyState: 2, lingering: true, since: 500 }),
    ]);
    expect(live.size).toBe(1);
  });

  it('drops it where the browser lets the connection go (Chromium)', () => {
    const { live } = setup(false);
    endedFetch(live, 1, 500, 'cancelled');
    expect(live.list()).toEqual([]);
  });

  it('drops an aborted fetch and a closed EventSource in every browser', () => {
    const { live } = setup(true);
    endedFetch(live, 1, 500, 'aborted');
    live.apply(connection(2, 0));
    live.apply(state(2, 10, 1));
    live.apply(end(2, 20, 'cancelled'));
    live.apply(state(2, 20, 2));
    expect(live.list()).toEqual([]);
  });

  it("lets a lingering one go when its request's Resource Timing entry appears", () => {
    const { live } = setup(true);
    endedFetch(live, 1, 500, 'cancelled');
    endedFetch(live, 2, 600, 'cancelled');
    const url = 'http://a.test/sse';
    expect(live.requestsEnded([{ url: 'http://a.test/other', start: 0 }])).toBe(false);
    expect(live.requestsEnded([{ url, start: 5000 }])).toBe(false);
    expect(live.requestsEnded([{ url, start: 3 }])).toBe(true);
    expect(live.list()).toHaveLength(1);
    expect(live.requestsEnded([{ url, start: 1 }])).toBe(true);
    expect(live.list()).toEqual([]);
  });

  it('matches an entry to its request with or without the URL fragment', () => {
    const { live } = setup(true);
    live.apply({
      ...(fetchConnection(1, 0) as Extract<CapturedRecord, { kind: 'connection' }>),
      url: 'http://a.test/sse#part',
    });
    live.apply(state(1, 10, 1));
    live.apply(end(1, 500, 'cancelled'));
    live.apply(state(1, 500, 2));
    expect(live.list()).toHaveLength(1);
    expect(live.requestsEnded([{ url: 'http://a.test/sse', start: 0 }])).toBe(true);
    expect(live.list()).toEqual([]);
  });

  it('never lingers when the entry came before the records of its cancel', () => {
    const { live } = setup(true);
    live.apply(fetchConnection(1, 0));
    live.apply(state(1, 10, 1));
    expect(live.requestsEnded([{ url: 'http://a.test/sse', start: 2 }])).toBe(false);
    live.apply(end(1, 500, 'cancelled'));
    live.apply(state(1, 500, 2));
    expect(live.list()).toEqual([]);
  });

  it('takes only fetch resource entries as ended fetch requests', () => {
    const entry = { name: 'http://a.test/sse', start: 7 };
    expect(
      endedFetches([
        { ...entry, entryType: 'resource', initiatorType: 'fetch' },
        { ...entry, entryType: 'resource', initiatorType: 'xmlhttprequest' },
        { ...entry, entryType: 'resource', initiatorType: 'other' },
        { ...entry, entryType: 'navigation', initiatorType: 'fetch' },
        { name: entry.name, entryType: 'resource', initiatorType: 'fetch' },
      ]),
    ).toEqual([{ url: 'http://a.test/sse', start: 7 }]);
  });

  it('reports no lingering flag on live streams', () => {
    const { live } = setup(true);
    live.apply(fetchConnection(1, 0));
    live.apply(state(1, 10, 1));
    expect(live.list()[0]).not.toHaveProperty('lingering');
  });
});
