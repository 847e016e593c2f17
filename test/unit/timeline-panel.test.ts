import { describe, expect, it } from 'vitest';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import type { TickColumn } from '../../src/model/timeline';
import {
  AXIS_HEIGHT,
  GUTTER,
  LANE_HEIGHT,
  hitTest,
  type DrawnLane,
  type Layout,
} from '../../panel/timeline/geometry';
import { axisLabel, gapLabels, queueNote } from '../../panel/timeline/labels';
import { createLaneIndex } from '../../panel/timeline/lanes';
import { laneModels } from '../../panel/timeline/models';
import { PALETTE_SIZE, paletteSlots } from '../../panel/timeline/palette';
import { captureExtent, isFollowing, laneEnd, scaleFor } from '../../panel/timeline/view';

const frame = (index: number, connection: string, t: number, over: Partial<FrameView> = {}) =>
  ({
    index,
    connection,
    t,
    type: 'message',
    id: String(index),
    data: '',
    size: 0,
    truncated: false,
    origin: '',
    ...over,
  }) satisfies FrameView;

const connection = (over: Partial<ConnectionView>): ConnectionView => ({
  key: 'd:1',
  docId: 'd',
  url: 'http://a/stream?x=1',
  kind: 'eventsource',
  withCredentials: false,
  frameUrl: 'http://a/',
  top: true,
  stack: '',
  createdAt: 1000,
  readyState: 1,
  state: 'open',
  frames: 0,
  retries: 0,
  bytes: 0,
  lastActivity: 1000,
  closedAt: null,
  transitions: [],
  listenedTypes: [],
  queued: false,
  queueWaits: [],
  ...over,
});

describe('palette', () => {
  it('gives message slot 0 and every other type a stable slot of its own', () => {
    const slots = paletteSlots(['update', 'message', 'ping', 'done']);
    expect(slots.get('message')).toBe(0);
    expect(new Set(slots.values()).size).toBe(4);
    expect(paletteSlots(['done', 'ping', 'message', 'update'])).toEqual(slots);
    // A type keeps its colour when others come and go, unless one sorted before it needs it.
    expect(paletteSlots(['message', 'update']).get('update')).toBe(
      paletteSlots(['update']).get('update'),
    );
  });

  it('shares slots only past the palette size', () => {
    const types = Array.from({ length: PALETTE_SIZE }, (_, i) => `t${i}`);
    expect(new Set(paletteSlots(types).values()).size).toBe(PALETTE_SIZE);
    const more = paletteSlots([...types, 'extra']);
    expect(more.size).toBe(PALETTE_SIZE + 1);
    for (const slot of more.values()) expect(slot).toBeLessThan(PALETTE_SIZE);
  });
});

describe('view', () => {
  const open = connection({ createdAt: 1000, lastActivity: 3000 });
  const closed = connection({
    state: 'closed',
    createdAt: 500,
    closedAt: 2000,
    lastActivity: 2000,
  });

  it('spans the capture up to now while anything is live, else to the last activity', () => {
    expect(captureExtent([open, closed], 9000)).toEqual({
      from: 500,
      to: 9000,
      live: true,
      breaks: [],
    });
    expect(captureExtent([closed], 9000)).toEqual({ from: 500, to: 2000, live: false, breaks: [] });
    expect(captureExtent([], 9000)).toBeNull();
  });

  it('treats an imported stream that was open as a record of the past', () => {
    const imported = connection({
      lastActivity: 4000,
      imported: { name: 'f.json', format: 'sse-lens-json', importedAt: 1, pageUrl: null },
    });
    expect(captureExtent([imported], 9000)).toEqual({
      from: 1000,
      to: 4000,
      live: false,
      breaks: [],
    });
    expect(laneEnd(imported, 9000)).toBe(4000);
    expect(laneEnd(open, 9000)).toBe(9000);
    expect(laneEnd(closed, 9000)).toBe(2000);
  });

  it('fits, follows with a fixed span, or stays where the user put it', () => {
    const extent = { from: 1000, to: 11_000, live: true, breaks: [] };
    const fit = scaleFor({ kind: 'fit' }, extent, 500);
    expect(fit.start).toBeLessThan(1000);
    expect(fit.start + fit.span).toBeGreaterThan(11_000);
    const live = scaleFor({ kind: 'live', span: 2000 }, extent, 500);
    expect(live.span).toBe(2000);
    expect(live.start + live.span * 0.98).toBeCloseTo(11_000);
    expect(scaleFor({ kind: 'manual', start: 5, span: 7 }, extent, 500)).toEqual({
      start: 5,
      span: 7,
      width: 500,
      breaks: [],
    });
    expect(isFollowing({ kind: 'fit' })).toBe(true);
    expect(isFollowing({ kind: 'live', span: 1 })).toBe(true);
    expect(isFollowing({ kind: 'manual', start: 0, span: 1 })).toBe(false);
  });
});

describe('hit testing', () => {
  const layout: Layout = { width: 800, height: 200, scrollTop: 0 };
  const f = frame(7, 'd:1', 100);
  const columns: TickColumn[] = [
    { x: 10, count: 1, frame: frame(1, 'd:1', 10) },
    { x: 20, count: 3, frame: f },
  ];
  const drawn = new Map<number, DrawnLane>([
    [
      0,
      {
        columns,
        notes: [
          { x0: 100, x1: 400, describe: () => 'wide' },
          { x0: 150, x1: 160, describe: () => 'narrow' },
        ],
      },
    ],
    [1, { columns: [], notes: [] }],
  ]);
  const y = (lane: number): number => AXIS_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2;

  it('finds the nearest tick within a few pixels, in the right lane', () => {
    expect(hitTest(layout, drawn, GUTTER + 21, y(0))).toEqual({
      kind: 'frame',
      lane: 0,
      frame: f,
      count: 3,
      x: 20,
    });
    expect(hitTest(layout, drawn, GUTTER + 16, y(0))?.kind).not.toBe('frame');
    expect(hitTest(layout, drawn, GUTTER + 21, y(1))).toBeNull();
  });

  it('prefers the narrowest note under the pointer; labels and the axis are their own', () => {
    expect(hitTest(layout, drawn, GUTTER + 155, y(0))).toMatchObject({ text: 'narrow' });
    expect(hitTest(layout, drawn, GUTTER + 300, y(0))).toMatchObject({ text: 'wide' });
    expect(hitTest(layout, drawn, 40, y(1))).toEqual({ kind: 'label', lane: 1 });
    expect(hitTest(layout, drawn, GUTTER + 21, AXIS_HEIGHT - 1)).toBeNull();
  });

  it('accounts for the lanes scrolled out of view', () => {
    const scrolled = { ...layout, scrollTop: LANE_HEIGHT };
    expect(hitTest(scrolled, drawn, 40, y(0))).toEqual({ kind: 'label', lane: 1 });
  });
});

describe('labels', () => {
  it('annotates a reconnect gap with retry, observed delay and Last-Event-ID', () => {
    const gap = { from: 0, to: 1500, observedMs: 1500, retryMs: null, lastEventId: '42' };
    expect(gapLabels(gap, 9999)).toEqual({
      full: 'retry: unknown · observed 1.5 s · Last-Event-ID 42',
      short: 'observed 1.5 s',
    });
    const waiting = { from: 0, to: null, observedMs: null, retryMs: 3000, lastEventId: '' };
    expect(gapLabels(waiting, 250).full).toBe(
      'retry: 3.0 s · reconnecting for 250 ms · no Last-Event-ID',
    );
  });

  it('words queue waits and axis times', () => {
    expect(queueNote(0, 2500, 9999)).toBe('Waited 2.5 s behind the connection limit');
    expect(queueNote(0, null, 400)).toBe('Queued behind the connection limit for 400 ms so far');
    const t = new Date(2024, 0, 1, 12, 34, 56, 789).getTime();
    expect(axisLabel(t, 1000)).toBe('12:34:56');
    expect(axisLabel(t, 100)).toBe('12:34:56.789');
  });
});

describe('lane index', () => {
  it('splits the capture per connection, reading only new frames', () => {
    const index = createLaneIndex();
    const frames = [frame(0, 'a', 10), frame(1, 'b', 11), frame(2, 'a', 12)];
    let lanes = index.update(frames);
    expect(lanes.get('a')?.frames.map((f) => f.index)).toEqual([0, 2]);
    frames.push(frame(3, 'b', 13, { wire: { retry: 700 } }));
    lanes = index.update(frames);
    expect(lanes.get('b')?.frames.map((f) => f.index)).toEqual([1, 3]);
    expect(lanes.get('b')?.retries).toEqual([{ t: 13, ms: 700 }]);
    expect(index.update(frames).get('a')?.frames).toHaveLength(2);
    // A `retry:` frame of its own (a fetch body, or deep capture) is a retry mark too.
    frames.push(frame(4, 'b', 14, { kind: 'retry', data: '1234', source: 'wire' }));
    expect(index.update(frames).get('b')?.retries).toEqual([
      { t: 13, ms: 700 },
      { t: 14, ms: 1234 },
    ]);
  });

  it('cuts evicted frames off the front, drops emptied lanes, and empties on clear', () => {
    const index = createLaneIndex();
    const frames = [frame(0, 'a', 10), frame(1, 'b', 11), frame(2, 'a', 12)];
    index.update(frames);
    const lanes = index.update(frames.slice(2));
    expect(lanes.get('a')?.frames.map((f) => f.index)).toEqual([2]);
    expect(lanes.has('b')).toBe(false);
    expect(index.update([]).size).toBe(0);
    expect(index.update([frame(5, 'c', 20)]).get('c')?.frames).toHaveLength(1);
  });

  it('turns lanes into drawn lane models in the connections order', () => {
    const index = createLaneIndex();
    const lanes = index.update([frame(0, 'd:2', 1500)]);
    const models = laneModels(
      [
        connection({ key: 'd:1', url: 'http://a/one' }),
        connection({
          key: 'd:2',
          url: 'http://a/two?q=1',
          state: 'closed',
          closedAt: 2000,
          transitions: [
            { t: 1000, readyState: 0, cause: 'create' },
            { t: 1100, readyState: 1, cause: 'open' },
            { t: 2000, readyState: 2, cause: 'close' },
          ],
        }),
      ],
      lanes,
      'd:2',
    );
    expect(models.map((m) => [m.label, m.selected, m.frames.length, m.end])).toEqual([
      ['/one', false, 0, null],
      ['/two?q=1', true, 1, 2000],
    ]);
    expect(models[1]?.bands.map((b) => b.kind)).toEqual(['connecting', 'open']);
  });
});
