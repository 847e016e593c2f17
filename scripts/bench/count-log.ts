// Reads the panel's frame-count log ([epoch ms, count] per DOM change, in order) against
// the page's receive times: when the panel first counted a given frame.

export type CountLog = readonly (readonly [number, number])[];

/** The first entry whose count is at least `count`, if any. */
export function firstAtLeast(log: CountLog, count: number): readonly [number, number] | undefined {
  return log.find(([, c]) => c >= count);
}

/**
 * Latency of event n (1-based, `times[n - 1]` its page receive time): the first logged panel
 * time with count ≥ base + n, minus the receive time. Events never counted are left out.
 */
export function latencies(times: readonly number[], log: CountLog, base: number): number[] {
  const result: number[] = [];
  let j = 0;
  times.forEach((received, i) => {
    while (j < log.length && (log[j]?.[1] ?? 0) < base + i + 1) j++;
    const shown = log[j];
    if (shown) result.push(shown[0] - received);
  });
  return result;
}
