import { describe, expect, it } from 'vitest';
import { arrivalRate, dataRedrawDelay, liveRedrawMs } from '../../panel/timeline/controller';

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

describe('dataRedrawDelay', () => {
  it('draws new frames at once when the last draw is long enough ago', () => {
    expect(dataRedrawDelay(null, 5_000, 50_000)).toBe(0);
    expect(dataRedrawDelay(1_000, 1_040, 100)).toBe(0);
    expect(dataRedrawDelay(1_000, 1_200, 50_000)).toBe(0);
  });

  it('else when it will be: 30 draws a second, 10 in a flood', () => {
    expect(dataRedrawDelay(1_000, 1_010, 100)).toBeCloseTo(1000 / 30 - 10);
    expect(dataRedrawDelay(1_000, 1_010, 5_000)).toBe(90);
  });
});

describe('arrivalRate', () => {
  const at = (frames: number, time: number) => ({ frames, at: time });

  it('is frames a second over a window of a second or more', () => {
    const first = arrivalRate(null, at(100, 1_000));
    expect(arrivalRate(first, at(6_100, 2_000))).toEqual({ since: at(6_100, 2_000), rate: 6_000 });
    expect(arrivalRate(first, at(100, 3_000)).rate).toBe(0);
  });

  it('counts a burst that arrives in lumps: draws in between that see none keep the rate', () => {
    // A panel holding its renders to a duty cycle takes 3,000 frames at once, then none for
    // several draws 50 ms apart.
    let rate = arrivalRate(null, at(0, 0));
    rate = arrivalRate(rate, at(3_000, 50));
    expect(rate.rate).toBe(3_000);
    rate = arrivalRate(rate, at(3_000, 100));
    rate = arrivalRate(rate, at(3_000, 150));
    expect(rate.rate).toBe(3_000);
    rate = arrivalRate(rate, at(6_000, 400));
    expect(rate.rate).toBe(6_000);
    rate = arrivalRate(rate, at(6_000, 1_000));
    expect(rate).toEqual({ since: at(6_000, 1_000), rate: 6_000 });
    // A window without frames ends the flood.
    rate = arrivalRate(rate, at(6_000, 1_500));
    expect(rate.rate).toBe(6_000);
    expect(arrivalRate(rate, at(6_000, 2_000)).rate).toBe(0);
  });

  it('counts none at the first draw, however many frames the panel already holds', () => {
    // 50,000 imported frames drawn 300 ms after the panel opened are not a flood.
    expect(arrivalRate(null, at(50_000, 300)).rate).toBe(0);
    expect(arrivalRate(arrivalRate(null, at(50_000, 300)), at(50_000, 350)).rate).toBe(0);
  });

  it('counts none when the capture was cleared', () => {
    const flood = arrivalRate(arrivalRate(null, at(0, 0)), at(50_000, 1_000));
    expect(flood.rate).toBe(50_000);
    expect(arrivalRate(flood, at(10, 1_100))).toEqual({ since: at(10, 1_100), rate: 0 });
  });
});
