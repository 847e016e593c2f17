// One line of figures under the timeline for the selected connection (or all of them):
// frames, bytes, events/s, time to first event and the gaps between frames (p50/p95/max).
// Recomputed when the capture changes, at most four times a second.
import type { ReadonlySignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import { GapCache, type ConnectionStats } from '../../src/model/stats';
import { formatBytes, formatCount, formatDuration, formatFixed, splitUrl } from '../format';
import { selectionStats } from '../selection-stats';
import { t } from '../i18n/translate';
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
  const cache = useMemo(() => new GapCache(), [selected]);
  const stats = useMemo(
    () =>
      selectionStats(
        store.connections.peek(),
        selected,
        (key) => lanes.peek().lanes.get(key)?.frames ?? [],
        store.state.frames,
        cache,
      ),
    [store, lanes, selected, version, cache],
  );
  const url = selected === null ? null : store.state.connections.get(selected)?.url;
  return (
    <div
      class="stats-strip"
      data-testid="stats-strip"
      data-connection={selected ?? ''}
      data-frames={stats?.frames ?? 0}
      aria-label={t('stats.label')}
    >
      <span class="stats-scope" title={url ?? t('stats.everyConnection')}>
        {url ? splitUrl(url).path : t('conn.all')}
      </span>
      {stats && <Figures stats={stats} />}
    </div>
  );
}

function Figures({ stats }: { stats: ConnectionStats }) {
  const ms = (v: number | null): string => (v === null ? '–' : formatDuration(v));
  const items: Array<[string, string, string]> = [
    [t('stats.frames'), formatCount(stats.frames), t('stats.framesTitle')],
    [t('stats.data'), formatBytes(stats.bytes), t('stats.dataTitle')],
    [
      t('stats.rate'),
      stats.eventsPerSecond === null ? '–' : formatFixed(stats.eventsPerSecond, 1),
      t('stats.rateTitle'),
    ],
    [t('stats.firstEvent'), ms(stats.timeToFirstEvent), t('stats.firstEventTitle')],
    [t('stats.gapP50'), ms(stats.gapP50), t('stats.gapP50Title')],
    [t('stats.p95'), ms(stats.gapP95), t('stats.p95Title')],
    [t('stats.max'), ms(stats.gapMax), t('stats.maxTitle')],
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
