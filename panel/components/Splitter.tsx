// A draggable divider between two panes. Reports size deltas in pixels; arrow keys resize
// too, so the layout can be adjusted without a mouse. As a focusable separator it tells
// assistive technology the size of the pane it resizes, and the range that size can take.
import type { JSX } from 'preact';

const KEY_STEP = 16;

interface Props {
  /** `y` divides panes stacked vertically (drag up/down), `x` panes side by side. */
  axis: 'x' | 'y';
  label: string;
  /** Size of the pane this divider resizes, px, and the range it is kept in. */
  size: { now: number; min: number; max: number };
  onResize: (delta: number) => void;
}

export function Splitter({ axis, label, size, onResize }: Props) {
  const position = (e: PointerEvent): number => (axis === 'y' ? e.clientY : e.clientX);
  const onPointerDown = (e: JSX.TargetedPointerEvent<HTMLDivElement>): void => {
    const handle = e.currentTarget;
    let last = position(e);
    handle.setPointerCapture(e.pointerId);
    const move = (m: PointerEvent): void => {
      const next = position(m);
      onResize(next - last);
      last = next;
    };
    const end = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    e.preventDefault();
  };
  const [back, forward] = axis === 'y' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  return (
    <div
      class={`splitter splitter-${axis}`}
      role="separator"
      aria-label={label}
      aria-orientation={axis === 'y' ? 'horizontal' : 'vertical'}
      aria-valuenow={Math.round(size.now)}
      aria-valuemin={Math.round(size.min)}
      aria-valuemax={Math.round(Math.max(size.min, size.max))}
      aria-valuetext={`${Math.round(size.now)} px`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const step = e.key === back ? -KEY_STEP : e.key === forward ? KEY_STEP : 0;
        if (step === 0) return;
        e.preventDefault();
        onResize(step);
      }}
    />
  );
}
