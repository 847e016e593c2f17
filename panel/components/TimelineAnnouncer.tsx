// A polite live region that says what the timeline points at: the frame, gap or lane under
// the pointer, and the frame that becomes selected (from the canvas or the table), since a
// canvas has no text of its own for a screen reader to follow.
import type { ReadonlySignal } from '@preact/signals';
import type { FrameView } from '../../src/model/capture-state';
import { formatClock } from '../format';
import type { LaneModel } from '../timeline/draw';
import type { Hit } from '../timeline/geometry';
import { connectionStateWord } from '../budget-text';
import { t } from '../i18n/translate';

interface Props {
  /** What is under the pointer, or null. */
  hovered: Hit | null;
  /** The lanes the hit's lane index refers to. */
  lanes: ReadonlySignal<LaneModel[]>;
  selected: FrameView | null;
  /** Which of the two changed last: that one is announced. */
  latest: 'hovered' | 'selected';
}

export function TimelineAnnouncer({ hovered, lanes: models, selected, latest }: Props) {
  const lanes = models.value;
  const text =
    latest === 'hovered'
      ? hovered && describeHit(hovered, lanes)
      : selected && t('tl.selected', { frame: describeFrame(selected, laneOf(lanes, selected)) });
  return (
    <div class="visually-hidden" role="status" aria-live="polite" data-testid="timeline-announcer">
      {text ?? ''}
    </div>
  );
}

function laneOf(lanes: readonly LaneModel[], frame: FrameView): LaneModel | undefined {
  return lanes.find((lane) => lane.key === frame.connection);
}

function describeFrame(frame: FrameView, lane: LaneModel | undefined): string {
  const id = frame.id ? t('tl.frameId', { id: frame.id }) : '';
  const time = formatClock(frame.t);
  return lane
    ? t('tl.frameOn', { type: frame.type, id, time, lane: lane.label })
    : t('tl.frame', { type: frame.type, id, time });
}

function describeHit(hit: Hit, lanes: readonly LaneModel[]): string {
  const lane = lanes[hit.lane];
  if (hit.kind === 'frame') {
    const more = hit.count > 1 ? t('tl.oneOf', { count: hit.count }) : '';
    return `${describeFrame(hit.frame, lane)}${more}`;
  }
  if (hit.kind === 'note') return hit.text;
  return t('tl.connection', {
    label: lane?.label ?? '',
    state: lane ? connectionStateWord(lane.state) : '',
  });
}
