// The frames table: every frame that passes the filters, virtualized so only the rows in
// view (plus overscan) are in the DOM. Follows new frames while scrolled to the bottom;
// arrow keys, Home and End move the selection.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { FrameView } from '../../src/model/capture-state';
import type { PanelStore } from '../store';
import { positionOf } from '../frame-search';
import { FrameRow } from './FrameRow';
import { useVirtualizer } from './use-virtualizer';

/** Must match `.frame-row` height in styles.css. */
const ROW_HEIGHT = 22;
/**
 * Rows rendered beyond each edge of the viewport. Generous, so small captures (a few dozen
 * frames) are entirely in the DOM while scrolling stays cheap for 200k frames.
 */
const OVERSCAN = 40;

export function FramesTable({ store }: { store: PanelStore }) {
  const { rows } = store.visibleFrames.value;
  const selected = store.selectedFrame.value;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.index ?? -1 - i,
    overscan: OVERSCAN,
    anchorTo: 'end',
    followOnAppend: true,
  });
  // Start at the newest frame; from then on the virtualizer follows appends while at the end.
  useLayoutEffect(() => virtualizer.scrollToEnd(), [virtualizer]);
  const connections = store.state.connections;

  const selectAt = (position: number): void => {
    const frame = rows[Math.max(0, Math.min(rows.length - 1, position))];
    if (!frame) return;
    store.selectedFrame.value = frame.index;
    virtualizer.scrollToIndex(positionOf(rows, frame.index), { align: 'auto' });
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const current = selected === null ? -1 : positionOf(rows, selected);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current === -1 ? rows.length - 1 : current - 1,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      selectAt(target);
    } else if (e.key === 'Escape' && selected !== null) {
      e.preventDefault();
      store.selectedFrame.value = null;
    }
  };

  return (
    <div
      class="frames"
      role="grid"
      aria-label="Frames"
      aria-rowcount={rows.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div class="frame-grid frames-header" role="row">
        <span role="columnheader" class="col-time">
          Time
        </span>
        <span role="columnheader" class="col-conn">
          Connection
        </span>
        <span role="columnheader" class="col-type">
          Type
        </span>
        <span role="columnheader" class="col-id">
          ID
        </span>
        <span
          role="columnheader"
          class="col-size num"
          title="Length of data in UTF-16 code units, before any truncation"
        >
          Size
        </span>
        <span role="columnheader" class="col-data">
          Data
        </span>
      </div>
      <div class="frames-scroll" ref={scrollRef}>
        {rows.length === 0 && <p class="frames-empty">{emptyText(store)}</p>}
        <div class="frames-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const frame: FrameView | undefined = rows[item.index];
            return (
              frame && (
                <FrameRow
                  key={item.key}
                  frame={frame}
                  url={connections.get(frame.connection)?.url ?? ''}
                  top={item.start}
                  odd={item.index % 2 === 1}
                  selected={frame.index === selected}
                  onSelect={() => {
                    store.selectedFrame.value = frame.index;
                  }}
                />
              )
            );
          })}
        </div>
      </div>
    </div>
  );
}

function emptyText(store: PanelStore): string {
  if (store.state.frames.length > 0) return 'No frames match the filters.';
  return store.stats.value.recording ? 'No frames yet.' : 'Recording is paused.';
}
