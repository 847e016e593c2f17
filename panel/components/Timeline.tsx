// The timeline section: a header (collapse, legend, zoom / fit / follow-live, settings) over
// the canvas. One controller per section, so the header's buttons and the canvas's wheel,
// drag and keys all move the same view.
import { computed, type ReadonlySignal } from '@preact/signals';
import { useMemo, useState } from 'preact/hooks';
import { createTimelineController } from '../timeline/controller';
import type { Span } from '../../src/model/timeline';
import type { LaneSnapshot } from '../timeline/lanes';
import { laneModels } from '../timeline/models';
import { paletteSlots } from '../timeline/palette';
import { isFollowing } from '../timeline/view';
import type { PanelStore } from '../store';
import { TimelineCanvas } from './TimelineCanvas';
import { TimelineHeader } from './TimelineHeader';
import '../timeline/timeline.css';
import { t } from '../i18n/translate';

interface Props {
  store: PanelStore;
  lanes: ReadonlySignal<LaneSnapshot>;
  collapsed: boolean;
  onToggle: () => void;
  /** Height of the canvas area, CSS px. */
  height: number;
  /** LLM output stalls by connection key, as the Conversation tab measured them. */
  outputStalls: ReadonlySignal<ReadonlyMap<string, readonly Span[]>>;
}

export function Timeline({ store, lanes, collapsed, onToggle, height, outputStalls }: Props) {
  const [following, setFollowing] = useState(true);
  const slots = useMemo(() => computed(() => paletteSlots(store.frameTypes.value)), [store]);
  const models = useMemo(
    () =>
      computed(() =>
        laneModels(
          store.connections.value,
          lanes.value.lanes,
          store.connectionFilter.value,
          outputStalls.value,
        ),
      ),
    [store, lanes, outputStalls],
  );
  const controller = useMemo(
    () =>
      createTimelineController(
        {
          lanes: () => models.peek(),
          connections: () => store.state.connections.values(),
          slotOf: (type) => slots.peek().get(type) ?? 0,
          selectedFrame: () => store.selectedFrame.peek(),
        },
        (mode) => setFollowing(isFollowing(mode)),
      ),
    [store, models, slots],
  );
  return (
    <section class="timeline" aria-label={t('timeline.title')}>
      <TimelineHeader
        store={store}
        controller={controller}
        slots={slots.value}
        following={following}
        collapsed={collapsed}
        onToggle={onToggle}
      />
      {!collapsed && (
        <TimelineCanvas
          store={store}
          controller={controller}
          models={models}
          slots={slots}
          height={height}
        />
      )}
    </section>
  );
}
