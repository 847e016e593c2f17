// One line of figures under the timeline for the selected connection (or all of them):
// frames, bytes, events/s, time to first event and the gaps between frames (p50/p95/max).
// Recomputed when the capture changes, at most four times a second.
import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { ConnectionStats } from '../../src/model/stats';
import { formatBytes, formatCount, formatDuration, splitUrl } from '../format';
import { selectionStats } from '../selection-stats';
import type { PanelStore } from '../store';
import type { LaneSnapshot } from '../timeline/lanes';
import { useSampled } from './use-sampled';

const SAMPLE_MS = 250;

export function StatsStrip({
  store,
  lanes,
}: {
  store: PanelStore;
  lanes: ReadonlySignal<LaneSnapshot>;
}) {
  const version = useSampled(store.version, SAMPLE_MS);
  const selected = store.connectionFilter.value;
  const stats = useMemo(
    () =>
      selectionStats(
        store.connections.peek(),
        selected,
        (key) => lanes.peek().lanes.get(key)?.frames ?? [],
        store.state.frames,
      ),
    [store, lanes, selected, version],
  );
  const url = selected === null ? null : store.state.connections.get(selected)?.url;
  return (
    <div
      class="stats-strip"
      data-testid="stats-strip"
      data-connection={selected ?? ''}
      data-frames={stats?.frames ?? 0}
      aria-label="Statistics"
    >
      <span class="stats-scope" title={url ?? 'Every connection'}>
        {url ? splitUrl(url).path : 'All connections'}
      </span>
      {stats && <Figures stats={stats} />}
    </div>
  );
}

function Figures({ stats }: { stats: ConnectionStats }) {
  const ms = (v: number | null): string => (v === null ? '–' : formatDuration(v));
  const items: Array<[string, string, string]> = [
    ['Frames', formatCount(stats.frames), 'Frames received, including any evicted from memory'],
    ['Data', formatBytes(stats.bytes), 'Length of all data received, in UTF-16 code units'],
    [
      'Events/s',
      stats.eventsPerSecond === null ? '–' : stats.eventsPerSecond.toFixed(1),
      'Frames per second between the first and the last frame held',
    ],
    ['First event', ms(stats.timeToFirstEvent), 'From creating the connection to its first frame'],
    ['Gap p50', ms(stats.gapP50), 'Median time between consecutive frames'],
    ['p95', ms(stats.gapP95), '95th percentile of the time between frames'],
    ['max', ms(stats.gapMax), 'Longest time between consecutive frames'],
  ];
  return (
    <>
      {items.map(([label, value, title]) => (
        <span key={label} class="stat" title={title}>
          <span class="dim">{label}</span> {value}
        </span>
      ))}
    </>
  );
}
