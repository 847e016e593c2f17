import { describe, expect, it } from 'vitest';
import { startContentBridge } from '../../src/bridge/content-bridge';
import type { BufferLimits } from '../../src/bridge/capture-buffer';
import type { DocInfo } from '../../src/capture/records';
import type { ContentOut } from '../../src/bridge/content-bridge';
import { applyBatch } from '../../src/model/apply-batch';
import { captureCounters, createCaptureState } from '../../src/model/capture-state';
import { PROTOCOL_VERSION } from '../../src/protocol/constants';
import { unpackRecords } from '../../src/protocol/packed-events';
import { fakeTiming, fakeTransport, type FakeTransport } from './support/fakes';

const doc: DocInfo = { id: 'doc1', url: 'http://a/', top: true, startedAt: 1 };
const hookBatch = (records: unknown[]) => ({ v: 1, type: 'records', records, dropped: 0 });
const connRec = {
  kind: 'connection',
  conn: 1,
  t: 1,
  url: 'http://a/s',
  withCredentials: false,
  frameUrl: 'http://a/',
  stack: '',
};
/** An event tuple as the hook sends it: [conn, t, type, data, lastEventId, origin]. */
const ev = (data: string) => [1, 2, 'message', data, '', 'http://a'];

type Bg = FakeTransport<unknown, ContentOut>;

/** `woken`: start as if a panel had just woken the bridge (port open from the start). */
function setup({ woken = true, limits }: { woken?: boolean; limits?: BufferLimits } = {}) {
  const page = fakeTransport<unknown, never>();
  const bgs: Bg[] = [];
  const timers: (() => void)[] = [];
  let wake = (): void => undefined;
  let pageCache = (_shown: boolean): void => undefined;
  const bridge = startContentBridge({
    doc,
    page,
    connect: () => {
      const t: Bg = fakeTransport();
      // Keep what the panel would see: events unpacked back into the records, in seq order.
      const send = t.send.bind(t);
      t.send = (m) => {
        send(
          m.type === 'records'
            ? { ...m, records: unpackRecords(m.records, m.events), events: undefined }
            : m,
        );
      };
      bgs.push(t);
      return t;
    },
    setTimer: (fn) => timers.push(fn),
    limits,
    now: () => 8,
    environment: {
      origin: 'http://a',
      topOrigin: 'http://a',
      defaultRetryMs: 3000,
      cancelKeepsConnection: false,
      title: () => 'A',
      timing: fakeTiming(),
    },
    onWake: (w) => {
      wake = w;
    },
    onPageCache: (listener) => {
      pageCache = listener;
    },
  });
  if (woken) wake();
  const records = (t: Bg) =>
    t.sent.flatMap((m) => (m.type === 'records' ? m.records.map((r) => r.seq) : []));
  return {
    page,
    bgs,
    bridge,
    timers,
    records,
    wake: () => wake(),
    pageCache: (shown: boolean) => pageCache(shown),
  };
}

describe('content bridge', () => {
  it('says hello on connect and buffers until a panel syncs', () => {
    const { page, bgs, records } = setup();
    const bg = bgs[0] as Bg;
    expect(bg.sent).toEqual([
      { v: 1, type: 'hello', doc },
      {
        v: 1,
        type: 'snapshot',
        snapshot: {
          docId: 'doc1',
          url: 'http://a/',
          origin: 'http://a',
          topOrigin: 'http://a',
          title: 'A',
          connections: [],
          protocols: {},
        },
      },
    ]);
    page.deliver(hookBatch([connRec, ev('a')]));
    expect(records(bg)).toEqual([]);
    bg.deliver({ v: 1, type: 'sync' });
    expect(records(bg)).toEqual([1, 2]);
    page.deliver(hookBatch([ev('b')]));
    expect(records(bg)).toEqual([1, 2, 3]);
  });

  it('lets go of its port in the back/forward cache and says hello again when shown', () => {
    const { bgs, bridge, pageCache, timers } = setup();
    pageCache(false);
    expect((bgs[0] as Bg).closed).toBe(true);
    expect(bridge.linked).toBe(false);
    pageCache(true);
    expect(bgs).toHaveLength(2);
    expect((bgs[1] as Bg).sent.map((m) => m.type)).toEqual(['hello', 'snapshot']);
    // Nothing is live and no panel synced: once its snapshot is out, the port is let go again.
    for (const fire of timers.splice(0)) fire();
    expect(bridge.linked).toBe(false);
  });

  it('rejects forged and malformed input from the page side', () => {
    const { page, bgs, bridge } = setup();
    page.deliver({ type: 'records', records: [{ kind: 'connection', conn: 'x' }] });
    page.deliver('not even an object');
    expect(bridge.buffer.all()).toEqual([]);
    expect(bgs[0]?.sent.map((m) => m.type)).toEqual(['hello', 'snapshot']);
  });

  it('stops streaming on detach and replays everything on the next sync', () => {
    const { page, bgs, records } = setup();
    const bg = bgs[0] as Bg;
    bg.deliver({ v: 1, type: 'sync' });
    page.deliver(hookBatch([connRec]));
    bg.deliver({ v: 1, type: 'detach' });
    page.deliver(hookBatch([ev('a')]));
    expect(records(bg)).toEqual([1]);
    bg.deliver({ v: 1, type: 'sync' });
    expect(records(bg)).toEqual([1, 1, 2]);
  });

  it('reconnects after the service worker goes away and waits for a new sync', () => {
    const { page, bgs, timers, records, bridge } = setup();
    (bgs[0] as Bg).deliver({ v: 1, type: 'sync' });
    (bgs[0] as Bg).drop();
    expect(bridge.live).toBe(true);
    timers.shift()?.();
    const bg2 = bgs[1] as Bg;
    expect(bg2.sent[0]).toMatchObject({ type: 'hello' });
    expect(bridge.live).toBe(false);
    page.deliver(hookBatch([connRec, ev('while restarting')]));
    bg2.deliver({ v: 1, type: 'sync' });
    expect(records(bg2)).toEqual([1, 2]);
  });

  it('splits big replays into bounded messages and reports evictions', () => {
    const limits = {
      maxRecords: 2000,
      maxDataChars: 1e9,
      maxMetaRecords: 100,
      maxMetaChars: 1e6,
      maxConnections: 100,
    };
    const { page, bgs } = setup({ limits });
    const bg = bgs[0] as Bg;
    page.deliver(hookBatch([connRec, ...Array.from({ length: 2500 }, (_, i) => ev(String(i)))]));
    bg.deliver({ v: 1, type: 'sync' });
    const batches = bg.sent.flatMap((m) => (m.type === 'records' ? [m] : []));
    expect(batches.map((m) => m.records.length)).toEqual([1000, 1000, 1]);
    expect(batches.every((m) => m.sync)).toBe(true);
    // The 500 oldest frames were evicted: the replay skips their numbers, after the
    // connection record the buffer kept...
    const seqs = batches.flatMap((m) => m.records.map((r) => r.seq));
    expect(seqs.slice(0, 3)).toEqual([1, 502, 503]);
    expect(seqs.at(-1)).toBe(2501);
    // ...and a panel receiving the replay counts them as evicted from the page's buffer.
    const panel = createCaptureState();
    for (const m of batches) applyBatch(panel, m);
    expect(captureCounters(panel)).toMatchObject({ evictedAtSource: 500, evictedInPanel: 0 });
    expect(panel.connections.get('doc1:1')?.url).toBe('http://a/s');
  });

  it('counts malformed records and records of a stale page hook, and reports them', () => {
    const { page, bgs } = setup();
    const bg = bgs[0] as Bg;
    page.deliver(hookBatch([connRec, { kind: 'state', conn: 1 }, ev('a'), [1, 'not a time']]));
    page.deliver('not even an object');
    page.deliver({ ...hookBatch([ev('b'), ev('c')]), v: PROTOCOL_VERSION + 1 });
    bg.deliver({ v: 1, type: 'sync' });
    const replay = bg.sent.flatMap((m) => (m.type === 'records' ? [m] : []));
    expect(replay.flatMap((m) => m.records.map((r) => r.kind))).toEqual(['connection', 'event']);
    expect(replay.at(-1)?.counters).toEqual({
      malformed: 3,
      staleHook: 2,
      untrackedConnections: 0,
      untrackedRecords: 0,
    });
    // Clear starts the counts over, and the next message says so.
    bg.deliver({ v: 1, type: 'clear' });
    page.deliver(hookBatch([ev('d')]));
    expect(bg.sent.at(-1)).toMatchObject({ type: 'records', lost: 0, counters: { malformed: 0 } });
  });

  it('counts connections over the cap, forwards none of their records, reports them', () => {
    const limits = {
      maxRecords: 100,
      maxDataChars: 1e6,
      maxMetaRecords: 100,
      maxMetaChars: 1e6,
      maxConnections: 1,
    };
    const { page, bgs, timers } = setup({ limits });
    const bg = bgs[0] as Bg;
    bg.deliver({ v: 1, type: 'sync' });
    const second = [2, 3, 'message', 'x', '', 'http://a'];
    page.deliver(hookBatch([connRec, { ...connRec, conn: 2 }, second, ev('a')]));
    const live = bg.sent.flatMap((m) => (m.type === 'records' ? [m] : []));
    expect(live.flatMap((m) => m.records.map((r) => `${r.kind}${r.conn}`))).toEqual([
      'connection1',
      'event1',
    ]);
    expect(live.at(-1)?.counters).toMatchObject({ untrackedConnections: 1, untrackedRecords: 1 });
    // The background's budget hears only of the tracked connection.
    timers.shift()?.();
    const snap = bg.sent.at(-1);
    expect(snap?.type === 'snapshot' && snap.snapshot.connections.map((c) => c.conn)).toEqual([1]);
  });

  it('parses a fetch stream only when a panel asks, each frame at the time of its chunk', () => {
    const { page, bgs, bridge } = setup();
    const bg = bgs[0] as Bg;
    const fetchConn = {
      ...connRec,
      conn: 2,
      url: 'http://a/f',
      api: 'fetch',
      request: { method: 'POST', headers: [], credentials: 'same-origin' },
    };
    const head = {
      kind: 'head',
      conn: 2,
      t: 2,
      status: 200,
      statusText: 'OK',
      url: 'http://a/f',
      redirected: false,
      headers: [['content-type', 'text/event-stream']],
      format: 'sse',
      mislabelled: false,
    };
    page.deliver(
      hookBatch([fetchConn, head, { kind: 'chunk', conn: 2, t: 3, data: 'data: a\n\nda' }]),
    );
    page.deliver(hookBatch([{ kind: 'chunk', conn: 2, t: 4, data: 'ta: b\n\n' }]));
    page.deliver(hookBatch([{ kind: 'end', conn: 2, t: 5, outcome: 'complete', error: '' }]));
    expect(bridge.buffer.frameCount).toBe(0);
    bg.deliver({ v: 1, type: 'sync' });
    expect(bridge.buffer.frameCount).toBe(2);
    const replay = bg.sent.filter((m) => m.type === 'records');
    expect(replay.flatMap((m) => m.records.map((r) => [r.kind, r.t]))).toEqual([
      ['connection', 1],
      ['head', 2],
      ['state', 2],
      ['end', 5],
      ['state', 5],
      ['event', 3],
      ['event', 4],
    ]);
    const panel = createCaptureState();
    for (const m of replay) applyBatch(panel, m);
    expect(panel.connections.get('doc1:2')).toMatchObject({ state: 'closed', frames: 2 });
    expect(panel.frames.map((f) => [f.data, f.t])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
    // Watched from now on: a new stream's frames come as its chunks do.
    page.deliver(
      hookBatch([
        { ...fetchConn, conn: 3 },
        { ...head, conn: 3 },
      ]),
    );
    page.deliver(hookBatch([{ kind: 'chunk', conn: 3, t: 6, data: 'data: c\n\n' }]));
    expect(bg.sent.at(-1)).toMatchObject({ records: [expect.objectContaining({ data: 'c' })] });
  });

  it('clear drops buffered frames', () => {
    const { page, bgs, bridge } = setup();
    page.deliver(hookBatch([connRec, ev('a')]));
    (bgs[0] as Bg).deliver({ v: 1, type: 'clear' });
    expect(bridge.buffer.all().map((r) => r.kind)).toEqual(['connection']);
  });

  it('reports live connections to the background, coalesced', () => {
    const { page, bgs, timers } = setup();
    const bg = bgs[0] as Bg;
    page.deliver(hookBatch([connRec, ev('a')]));
    page.deliver(hookBatch([{ kind: 'state', conn: 1, t: 3, readyState: 1, cause: 'open' }]));
    expect(timers).toHaveLength(1);
    timers.shift()?.();
    const snap = bg.sent.at(-1);
    expect(snap).toMatchObject({
      type: 'snapshot',
      snapshot: {
        connections: [{ conn: 1, url: 'http://a/s', readyState: 1, reconnecting: false, since: 1 }],
      },
    });
    page.deliver(hookBatch([{ kind: 'state', conn: 1, t: 9, readyState: 2, cause: 'close' }]));
    timers.shift()?.();
    expect(bg.sent.at(-1)).toMatchObject({ type: 'snapshot', snapshot: { connections: [] } });
  });

  it('records queue verdicts once, and streams them to a synced panel', () => {
    const { page, bgs, bridge } = setup();
    const bg = bgs[0] as Bg;
    page.deliver(hookBatch([connRec]));
    bg.deliver({ v: 1, type: 'sync' });
    const queue = { v: 1, type: 'queue', conn: 1, queued: true, pool: 'P' };
    bg.deliver(queue);
    bg.deliver(queue);
    bg.deliver({ ...queue, conn: 42 });
    bg.deliver({ ...queue, queued: false });
    const queueRecords = bridge.buffer.all().filter((r) => r.kind === 'queue');
    expect(queueRecords).toEqual([
      { kind: 'queue', conn: 1, t: 1, queued: true, pool: 'P', seq: 2 },
      { kind: 'queue', conn: 1, t: 8, queued: false, pool: 'P', seq: 3 },
    ]);
    const streamed = bg.sent.flatMap((m) => (m.type === 'records' ? m.records : []));
    expect(streamed.filter((r) => r.kind === 'queue')).toHaveLength(2);
  });

  it('holds no port while its document has no streams and nobody watches', () => {
    const { page, bgs, bridge, timers, wake } = setup({ woken: false });
    expect(bgs).toHaveLength(0);
    page.deliver(hookBatch([connRec]));
    expect(bridge.linked).toBe(true);
    expect(bgs[0]?.sent.map((m) => m.type)).toEqual(['hello', 'snapshot']);
    page.deliver(hookBatch([{ kind: 'state', conn: 1, t: 5, readyState: 2, cause: 'error' }]));
    timers.shift()?.();
    expect(bgs[0]?.sent.at(-1)).toMatchObject({ type: 'snapshot', snapshot: { connections: [] } });
    expect(bridge.linked).toBe(false);
    expect(bgs[0]?.closed).toBe(true);
    // A panel opens later: the background wakes the bridge, which replays everything.
    wake();
    const bg2 = bgs[1] as Bg;
    bg2.deliver({ v: 1, type: 'sync' });
    expect(
      bg2.sent.flatMap((m) => (m.type === 'records' ? m.records.map((r) => r.kind) : [])),
    ).toEqual(['connection', 'state']);
  });

  it('keeps the port while a panel watches, and lets it go on detach', () => {
    const { page, bgs, bridge, timers } = setup();
    const bg = bgs[0] as Bg;
    bg.deliver({ v: 1, type: 'sync' });
    page.deliver(hookBatch([connRec]));
    page.deliver(hookBatch([{ kind: 'state', conn: 1, t: 5, readyState: 2, cause: 'close' }]));
    timers.splice(0).forEach((fn) => fn());
    expect(bridge.linked).toBe(true);
    bg.deliver({ v: 1, type: 'detach' });
    expect(bridge.linked).toBe(true);
    timers.splice(0).forEach((fn) => fn());
    expect(bridge.linked).toBe(false);
  });

  it('still answers a sync that follows a detach at once (a panel subscribing again)', () => {
    const { page, bgs, bridge, timers, records } = setup();
    const bg = bgs[0] as Bg;
    bg.deliver({ v: 1, type: 'sync' });
    page.deliver(hookBatch([connRec]));
    page.deliver(hookBatch([{ kind: 'state', conn: 1, t: 5, readyState: 2, cause: 'error' }]));
    timers.splice(0).forEach((fn) => fn());
    // The old panel goes; the new one's wake found this port open, so only its sync comes.
    bg.deliver({ v: 1, type: 'detach' });
    bg.deliver({ v: 1, type: 'sync' });
    timers.splice(0).forEach((fn) => fn());
    expect(bridge.linked).toBe(true);
    expect(bridge.live).toBe(true);
    const replay = bg.sent.filter((m) => m.type === 'records' && m.sync).at(-1);
    expect(replay?.type === 'records' && replay.records.map((r) => r.kind)).toEqual([
      'connection',
      'state',
    ]);
    expect(records(bg).length).toBeGreaterThan(0);
  });
});
