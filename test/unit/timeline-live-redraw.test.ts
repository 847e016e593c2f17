import { describe, expect, it } from 'vitest';
import { liveRedrawMs } from '../../panel/timeline/controller';

describe('liveRedrawMs', () => {
  it('redraws a following view when it has moved a pixel, at most 30 times a second', () => {
    expect(liveRedrawMs(5, 100)).toBeCloseTo(1000 / 30);
    expect(liveRedrawMs(50, 100)).toBe(50);
    expect(liveRedrawMs(60_000, 100)).toBe(1000);
  });

  it('at most 10 times a second while 5,000 or more frames arrive a second', () => {
    expect(liveRedrawMs(5, 4_999)).toBeCloseTo(1000 / 30);
    expect(liveRedrawMs(5, 5_000)).toBe(100);
    expect(liveRedrawMs(150, 50_000)).toBe(150);
    expect(liveRedrawMs(60_000, 50_000)).toBe(1000);
  });
});
