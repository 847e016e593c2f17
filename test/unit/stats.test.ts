import { describe, expect, it } from 'vitest';
import { connectionStats, gaps, percentile } from '../../src/model/stats';
import { frameAt } from './support/frames';

describe('stats', () => {
  it('nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('percentiles of unsorted values, with ties, match the sorted nearest rank', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [1, 50, 95, 99, 100]) {
        const rank = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
        expect(percentile(values, p)).toBe(sorted[rank]);
      }
    }
  });

  it('per-connection figures', () => {
    const frames = [100, 110, 120, 130, 1130].map((t) => frameAt(t, ''));
    expect(Array.from(gaps(frames))).toEqual([10, 10, 10, 1000]);
    expect(connectionStats({ createdAt: 40, frames: 5, bytes: 50 }, frames)).toEqual({
      frames: 5,
      bytes: 50,
      eventsPerSecond: 4 / 1.03,
      timeToFirstEvent: 60,
      gapP50: 10,
      gapP95: 1000,
      gapMax: 1000,
    });
  });

  it('no frames, no made-up figures', () => {
    expect(connectionStats({ createdAt: 0, frames: 0, bytes: 0 }, [])).toMatchObject({
      eventsPerSecond: null,
      timeToFirstEvent: null,
      gapP50: null,
      gapMax: null,
    });
  });
});
