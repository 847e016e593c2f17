import { describe, expect, it } from 'vitest';
import { endOffset, isAtEnd, offsetFor, rowsInView, rowsToRender } from '../../panel/row-window';

const ROW = 22;

describe('rowsInView', () => {
  it('covers the viewport plus overscan, clamped to the rows there are', () => {
    expect(rowsInView(0, 220, 1_000_000, ROW, 5)).toEqual({ start: 0, end: 15 });
    expect(rowsInView(22 * 500_000 + 11, 220, 1_000_000, ROW, 5)).toEqual({
      start: 499_995,
      end: 500_016,
    });
    expect(rowsInView(22 * 999_990, 220, 1_000_000, ROW, 5)).toEqual({
      start: 999_985,
      end: 1_000_000,
    });
    expect(rowsInView(0, 220, 3, ROW, 40)).toEqual({ start: 0, end: 3 });
    expect(rowsInView(0, 0, 0, ROW, 40)).toEqual({ start: 0, end: 0 });
  });
});

describe('rowsToRender', () => {
  // A 220 px view shows 10 rows; with 40 rows of overscan a capture is rendered whole up to 50.
  const at = (count: number, following: boolean) =>
    rowsToRender(endOffset(count, ROW, 220), 220, count, ROW, 40, following, 4);

  it('renders a following capture whole while the overscan reaches its first row', () => {
    expect(at(50, true)).toEqual({ start: 0, end: 50, lean: false });
    expect(at(10, true)).toEqual({ start: 0, end: 10, lean: false });
  });

  it('is lean once it does not: a few rows above the view, from the very next row', () => {
    expect(at(51, true)).toEqual({ start: 37, end: 51, lean: true });
    expect(at(300, true)).toEqual({ start: 286, end: 300, lean: true });
  });

  it('keeps the full overscan on both sides when not following', () => {
    expect(at(300, false)).toEqual({ start: 250, end: 300, lean: false });
    expect(rowsToRender(22 * 100, 220, 300, ROW, 40, false, 4)).toEqual({
      start: 60,
      end: 150,
      lean: false,
    });
  });
});

describe('end and follow', () => {
  it('the end offset puts the last row at the bottom; within half a row counts as the end', () => {
    expect(endOffset(100, ROW, 220)).toBe(2200 - 220);
    expect(endOffset(5, ROW, 220)).toBe(0);
    expect(isAtEnd(1980, 220, 100, ROW)).toBe(true);
    expect(isAtEnd(1980 - 10, 220, 100, ROW)).toBe(true);
    expect(isAtEnd(1980 - 12, 220, 100, ROW)).toBe(false);
    expect(isAtEnd(0, 220, 5, ROW)).toBe(true);
  });
});

describe('offsetFor', () => {
  it('auto moves the least, or not at all when the row is in view', () => {
    expect(offsetFor(3, 'auto', 0, 220, 100, ROW)).toBe(0);
    expect(offsetFor(20, 'auto', 0, 220, 100, ROW)).toBe(21 * ROW - 220);
    expect(offsetFor(2, 'auto', 500, 220, 100, ROW)).toBe(44);
  });

  it('center puts the row mid-viewport, clamped to the scroll range', () => {
    expect(offsetFor(50, 'center', 0, 220, 100, ROW)).toBe(50 * ROW - (220 - ROW) / 2);
    expect(offsetFor(0, 'center', 300, 220, 100, ROW)).toBe(0);
    expect(offsetFor(99, 'center', 0, 220, 100, ROW)).toBe(endOffset(100, ROW, 220));
  });
});
