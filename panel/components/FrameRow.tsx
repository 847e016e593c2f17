// One row of the frames table, positioned by the table's row window and carrying the `frame-row`
// test hooks (type, event id, connection key, and the capture time in epoch ms). Its
// `aria-rowindex` is its place among all rows, most of which are not rendered.
import type { FrameView } from '../../src/model/capture-state';
import { formatClock, formatFrameSize, splitUrl } from '../format';
import { preview } from '../preview';
import { sayNote, t } from '../i18n/translate';

interface Props {
  frame: FrameView;
  /** URL of the frame's connection. */
  url: string;
  top: number;
  /** 1-based row number in the whole grid, header included. */
  rowIndex: number;
  /** The table's one row in the tab order. */
  tabStop: boolean;
  odd: boolean;
  selected: boolean;
  onSelect: () => void;
}

export function FrameRow(props: Props) {
  const { frame, url, top, rowIndex, tabStop, odd, selected, onSelect } = props;
  const classes = ['frame-grid', 'frame-row'];
  if (odd) classes.push('odd');
  if (selected) classes.push('selected');
  if (frame.kind) classes.push(`wire-${frame.kind}`);
  const size = formatFrameSize(frame.size, frame.truncated);
  const shown = preview(frame.data);
  return (
    <div
      class={classes.join(' ')}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      tabIndex={tabStop ? 0 : -1}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="frame-row"
      data-type={frame.type}
      data-event-id={frame.id}
      data-connection={frame.connection}
      data-time={frame.t}
      data-kind={frame.kind ?? 'event'}
      data-source={frame.source ?? 'page'}
      data-note={frame.note}
      onClick={onSelect}
    >
      <span role="gridcell" class="col-time">
        {formatClock(frame.t)}
      </span>
      <span role="gridcell" class="col-conn" title={url}>
        {splitUrl(url).path}
      </span>
      <span
        role="gridcell"
        class="col-type"
        title={frame.note === undefined ? frame.type : sayNote(frame.note)}
      >
        {frame.note && (
          <span class="warn" aria-label={t('frames.note')}>
            ⚠{' '}
          </span>
        )}
        {frame.kind === 'comment'
          ? t('frames.comment')
          : frame.kind === 'retry'
            ? 'retry:'
            : frame.type}
      </span>
      <span role="gridcell" class="col-id" title={frame.id}>
        {frame.id}
      </span>
      <span
        role="gridcell"
        class={frame.truncated ? 'col-size num warn' : 'col-size num'}
        title={size}
      >
        {size}
      </span>
      <span role="gridcell" class="col-data" title={shown}>
        {shown}
      </span>
    </div>
  );
}
