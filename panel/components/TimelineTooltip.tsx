// What is under the pointer on the timeline: a frame (type, id, time, size, data preview), the
// explanation of a reconnect gap, queue wait, burst or stall, or a lane's connection.
import type { ConnectionView } from '../../src/model/capture-state';
import { formatClock, formatFrameSize } from '../format';
import { preview } from '../preview';
import type { LaneModel } from '../timeline/draw';
import { slotVariable } from '../timeline/palette';
import type { PointedHit } from './TimelineCanvas';
import { connectionStateWord } from '../budget-text';
import { t } from '../i18n/translate';

interface Props {
  pointed: PointedHit;
  lane: LaneModel | undefined;
  connection: ConnectionView | undefined;
  /** Palette slot of the frame's type. */
  slot: number | undefined;
  /** Width of the canvas: the tooltip opens towards the side with more room. */
  width: number;
}

const OFFSET = 12;

export function TimelineTooltip({ pointed, lane, connection, slot, width }: Props) {
  const { hit, x, y } = pointed;
  const top = `${y + OFFSET}px`;
  const style =
    x > width / 2 ? { right: `${width - x + OFFSET}px`, top } : { left: `${x + OFFSET}px`, top };
  return (
    <div class="timeline-tooltip" role="tooltip" data-testid="timeline-tooltip" style={style}>
      {hit.kind === 'frame' && (
        <>
          <p class="tip-title">
            <i
              class="swatch"
              style={{ background: `var(${slotVariable(slot ?? 0)})` }}
              aria-hidden="true"
            />
            <b>{hit.frame.type}</b>
            <span class="dim">{t('tl.tipId')}</span>
            <span data-testid="timeline-tooltip-id">{hit.frame.id || t('tl.tipNone')}</span>
            <span class="dim">{formatClock(hit.frame.t)}</span>
          </p>
          {hit.count > 1 && <p class="dim">{t('tl.tipShare', { count: hit.count })}</p>}
          <pre class="tip-data">{preview(hit.frame.data)}</pre>
          <p class="dim">
            {t('tl.tipOpen', { size: formatFrameSize(hit.frame.size, hit.frame.truncated) })}
          </p>
        </>
      )}
      {hit.kind === 'note' && <p>{hit.text}</p>}
      {hit.kind === 'label' && (
        <>
          <p class="tip-url">{connection?.url ?? lane?.label}</p>
          <p class="dim">
            {t(lane?.selected ? 'tl.tipShowAll' : 'tl.tipShowOnly', {
              state: lane ? connectionStateWord(lane.state) : '',
            })}
          </p>
        </>
      )}
    </div>
  );
}
