// The timeline's text alternative: which connections it draws, each with its state and frame
// count, so a screen reader learns from the canvas's description what a glance at it shows.
import type { ReadonlySignal } from '@preact/signals';
import type { LaneModel } from '../timeline/draw';

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
      <p>{lanes.length === 1 ? '1 connection' : `${lanes.length} connections`} on the timeline.</p>
      <ul>
        {lanes.slice(0, MAX_LANES).map((lane) => (
          <li key={lane.key}>
            {lane.label}: {lane.state},{' '}
            {lane.frames.length === 1 ? '1 frame' : `${lane.frames.length} frames`}
            {lane.selected && ', shown alone in the frames table'}
          </li>
        ))}
        {hidden > 0 && <li>and {hidden} more</li>}
      </ul>
    </div>
  );
}
