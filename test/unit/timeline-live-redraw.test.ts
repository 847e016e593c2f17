import { describe, expect, it } from 'vitest';
import { arrivalRate, liveRedrawMs } from '../../panel/timeline/controller';

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

describe('arrivalRate', () => {
  it('is frames a second between two draws', () => {
    expect(arrivalRate({ frames: 100, at: 1_000 }, { frames: 600, at: 1_100 })).toBe(5_000);
    expect(arrivalRate({ frames: 100, at: 1_000 }, { frames: 100, at: 2_000 })).toBe(0);
  });

  it('counts none at the first draw, however many frames the panel already holds', () => {
    // 50,000 imported frames drawn 300 ms after the panel opened are not a flood.
    expect(arrivalRate(null, { frames: 50_000, at: 300 })).toBe(0);
  });

  it('counts none when the capture was cleared, or no time passed', () => {
    expect(arrivalRate({ frames: 50_000, at: 1_000 }, { frames: 10, at: 1_100 })).toBe(0);
    expect(arrivalRate({ frames: 10, at: 1_000 }, { frames: 20, at: 1_000 })).toBe(0);
  });
});
