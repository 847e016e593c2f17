import { describe, expect, it } from 'vitest';
import { endOffset, isAtEnd, offsetFor, rowsInView } from '../../panel/row-window';

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
