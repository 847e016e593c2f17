// Binary search over frame lists. Frames are always kept in arrival order, so their
// `index` only grows along a list: lookups by index need not scan 200k frames.

interface Indexed {
  index: number;
}

/** Position of the first item whose `index` is at least `index` (the length if none). */
export function lowerBound(list: readonly Indexed[], index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid]?.index ?? Infinity) < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of the item with exactly this `index`, or -1. */
export function positionOf(list: readonly Indexed[], index: number): number {
  const at = lowerBound(list, index);
  return list[at]?.index === index ? at : -1;
}
