// The arithmetic of the frames table's windowing: every row has the same height, so which
// rows are in view, where a row must scroll to, and whether the view sits at the end follow
// from the scroll offset and the viewport height alone, in constant time for any row count.

export interface RowRange {
  /** First display position to render. */
  start: number;
  /** One past the last display position to render. */
  end: number;
}

/** Rows in view at `top` (scroll offset, px) in a viewport `height` px tall, plus `overscan`. */
export function rowsInView(
  top: number,
  height: number,
  count: number,
  rowHeight: number,
  overscan: number,
): RowRange {
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight);
  return {
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.max(0, Math.min(count, last + overscan)),
  };
}

/** Rows to render, and whether the window is lean. */
export interface RenderedRows extends RowRange {
  lean: boolean;
}

/**
 * The rows to render for a view at `top`: `overscan` rows beyond each edge, unless the view
 * follows appended rows (`following`) in a capture too long to render whole (that overscan
 * would not reach the first row). Then the window is lean: `followOverscan` rows above the
 * view and none below, since a following view is at the end.
 */
export function rowsToRender(
  top: number,
  height: number,
  count: number,
  rowHeight: number,
  overscan: number,
  following: boolean,
  followOverscan: number,
): RenderedRows {
  const whole = rowsInView(top, height, count, rowHeight, overscan);
  if (!following || whole.start === 0) return { ...whole, lean: false };
  return { ...rowsInView(top, height, count, rowHeight, followOverscan), lean: true };
}

/** The largest scroll offset: the last row's bottom at the viewport's bottom. */
export function endOffset(count: number, rowHeight: number, height: number): number {
  return Math.max(0, count * rowHeight - height);
}

/** Whether a view at `top` shows the last of `count` rows (within half a row). */
export function isAtEnd(top: number, height: number, count: number, rowHeight: number): boolean {
  return top >= endOffset(count, rowHeight, height) - rowHeight / 2;
}

/**
 * The scroll offset that shows row `index`: `auto` moves as little as possible (none when it
 * is fully in view), `center` puts it mid-viewport. Clamped to the scrollable range.
 */
export function offsetFor(
  index: number,
  align: 'auto' | 'center',
  top: number,
  height: number,
  count: number,
  rowHeight: number,
): number {
  const rowTop = index * rowHeight;
  let target = top;
  if (align === 'center') target = rowTop - (height - rowHeight) / 2;
  else if (rowTop < top) target = rowTop;
  else if (rowTop + rowHeight > top + height) target = rowTop + rowHeight - height;
  return Math.max(0, Math.min(endOffset(count, rowHeight, height), target));
}
