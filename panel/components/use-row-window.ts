// Binds the frames table's fixed-height windowing (row-window.ts) to its scrolling <div>:
// re-renders when scrolling or resizing brings other rows into view, follows new rows while
// the view is at the end, and scrolls a row into view on request. Rendering never reads
// layout; the one write per followed append is the scroll offset.
//
// While it follows a capture too long to be rendered whole (the usual overscan no longer
// reaches the first row), the window is lean: `followOverscan` rows above the view, none
// below. In a flood nearly every rendered row changes at each render, and the rows above the
// view only matter once the user scrolls, which stops following.
import { useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';
import {
  endOffset,
  isAtEnd,
  offsetFor,
  rowsToRender,
  type RenderedRows,
  type RowRange,
} from '../row-window';

export interface RowWindow extends RowRange {
  /** The view follows appended rows in a capture too long to render whole (see above). */
  lean: boolean;
  /** Height of all rows, px: the scroll canvas's height. */
  totalHeight: number;
  scrollToIndex(index: number, align: 'auto' | 'center'): void;
  scrollToEnd(): void;
  scrollToTop(): void;
}

interface View {
  top: number;
  height: number;
  /** The view showed the last row when the user last scrolled (or it was put there). */
  atEnd: boolean;
}

export function useRowWindow(
  scrollRef: MutableRef<HTMLDivElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  /** Keep the last row in view as rows are appended, while the view is at the end. */
  follow: boolean,
  /** Rows rendered above the viewport while the window is lean (none are below it then). */
  followOverscan = overscan,
): RowWindow {
  const [, setTick] = useState(0);
  const view = useRef<View>({ top: 0, height: 0, atEnd: true }).current;
  const countRef = useRef(count);
  countRef.current = count;
  const rangeRef = useRef<RowRange>({ start: 0, end: 0 });
  /** The rows to render for the view as it is now, with the current props. */
  const inView = useRef((): RenderedRows => ({ start: 0, end: 0, lean: false }));
  inView.current = () =>
    rowsToRender(
      view.top,
      view.height,
      countRef.current,
      rowHeight,
      overscan,
      follow && view.atEnd,
      followOverscan,
    );

  const following = follow && view.atEnd;
  if (following) view.top = endOffset(count, rowHeight, view.height);
  const range = inView.current();
  rangeRef.current = range;

  const moveTo = (top: number, atEnd: boolean): void => {
    view.top = top;
    view.atEnd = atEnd;
    const el = scrollRef.current;
    if (el && el.scrollTop !== top) el.scrollTop = top;
    setTick((n) => n + 1);
  };

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    view.height = el.clientHeight;
    const changed = (): boolean => {
      const next = inView.current();
      return next.start !== rangeRef.current.start || next.end !== rangeRef.current.end;
    };
    const onScroll = (): void => {
      view.top = el.scrollTop;
      view.atEnd = isAtEnd(view.top, view.height, countRef.current, rowHeight);
      if (changed()) setTick((n) => n + 1);
    };
    const resizes = new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]?.contentRect.height;
      if (height === undefined || height === view.height) return;
      view.height = height;
      setTick((n) => n + 1);
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    resizes.observe(el);
    setTick((n) => n + 1);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resizes.disconnect();
    };
  }, [scrollRef, rowHeight]);

  // After a followed append, put the scroll offset where this render assumed it is.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el && el.scrollTop !== view.top) el.scrollTop = view.top;
  });

  return {
    ...range,
    totalHeight: count * rowHeight,
    scrollToIndex(index, align) {
      const top = offsetFor(index, align, view.top, view.height, countRef.current, rowHeight);
      moveTo(top, isAtEnd(top, view.height, countRef.current, rowHeight));
    },
    scrollToEnd() {
      moveTo(endOffset(countRef.current, rowHeight, view.height), true);
    },
    scrollToTop() {
      moveTo(0, isAtEnd(0, view.height, countRef.current, rowHeight));
    },
  };
}
