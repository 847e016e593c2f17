import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/model/stats';
import { RunningPercentile } from '../../src/model/running-percentile';

/** A seeded generator, so a failure names its numbers. */
function generator(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('RunningPercentile', () => {
  it('is null before any number', () => {
    expect(new RunningPercentile(50).value).toBeNull();
    const p = new RunningPercentile(95);
    p.reset(new Float64Array(0), 0);
    expect(p.value).toBeNull();
  });

  it('gives the nearest-rank percentile of what was added, after every number', () => {
    for (const p of [0, 1, 50, 95, 99, 100]) {
      const random = generator(7 + p);
      const running = new RunningPercentile(p);
      const seen: number[] = [];
      for (let i = 0; i < 2_000; i++) {
        // Repeats, zeros and negative gaps (frames out of order) among the rest.
        const r = random();
        const x = r < 0.2 ? 0 : r < 0.3 ? -Math.floor(random() * 10) : Math.floor(random() * 100);
        running.add(x);
        seen.push(x);
        expect(running.value, `p${p} after ${i + 1}`).toBe(percentile(seen, p));
      }
    }
  });

  it('starts over from a list in one go, then keeps adding', () => {
    const random = generator(3);
    for (const n of [1, 2, 3, 10, 1_000]) {
      const values = Array.from({ length: n }, () => Math.floor(random() * 50) - 5);
      for (const p of [50, 95]) {
        const running = new RunningPercentile(p);
        running.add(1e9);
        running.reset(Float64Array.from(values), n);
        expect(running.value).toBe(percentile(values, p));
        const seen = [...values];
        for (let i = 0; i < 200; i++) {
          const x = Math.floor(random() * 50);
          running.add(x);
          seen.push(x);
          expect(running.value).toBe(percentile(seen, p));
        }
      }
    }
  });

  it('gives 0, not -0, for a percentile of zeros', () => {
    const running = new RunningPercentile(50);
    for (let i = 0; i < 5; i++) running.add(0);
    expect(Object.is(running.value, 0)).toBe(true);
  });
});
