import { describe, expect, it } from 'vitest';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { ContentToPanel, MessageOf } from '../../src/protocol/messages';
import {
  BURST_WEIGHT,
  coalesce,
  DUTY,
  MAX_RENDER_GAP_MS,
  type Scheduler,
} from '../../panel/coalesce';
import { createStore } from '../../panel/store';

/**
 * A scheduler whose frames and timers run only when the test says so, on a clock the test
 * moves; "microtasks" run at once.
 */
function manualScheduler() {
  let next = 1;
  let now = 0;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, () => void>();
  const delays = new Map<number, number>();
  const scheduler: Scheduler = {
    requestFrame: (run) => (frames.set(next, run), next++),
    cancelFrame: (id) => frames.delete(id),
    setTimer: (run, ms) => (timers.set(next, run), delays.set(next, ms), next++),
    clearTimer: (id) => timers.delete(id),
    now: () => now,
    afterMicrotasks: (run) => run(),
  };
  const runAll = (pending: Map<number, () => void>): void => {
    for (const [id, run] of [...pending]) {
      pending.delete(id);
      run();
    }
  };
  return {
    scheduler,
    pending: () => frames.size + timers.size,
    frame: () => runAll(frames),
    timeout: () => runAll(timers),
    advance: (ms: number) => (now += ms),
    /** Delays of the timers now pending. */
    timerDelays: () => [...timers.keys()].map((id) => delays.get(id)),
  };
}

describe('coalesce', () => {
  it('runs once per animation frame however often it is scheduled', () => {
    const clock = manualScheduler();
    let runs = 0;
    const schedule = coalesce(() => runs++, clock.scheduler);
    schedule();
    schedule();
    schedule();
    expect(runs).toBe(0);
    clock.frame();
    expect(runs).toBe(1);
    expect(clock.pending()).toBe(0);
    schedule();
    clock.frame();
    expect(runs).toBe(2);
  });

  it('a trickle of records renders at every frame, however slow the last render was', () => {
    const clock = manualScheduler();
    let runs = 0;
    const schedule = coalesce(() => {
      runs++;
      clock.advance(40);
    }, clock.scheduler);
    schedule(BURST_WEIGHT - 1);
    clock.frame();
    schedule(BURST_WEIGHT - 1);
    clock.advance(16);
    clock.frame();
    expect(runs).toBe(2);
  });

  it('during a burst holds renders to a duty cycle: after a slow run the next waits, a cheap one does not', () => {
    const clock = manualScheduler();
    let runs = 0;
    let cost = 40;
    const schedule = coalesce(() => {
      runs++;
      clock.advance(cost);
    }, clock.scheduler);
    schedule(BURST_WEIGHT);
    clock.frame();
    expect(runs).toBe(1);
    schedule(BURST_WEIGHT);
    clock.advance(16);
    clock.frame();
    // 40 ms of work: the next run waits (DUTY - 1) * 40 ms after it ended, not the next frame.
    expect(runs).toBe(1);
    expect(clock.timerDelays()).toEqual([(DUTY - 1) * 40 - 16]);
    clock.advance((DUTY - 1) * 40 - 16);
    cost = 1;
    clock.timeout();
    expect(runs).toBe(2);
    schedule(BURST_WEIGHT);
    clock.advance(16);
    clock.frame();
    expect(runs).toBe(3);
  });

  it('renders at least every MAX_RENDER_GAP_MS however slow a render was', () => {
    const clock = manualScheduler();
    let runs = 0;
    const schedule = coalesce(() => {
      runs++;
      clock.advance(10_000);
    }, clock.scheduler);
    schedule(BURST_WEIGHT);
    clock.frame();
    schedule(BURST_WEIGHT);
    clock.frame();
    expect(runs).toBe(1);
    expect(clock.timerDelays()).toEqual([MAX_RENDER_GAP_MS]);
    clock.advance(MAX_RENDER_GAP_MS);
    clock.timeout();
    expect(runs).toBe(2);
  });

  it('falls back to the timer when no frame runs (hidden document)', () => {
    const clock = manualScheduler();
    let runs = 0;
    const schedule = coalesce(() => runs++, clock.scheduler);
    schedule();
    clock.timeout();
    expect(runs).toBe(1);
    expect(clock.pending()).toBe(0);
  });
});

const doc: DocInfo = { id: 'top', url: 'http://a/', top: true, startedAt: 1 };
const reloaded: DocInfo = { id: 'top2', url: 'http://a/', top: true, startedAt: 2 };
let seq = 0;
const batch = (records: CapturedRecord[], from: DocInfo = doc): MessageOf<ContentToPanel> => ({
  v: 1,
  type: 'records',
  doc: from,
  records,
  lost: 0,
  clearedThrough: 0,
  sync: false,
});
const open = (conn: number, url: string): CapturedRecord[] => [
  {
    kind: 'connection',
    seq: ++seq,
    conn,
    t: seq,
    url,
    withCredentials: false,
    frameUrl: doc.url,
    stack: '',
  },
  { kind: 'state', seq: ++seq, conn, t: seq, readyState: 1, cause: 'open' },
];
const event = (conn: number, type: string, data: string): CapturedRecord => ({
  kind: 'event',
  seq: ++seq,
  conn,
  t: seq,
  type,
  data,
  lastEventId: String(seq),
  origin: 'http://a',
  size: data.length,
  truncated: false,
});

function liveStore() {
  seq = 0;
  const clock = manualScheduler();
  const store = createStore(undefined, clock.scheduler);
  return { store, clock };
}

describe('createStore', () => {
  it('bumps the version once per frame, not once per batch', () => {
    const { store, clock } = liveStore();
    store.receive(batch(open(1, 'http://a/prices')));
    store.receive(batch([event(1, 'tick', 'a')]));
    store.receive(batch([event(1, 'tick', 'b')]));
    expect(store.version.value).toBe(0);
    clock.frame();
    expect(store.version.value).toBe(1);
    expect(store.stats.value.frames).toBe(2);
    expect(store.visibleFrames.value.rows.map((f) => f.data)).toEqual(['a', 'b']);
  });

  it('filters frames by text, type and connection', () => {
    const { store, clock } = liveStore();
    store.receive(
      batch([
        ...open(1, 'http://a/prices'),
        ...open(2, 'http://a/news'),
        event(1, 'tick', '{"p":1}'),
        event(2, 'headline', 'rates up'),
        event(1, 'tick', '{"p":2}'),
      ]),
    );
    clock.frame();
    const shown = (): string[] => store.visibleFrames.value.rows.map((f) => f.data);
    store.filterText.value = 'news';
    expect(shown()).toEqual(['rates up']);
    store.filterText.value = '/"p":2/';
    expect(shown()).toEqual(['{"p":2}']);
    store.filterText.value = '/(/';
    expect(store.query.value.kind).toBe('invalid');
    expect(shown()).toHaveLength(3);
    store.filterText.value = '';
    store.typeFilter.value = 'tick';
    expect(shown()).toEqual(['{"p":1}', '{"p":2}']);
    store.typeFilter.value = null;
    store.connectionFilter.value = 'top:2';
    expect(shown()).toEqual(['rates up']);
    expect(store.frameTypes.value).toEqual(['headline', 'tick']);
  });

  it('keeps filtered rows current as frames arrive', () => {
    const { store, clock } = liveStore();
    store.receive(batch([...open(1, 'http://a/s'), event(1, 'a', 'x1'), event(1, 'b', 'y1')]));
    clock.frame();
    store.filterText.value = 'x';
    expect(store.visibleFrames.value.rows).toHaveLength(1);
    store.receive(batch([event(1, 'a', 'x2'), event(1, 'a', 'y2')]));
    clock.frame();
    expect(store.visibleFrames.value.rows.map((f) => f.data)).toEqual(['x1', 'x2']);
  });

  it('drops incoming records while paused and counts them', () => {
    const { store, clock } = liveStore();
    store.receive(batch(open(1, 'http://a/s')));
    store.setRecording(false);
    expect(store.stats.value.recording).toBe(false);
    store.receive(batch([event(1, 'm', 'lost')]));
    clock.frame();
    expect(store.stats.value).toMatchObject({ frames: 0, droppedWhilePaused: 1 });
  });

  it('resolves and clears the selected frame', () => {
    const { store, clock } = liveStore();
    store.receive(batch([...open(1, 'http://a/s'), event(1, 'm', 'one'), event(1, 'm', 'two')]));
    clock.frame();
    const second = store.visibleFrames.value.rows[1];
    store.selectedFrame.value = second?.index ?? null;
    expect(store.selected.value?.data).toBe('two');
    store.clear();
    expect(store.selected.value).toBeNull();
    expect(store.stats.value.frames).toBe(0);
    expect(store.connections.value).toHaveLength(1);
  });

  it('drops the connection filter when Clear removes that connection', () => {
    const { store, clock } = liveStore();
    store.receive(
      batch([
        ...open(1, 'http://a/s'),
        { kind: 'state', seq: ++seq, conn: 1, t: seq, readyState: 2, cause: 'close' },
      ]),
    );
    clock.frame();
    store.connectionFilter.value = 'top:1';
    store.clear();
    expect(store.connectionFilter.value).toBeNull();
    expect(store.connections.value).toHaveLength(0);
  });

  it('resets selection and connection filter when the page navigates', () => {
    const { store, clock } = liveStore();
    store.receive(batch([...open(1, 'http://a/s'), event(1, 'm', 'x')]));
    clock.frame();
    store.selectedFrame.value = 0;
    store.connectionFilter.value = 'top:1';
    seq = 0;
    store.receive(batch(open(1, 'http://a/s'), reloaded));
    clock.frame();
    expect(store.selectedFrame.value).toBeNull();
    expect(store.connectionFilter.value).toBeNull();
    expect(store.connections.value.map((c) => c.key)).toEqual(['top2:1']);
  });

  it('keeps everything across navigation with preserve log', () => {
    const { store, clock } = liveStore();
    store.setPreserveLog(true);
    store.receive(batch([...open(1, 'http://a/s'), event(1, 'm', 'x')]));
    clock.frame();
    store.selectedFrame.value = 0;
    seq = 0;
    store.receive(batch(open(1, 'http://a/s'), reloaded));
    clock.frame();
    expect(store.selected.value?.data).toBe('x');
    expect(store.connections.value).toHaveLength(2);
  });
});
