// A block of assembled text (answer or reasoning) linked to the frames that carried it: a click
// on a character selects its frame, the selected frame's runs are marked and scrolled into view.
// Text only: the model's output is rendered as text nodes, never parsed as markup.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { frameAtOffset } from '../../src/llm/cross-links';
import type { TextSpan } from '../../src/llm/conversation';
import { framesInTextOrder, textSegments } from '../conversation/highlight';
import { t } from '../i18n/translate';

interface Props {
  text: string;
  spans: readonly TextSpan[];
  /** The frame selected in the table, or null. */
  selected: number | null;
  onSelect: (frame: number) => void;
  testId: string;
  label: string;
}

export function LinkedText({ text, spans, selected, onSelect, testId, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const segments = useMemo(() => textSegments(text, spans, selected), [text, spans, selected]);
  const marked = segments.some((s) => s.marked);
  useEffect(() => {
    if (!marked) return;
    ref.current
      ?.querySelector('[data-testid=conversation-highlight]')
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected, marked]);

  const selectAt = (offset: number | null): void => {
    const frame = offset === null ? null : frameAtOffset(spans, offset);
    if (frame !== null) onSelect(frame);
  };
  const onClick = (e: JSX.TargetedMouseEvent<HTMLDivElement>): void => {
    // A drag that selected text is a selection, not a cross-link.
    if (document.getSelection()?.isCollapsed === false) return;
    const root = ref.current;
    if (root) selectAt(characterAtPoint(root, e.clientX, e.clientY));
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const root = ref.current;
    if (!root) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      selectAt(selectionOffset(root) ?? spans[0]?.start ?? null);
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const order = framesInTextOrder(spans);
    const at = selected === null ? -1 : order.indexOf(selected);
    const next = e.key === 'ArrowRight' ? (at === -1 ? 0 : at + 1) : at - 1;
    const frame = order[next];
    if (frame === undefined) return;
    e.preventDefault();
    onSelect(frame);
  };

  return (
    <div
      ref={ref}
      class="conversation-text"
      data-testid={testId}
      tabIndex={0}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label={t('linked.label', { label })}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {segments.map((s) =>
        s.marked ? (
          <mark key={s.start} data-testid="conversation-highlight" data-start={s.start}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </div>
  );
}

/** Offset in `root`'s text of the character under the point, or null when there is none. */
function characterAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const caret = caretAt(x, y);
  if (!caret || !root.contains(caret.node)) return null;
  const boundary = textOffset(root, caret.node, caret.offset);
  // The caret is the boundary nearest the point: the character is the one after it or before it.
  if (caret.node.nodeType === Node.TEXT_NODE) {
    for (const [delta, start] of [
      [0, caret.offset],
      [-1, caret.offset - 1],
    ] as const) {
      if (start < 0 || start >= (caret.node.textContent ?? '').length) continue;
      const range = document.createRange();
      range.setStart(caret.node, start);
      range.setEnd(caret.node, start + 1);
      for (const r of range.getClientRects()) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return boundary + delta;
      }
    }
  }
  return boundary;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const range = document.caretRangeFromPoint(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Characters of `root`'s text before the boundary (node, offset). */
function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** Where the user's text selection starts inside `root`, or null when it is elsewhere. */
function selectionOffset(root: HTMLElement): number | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer)) return null;
  return textOffset(root, range.startContainer, range.startOffset);
}
