import { describe, expect, it } from 'vitest';
import type { FrameView } from '../../src/model/capture-state';
import type { FramePredicate } from '../../panel/filter';
import { createFrameList } from '../../panel/frame-list';
import { lowerBound, positionOf } from '../../panel/frame-search';
import { createFrameTypes } from '../../panel/frame-types';

const frame = (index: number, type = 'message'): FrameView => ({
  index,
  connection: 'd:1',
  t: index,
  type,
  id: String(index),
  data: `d${index}`,
  size: 2,
  truncated: false,
  origin: 'http://a',
});
const range = (from: number, to: number): FrameView[] =>
  Array.from({ length: to - from }, (_, i) => frame(from + i));
const indexes = (list: readonly FrameView[]): number[] => list.map((f) => f.index);

describe('frame search', () => {
  const list = [frame(2), frame(5), frame(9)];

  it('finds the first position at or after an index', () => {
    expect(lowerBound(list, 0)).toBe(0);
    expect(lowerBound(list, 5)).toBe(1);
    expect(lowerBound(list, 6)).toBe(2);
    expect(lowerBound(list, 10)).toBe(3);
    expect(lowerBound([], 1)).toBe(0);
  });

  it('finds exact positions or -1', () => {
    expect(positionOf(list, 9)).toBe(2);
    expect(positionOf(list, 4)).toBe(-1);
  });
});

describe('createFrameList', () => {
  const even: FramePredicate = (f) => f.index % 2 === 0;

  it('returns the capture itself when nothing is filtered', () => {
    const frames = range(0, 5);
    expect(createFrameList().update(frames, null)).toBe(frames);
  });

  it('tests only frames appended since the last update', () => {
    const frames = range(0, 4);
    let calls = 0;
    const counting: FramePredicate = (f) => {
      calls++;
      return even(f);
    };
    const list = createFrameList();
    expect(indexes(list.update(frames, counting))).toEqual([0, 2]);
    frames.push(...range(4, 7));
    expect(indexes(list.update(frames, counting))).toEqual([0, 2, 4, 6]);
    expect(calls).toBe(7);
  });

  it('drops rows evicted from the front of the capture', () => {
    const frames = range(0, 10);
    const list = createFrameList();
    list.update(frames, even);
    frames.splice(0, 5);
    frames.push(frame(10));
    expect(indexes(list.update(frames, even))).toEqual([6, 8, 10]);
  });

  it('rescans when the predicate changes', () => {
    const frames = range(0, 6);
    const list = createFrameList();
    list.update(frames, even);
    expect(indexes(list.update(frames, (f) => f.index > 3))).toEqual([4, 5]);
  });

  it('starts over after a clear, keeping only frames that arrive later', () => {
    const list = createFrameList();
    list.update(range(0, 4), even);
    expect(list.update([], even)).toEqual([]);
    expect(indexes(list.update(range(4, 7), even))).toEqual([4, 6]);
  });

  it('rescans when the capture was replaced by older frames', () => {
    const list = createFrameList();
    list.update(range(10, 14), even);
    expect(indexes(list.update(range(0, 3), even))).toEqual([0, 2]);
  });
});

describe('createFrameTypes', () => {
  it('lists distinct types, sorted, and keeps the array while unchanged', () => {
    const types = createFrameTypes();
    const frames = [frame(0, 'tick'), frame(1, 'message'), frame(2, 'tick')];
    const first = types.update(frames);
    expect(first).toEqual(['message', 'tick']);
    frames.push(frame(3, 'message'));
    expect(types.update(frames)).toBe(first);
    frames.push(frame(4, 'done'));
    expect(types.update(frames)).toEqual(['done', 'message', 'tick']);
  });

  it('forgets types whose frames were cleared or evicted', () => {
    const types = createFrameTypes();
    const frames = [frame(0, 'old'), frame(1, 'message')];
    types.update(frames);
    frames.splice(0, 1);
    expect(types.update(frames)).toEqual(['message']);
    expect(types.update([])).toEqual([]);
  });
});
