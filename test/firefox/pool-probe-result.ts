// What the pool probe content script publishes in its frame's DOM (and the smoke test reads
// back): the pool the real background placed the frame's fabricated seventh stream in.

/** `document.documentElement.dataset[POOL_PROBE_DATASET_KEY]` holds the JSON result. */
export const POOL_PROBE_DATASET_KEY = 'sseLensPoolProbe';

export interface PoolProbeResult {
  origin: string | null;
  pool: string;
}
