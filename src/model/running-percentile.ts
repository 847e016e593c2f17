// A percentile of a list of numbers that grows at its end, kept up to date as numbers are
// added: the stats strip's gap percentiles then cost each new frame O(log n), instead of a
// selection over a copy of every gap at each update (23 ms at 1,000,000 frames). Two heaps
// split the numbers at the percentile: the lower holds the `rank + 1` smallest, largest on
// top (stored negated), the upper the rest, smallest on top.

/** Nearest-rank index (0-based) of percentile `p` among `n` numbers in order. */
export function percentileRank(p: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
}

/** The k-th smallest of `values[0..n)` (0-based) by quickselect, partially reordering them. */
export function kthSmallest(values: Float64Array, k: number, n = values.length): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const a = values[lo] as number;
    const b = values[(lo + hi) >> 1] as number;
    const c = values[hi] as number;
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi]; anything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}

/** A binary min-heap of numbers in a growing typed array. */
class NumberHeap {
  private items = new Float64Array(64);
  size = 0;

  top(): number {
    return this.items[0] as number;
  }

  push(x: number): void {
    if (this.size === this.items.length) this.reserve(this.size * 2);
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= x) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = x;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items[--this.size] as number;
    if (this.size > 0) this.siftDown(0, last);
    return top;
  }

  /** Makes the heap hold `values[from..to)`, each multiplied by `sign`. */
  fill(values: Float64Array, from: number, to: number, sign: 1 | -1): void {
    const n = to - from;
    if (this.items.length < n) this.items = new Float64Array(Math.max(64, n));
    for (let i = 0; i < n; i++) this.items[i] = sign * (values[from + i] as number);
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, this.items[i] as number);
  }

  private siftDown(at: number, x: number): void {
    const items = this.items;
    const n = this.size;
    let i = at;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (items[child + 1] as number) < (items[child] as number)) child++;
      if ((items[child] as number) >= x) break;
      items[i] = items[child] as number;
      i = child;
    }
    items[i] = x;
  }

  private reserve(capacity: number): void {
    const items = new Float64Array(capacity);
    items.set(this.items.subarray(0, this.size));
    this.items = items;
  }
}

/** Nearest-rank percentile `p` of the numbers given so far (as `percentile` in stats.ts). */
export class RunningPercentile {
  private readonly lower = new NumberHeap();
  private readonly upper = new NumberHeap();
  private count = 0;

  constructor(private readonly p: number) {}

  /** Null before any number. */
  get value(): number | null {
    // The lower heap holds its numbers negated; `0 - x` turns a stored -0 back into 0.
    return this.count === 0 ? null : 0 - this.lower.top();
  }

  add(x: number): void {
    this.count++;
    if (this.lower.size > 0 && x < 0 - this.lower.top()) this.lower.push(-x);
    else this.upper.push(x);
    const want = percentileRank(this.p, this.count) + 1;
    while (this.lower.size > want) this.upper.push(0 - this.lower.pop());
    while (this.lower.size < want) this.lower.push(-this.upper.pop());
  }

  /** Starts over from `values[0..n)`, in O(n); reorders them. */
  reset(values: Float64Array, n: number): void {
    this.count = n;
    if (n === 0) {
      this.lower.size = 0;
      this.upper.size = 0;
      return;
    }
    const rank = percentileRank(this.p, n);
    kthSmallest(values, rank, n);
    this.lower.fill(values, 0, rank + 1, -1);
    this.upper.fill(values, rank + 1, n, 1);
  }
}
