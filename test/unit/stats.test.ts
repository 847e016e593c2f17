import { describe, expect, it } from 'vitest';
import { connectionStats, GapCache, gaps, percentile } from '../../src/model/stats';
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

  it('a gap cache gives the figures of a fresh count as frames are appended, evicted or inserted', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const cache = new GapCache();
    const connection = { createdAt: 0, frames: 0, bytes: 0 };
    let frames: ReturnType<typeof frameAt>[] = [];
    let t = 0;
    const check = (): void => {
      expect(connectionStats(connection, frames, cache)).toEqual(
        connectionStats(connection, frames),
      );
      const fresh = new GapCache();
      fresh.update(frames);
      expect(cache.ordered).toBe(fresh.ordered);
    };
    for (let step = 0; step < 300; step++) {
      const r = random();
      if (r < 0.7) {
        // Appended, a few at a time, now and then one earlier than the last.
        for (let k = Math.floor(random() * 40); k > 0; k--) {
          t += random() < 0.02 ? -5 : Math.floor(random() * 50);
          frames.push(frameAt(t, ''));
        }
      } else if (r < 0.85) {
        frames.splice(0, Math.floor(random() * 30));
      } else if (r < 0.95 && frames.length > 2) {
        frames.splice(Math.floor(random() * frames.length), 0, frameAt(t - 1, ''));
      } else {
        // Another list of the same frames: the same figures.
        frames = [...frames];
      }
      check();
    }
    // 2,000 appended frames grow its buffer past 1,024 gaps.
    for (let k = 0; k < 2_000; k++) frames.push(frameAt((t += 3), ''));
    check();
    frames.length = 0;
    check();
  });
});
