// The timeline's header: collapse toggle, legend (event-type colours, then what the bands and
// marks mean), zoom out / in, fit all, follow live, and the memory settings.
import type { PanelStore } from '../store';
import { t } from '../i18n/translate';
import type { TimelineController } from '../timeline/controller';
import { slotVariable } from '../timeline/palette';
import { MemorySettings } from './MemorySettings';

interface Props {
  store: PanelStore;
  controller: TimelineController;
  slots: ReadonlyMap<string, number>;
  following: boolean;
  collapsed: boolean;
  onToggle: () => void;
}

/** Types listed in the legend before "+N more" (the tooltip names any tick's type). */
const LEGEND_TYPES = 8;
const ZOOM_STEP = 1.5;

const KEY = [
  ['open', 'timeline.key.open'],
  ['connecting', 'timeline.key.connecting'],
  ['queued', 'timeline.key.queued'],
  ['burst', 'timeline.key.burst'],
  ['stall', 'timeline.key.stall'],
] as const;

export function TimelineHeader({
  store,
  controller,
  slots,
  following,
  collapsed,
  onToggle,
}: Props) {
  const types = [...slots.keys()];
  return (
    <div class="timeline-head">
      <button
        type="button"
        class="section-toggle"
        aria-expanded={!collapsed}
        data-testid="timeline-toggle"
        onClick={onToggle}
      >
        <span class={collapsed ? 'twisty' : 'twisty open'} aria-hidden="true" />
        {t('timeline.title')}
      </button>
      <ul class="legend" aria-label={t('timeline.eventTypes')}>
        {types.slice(0, LEGEND_TYPES).map((type) => (
          <li key={type}>
            <i
              class="swatch"
              style={{ background: `var(${slotVariable(slots.get(type) ?? 0)})` }}
            />
            {type}
          </li>
        ))}
        {types.length > LEGEND_TYPES && (
          <li class="dim" title={types.slice(LEGEND_TYPES).join(', ')}>
            {t('timeline.more', { count: types.length - LEGEND_TYPES })}
          </li>
        )}
      </ul>
      {!collapsed && (
        <ul class="legend key" aria-label={t('timeline.key')}>
          {KEY.map(([kind, label]) => (
            <li key={kind}>
              <i class={`key-${kind}`} />
              {t(label)}
            </li>
          ))}
        </ul>
      )}
      {store.stats.value.connectionsEvicted > 0 && (
        <span class="dim" data-testid="connections-evicted" title={t('timeline.evictedTitle')}>
          {t('timeline.evicted', { count: store.stats.value.connectionsEvicted })}
        </span>
      )}
      <span class="spacer" />
      {!collapsed && (
        <>
          <button
            type="button"
            class="tool-button"
            aria-label={t('timeline.zoomOut')}
            title={t('timeline.zoomOutTitle')}
            onClick={() => controller.zoom(1 / ZOOM_STEP)}
          >
            <Glyph d="M4 8h8" />
          </button>
          <button
            type="button"
            class="tool-button"
            aria-label={t('timeline.zoomIn')}
            title={t('timeline.zoomInTitle')}
            onClick={() => controller.zoom(ZOOM_STEP)}
          >
            <Glyph d="M4 8h8M8 4v8" />
          </button>
          <button
            type="button"
            class="text-button"
            data-testid="timeline-fit"
            title={t('timeline.fitTitle')}
            onClick={() => controller.setMode({ kind: 'fit' })}
          >
            {t('timeline.fit')}
          </button>
          <button
            type="button"
            class={following ? 'text-button live on' : 'text-button live'}
            data-testid="timeline-follow"
            aria-pressed={following}
            title={following ? t('timeline.stopFollowing') : t('timeline.follow')}
            onClick={() => {
              if (following) controller.freeze();
              else controller.followLive();
            }}
          >
            {t('timeline.live')}
          </button>
        </>
      )}
      <MemorySettings store={store} />
    </div>
  );
}

function Glyph({ d }: { d: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
