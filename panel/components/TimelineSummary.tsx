// The timeline's text alternative: which connections it draws, each with its state and frame
// count, so a screen reader learns from the canvas's description what a glance at it shows.
import type { ReadonlySignal } from '@preact/signals';
import type { LaneModel } from '../timeline/draw';
import { connectionStateWord } from '../budget-text';
import { t } from '../i18n/translate';

/** Beyond this many lanes the summary counts the rest. */
const MAX_LANES = 50;

export function TimelineSummary({
  id,
  models,
}: {
  id: string;
  models: ReadonlySignal<LaneModel[]>;
}) {
  const lanes = models.value;
  const hidden = lanes.length - MAX_LANES;
  return (
    <div id={id} class="visually-hidden" data-testid="timeline-summary">
      <p>{t('tl.summary', { count: lanes.length })}</p>
      <ul>
        {lanes.slice(0, MAX_LANES).map((lane) => (
          <li key={lane.key}>
            {t('tl.summaryLane', {
              label: lane.label,
              state: connectionStateWord(lane.state),
              count: lane.frames.length,
            })}
            {lane.selected && t('tl.shownAlone')}
          </li>
        ))}
        {hidden > 0 && <li>{t('tl.andMore', { count: hidden })}</li>}
      </ul>
    </div>
  );
}
