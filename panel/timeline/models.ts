// The timeline's lanes as drawn: one per connection, in the connections list's order, with
// its bands, reconnect gaps and marks (with the LLM output stalls the Conversation tab found). Recomputed when the capture changes, not per draw.
import type { ConnectionView } from '../../src/model/capture-state';
import { bandsOf, reconnectGaps, type Span } from '../../src/model/timeline';
import { splitUrl } from '../format';
import type { LaneModel } from './draw';
import type { Lane } from './lanes';
import { isLive } from './view';

export function laneModels(
  connections: readonly ConnectionView[],
  lanes: ReadonlyMap<string, Lane>,
  selected: string | null,
  /** Output stalls of LLM streams, by connection key, as the Conversation tab measured them. */
  outputStalls: ReadonlyMap<string, readonly Span[]> = new Map(),
): LaneModel[] {
  return connections.map((c) => {
    const lane = lanes.get(c.key);
    const frames = lane?.frames ?? [];
    return {
      key: c.key,
      label: splitUrl(c.url).path,
      state: c.state,
      selected: c.key === selected,
      bands: bandsOf(c),
      gaps: reconnectGaps(c, frames, lane?.retries),
      frames,
      bursts: lane?.marks.bursts ?? [],
      stalls: lane?.marks.stalls ?? [],
      outputStalls: outputStalls.get(c.key) ?? [],
      end: isLive(c) ? null : (c.closedAt ?? c.lastActivity),
    };
  });
}
