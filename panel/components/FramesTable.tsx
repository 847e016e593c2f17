// The frames table: every frame that passes the filters, in time order (oldest or newest
// first), windowed so only the rows in view (plus overscan) are in the DOM. Follows new
// frames while at the newest end; arrows, Page Up/Down, Home and End move the selection, and a
// frame selected elsewhere (the timeline) is scrolled into view. A grid of rows for assistive
// technology: one row is in the tab order (the selected one, else the first in view), and focus
// follows a selection made from the keyboard. A focused row that scrolls out of the rendered
// window hands focus to the grid itself, so the keys keep working.
//
// While it follows a capture too long to render whole (the row window is lean), the rendered
// rows are keyed by their place in the window, not by frame: each element then shows the
// frame that moved into its place, and a render changes text instead of creating rows (each
// new row costs style, layout and paint). Focus belongs to a frame, not to an element: after
// each render it is put back on the focused frame's row.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import { connectionFailed } from '../attempt-report';
import { t } from '../i18n/translate';
import type { PanelStore } from '../store';
import { createTimeOrder, positionByTime } from '../time-order';
import { FrameRow } from './FrameRow';
import { useRowWindow } from './use-row-window';

/** The header is row 1 of the grid; data rows count from 2 (`aria-rowindex`). */
const FIRST_ROW_INDEX = 2;
/** Must match `.frame-row` height in styles.css. */
const ROW_HEIGHT = 22;
/**
 * Rows rendered beyond each edge of the viewport. Generous, so small captures (a few dozen
 * frames) are entirely in the DOM while scrolling stays cheap for 200k frames.
 */
const OVERSCAN = 40;
/**
 * Rows rendered above the viewport while it follows new rows in a capture too long to render
 * whole. In a flood nearly every rendered row is new at each render, and each costs the panel
 * style, layout and paint: the rows above the view only matter once the user scrolls, which
 * stops following and renders OVERSCAN rows again.
 */
const FOLLOW_OVERSCAN = 4;

export function FramesTable({ store }: { store: PanelStore }) {
  const order = useMemo(createTimeOrder, []);
  const sorted = order.update(store.visibleFrames.value.rows);
  const [newestFirst, setNewestFirst] = useState(false);
  const count = sorted.length;
  /** The row shown at display position `i`. */
  const rowAt = (i: number): FrameView | undefined => sorted[newestFirst ? count - 1 - i : i];
  const selectedFrame = store.selected.value;
  const selected = selectedFrame?.index ?? null;
  /** Display position of a frame, or -1 when the filters hide it. */
  const positionOf = (frame: FrameView | null): number => {
    const at = frame ? positionByTime(sorted, frame) : -1;
    return at === -1 || !newestFirst ? at : count - 1 - at;
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  /** The frame shown at each display position by the last render. */
  const shownRef = useRef(new Map<number, FrameView>());
  // Read before this render changes the DOM: the table has focus, and on which frame's row.
  const hadFocus = gridRef.current?.contains(document.activeElement) === true;
  const focusedAt = hadFocus ? focusedPosition(document.activeElement) : null;
  const focusedFrame = focusedAt === null ? undefined : shownRef.current.get(focusedAt);
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!hadFocus || !grid) return;
    if (focusedFrame) {
      const target = rowElement(scrollRef.current, positionOf(focusedFrame)) ?? grid;
      if (document.activeElement !== target) target.focus({ preventScroll: true });
    } else if (!grid.contains(document.activeElement)) {
      grid.focus({ preventScroll: true });
    }
  });
  // Newest last: starts at the end and follows new frames while there. Newest first: new rows
  // appear at the top.
  const rows = useRowWindow(scrollRef, count, ROW_HEIGHT, OVERSCAN, !newestFirst, FOLLOW_OVERSCAN);
  // A frame selected elsewhere (the timeline): bring it into view.
  useEffect(() => {
    const at = positionOf(selectedFrame);
    if (at !== -1) rows.scrollToIndex(at, 'auto');
  }, [selected]);
  // The order flipped: keep the selection in view, or show the newest frames.
  useEffect(() => {
    const at = positionOf(selectedFrame);
    if (at !== -1) rows.scrollToIndex(at, 'center');
    else if (newestFirst) rows.scrollToTop();
    else rows.scrollToEnd();
  }, [newestFirst]);
  const connections = store.state.connections;
  /**
   * A keyboard move selected this frame while the table had focus: focus its row once it is
   * rendered. The frame, not a flag: an effect still pending from the render before the key
   * (Preact runs it at the start of the next render, with its own selection) must not take the
   * hand-over meant for the frame the key selected.
   */
  const focusFrame = useRef<FrameView | null>(null);
  useEffect(() => {
    const frame = focusFrame.current;
    if (!frame) return;
    const row = rowElement(scrollRef.current, positionOf(frame));
    if (!row) return;
    focusFrame.current = null;
    row.focus({ preventScroll: true });
  });
  const byPlace = rows.lean;
  const shown = new Map<number, FrameView>();
  shownRef.current = shown;
  const selectedAt = positionOf(selectedFrame);
  const tabStop =
    selectedAt >= rows.start && selectedAt < rows.end
      ? selectedAt
      : Math.min(
          rows.end - 1,
          Math.max(rows.start, Math.ceil((scrollRef.current?.scrollTop ?? 0) / ROW_HEIGHT)),
        );

  /** Selects the row at a display position (clamped) and scrolls to it; the frame, if any. */
  const selectAt = (position: number): FrameView | undefined => {
    const clamped = Math.max(0, Math.min(count - 1, position));
    const frame = rowAt(clamped);
    if (!frame) return undefined;
    store.selectedFrame.value = frame.index;
    rows.scrollToIndex(clamped, 'auto');
    return frame;
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const focused = focusedPosition(e.target);
    if ((e.key === 'Enter' || e.key === ' ') && focused !== null) {
      e.preventDefault();
      selectAt(focused);
      return;
    }
    const selectedPosition = positionOf(selectedFrame);
    const current = selectedPosition === -1 && focused !== null ? focused : selectedPosition;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current === -1 ? count - 1 : current - 1,
      PageDown: current === -1 ? page : current + page,
      PageUp: current === -1 ? count - 1 - page : current - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      const frame = selectAt(target);
      if (focused !== null || e.target === e.currentTarget) focusFrame.current = frame ?? null;
    } else if (e.key === 'Escape' && selected !== null) {
      e.preventDefault();
      store.selectedFrame.value = null;
    }
  };

  return (
    <div
      class="frames"
      role="grid"
      aria-label={t('frames.label')}
      aria-rowcount={count + 1}
      tabIndex={-1}
      ref={gridRef}
      onKeyDown={onKeyDown}
    >
      <div class="frame-grid frames-header" role="row" aria-rowindex={1}>
        <span
          role="columnheader"
          class="col-time"
          aria-sort={newestFirst ? 'descending' : 'ascending'}
        >
          <button
            type="button"
            class="sort-button"
            data-testid="sort-time"
            title={newestFirst ? t('frames.newestFirst') : t('frames.oldestFirst')}
            onClick={() => setNewestFirst(!newestFirst)}
          >
            {t('frames.col.time')} <span aria-hidden="true">{newestFirst ? '▼' : '▲'}</span>
          </button>
        </span>
        <span role="columnheader" class="col-conn">
          {t('frames.col.connection')}
        </span>
        <span role="columnheader" class="col-type">
          {t('frames.col.type')}
        </span>
        <span role="columnheader" class="col-id">
          {t('frames.col.id')}
        </span>
        <span role="columnheader" class="col-size num" title={t('frames.col.sizeTitle')}>
          {t('frames.col.size')}
        </span>
        <span role="columnheader" class="col-data">
          {t('frames.col.data')}
        </span>
      </div>
      <div class="frames-scroll" ref={scrollRef}>
        {count === 0 && <p class="frames-empty">{emptyText(store)}</p>}
        <div class="frames-canvas" style={{ height: `${rows.totalHeight}px` }}>
          {positions(rows.start, rows.end).map((at) => {
            const frame = rowAt(at);
            if (frame) shown.set(at, frame);
            return (
              frame && (
                <FrameRow
                  key={byPlace ? `place${at - rows.start}` : frame.index}
                  frame={frame}
                  url={connections.get(frame.connection)?.url ?? ''}
                  top={at * ROW_HEIGHT}
                  rowIndex={at + FIRST_ROW_INDEX}
                  tabStop={at === tabStop}
                  odd={at % 2 === 1}
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

/** The rendered row at display position `at`, if any. */
function rowElement(scroller: HTMLElement | null, at: number): HTMLElement | null {
  if (at === -1) return null;
  return scroller?.querySelector(`[aria-rowindex="${at + FIRST_ROW_INDEX}"]`) ?? null;
}

/** Display position of the focused frame row a key event came from, or null. */
function focusedPosition(target: EventTarget | null): number | null {
  if (!(target instanceof HTMLElement) || target.getAttribute('role') !== 'row') return null;
  const index = Number(target.getAttribute('aria-rowindex'));
  return index >= FIRST_ROW_INDEX ? index - FIRST_ROW_INDEX : null;
}

/** Display positions start … end - 1. */
function positions(start: number, end: number): number[] {
  const out: number[] = [];
  for (let at = start; at < end; at++) out.push(at);
  return out;
}

function emptyText(store: PanelStore): string {
  const key = store.connectionFilter.value;
  const selected = key === null ? undefined : store.state.connections.get(key);
  if (selected && selected.frames === 0) return noFramesText(selected);
  if (store.state.frames.length > 0) return t('frames.noMatch');
  return store.stats.value.recording ? t('frames.noneYet') : t('frames.paused');
}

/** Why a connection has no frames, rather than blaming the filters. */
function noFramesText(c: ConnectionView): string {
  if (c.state !== 'closed') return t('frames.noneYetOnConnection');
  const opened = c.transitions.some((tr) => tr.cause === 'open');
  if (opened) return t('frames.closedWithout');
  return connectionFailed(c) ? t('frames.failedBefore') : t('frames.closedBeforeOpen');
}
