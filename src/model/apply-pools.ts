// Notes on each connection which socket pool the background placed it in, so the pool
// travels with the capture (and into exports) after the live budget view is gone.
import type { PoolView } from './pools';
import type { CaptureState } from './capture-state';

export function applyPools(state: CaptureState, pools: readonly PoolView[]): void {
  for (const pool of pools) {
    for (const m of pool.members) {
      const c = state.connections.get(m.key);
      if (c) c.pool = { key: pool.key, protocol: pool.protocol };
    }
  }
}
