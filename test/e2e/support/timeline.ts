// Reads and drives the timeline canvas through its data attributes (the view in epoch ms and
// where the plot and lanes are), so a test can point at a frame's tick the way a user would.
import type { DevToolsPanel } from './devtools-panel';

const CANVAS = `document.querySelector('[data-testid=timeline]')`;

export interface TimelineView {
  start: number;
  span: number;
  lanes: number;
}

export function timelineView(panel: DevToolsPanel): Promise<TimelineView> {
  return panel.evaluate(`(() => { const d = ${CANVAS}.dataset;
    return { start: Number(d.start), span: Number(d.span), lanes: Number(d.lanes) }; })()`);
}

/** Canvas client coordinates of time `t` in lane `lane` (the middle of the plot when t is null). */
function pointExpression(t: number | null, lane: number): string {
  return `(() => {
    const canvas = ${CANVAS};
    const d = canvas.dataset;
    const r = canvas.getBoundingClientRect();
    const column = ${t === null ? 'Number(d.plotWidth) / 2' : `Math.floor(((${t} - Number(d.start)) / Number(d.span)) * Number(d.plotWidth))`};
    return { canvas, clientX: r.left + Number(d.plotLeft) + column + 0.5,
      clientY: r.top + Number(d.laneTop) + (${lane} + 0.5) * Number(d.laneHeight) };
  })()`;
}

/**
 * Dispatches a mouse event of `type` (a PointerEvent for pointermove, a MouseEvent for click)
 * on the tick of time `t` in lane `lane`, in the view the canvas last drew.
 */
export function pointAtTick(
  panel: DevToolsPanel,
  type: 'pointermove' | 'click',
  t: number,
  lane: number,
): Promise<void> {
  return panel.evaluate(`(() => {
    const { canvas, clientX, clientY } = ${pointExpression(t, lane)};
    const init = { clientX, clientY, bubbles: true, cancelable: true };
    canvas.dispatchEvent(${type === 'click' ? 'new MouseEvent' : 'new PointerEvent'}(${JSON.stringify(type)}, init));
  })()`);
}

/** A wheel turn (negative `deltaY` zooms in) over time `t` of lane 0, or the plot's middle. */
export function wheelOnTimeline(
  panel: DevToolsPanel,
  deltaY: number,
  t: number | null = null,
): Promise<void> {
  return panel.evaluate(`(() => {
    const { canvas, clientX, clientY } = ${pointExpression(t, 0)};
    canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: ${deltaY}, clientX, clientY,
      bubbles: true, cancelable: true }));
  })()`);
}

/** A key pressed while the timeline has focus. */
export function keyOnTimeline(panel: DevToolsPanel, key: string): Promise<void> {
  return panel.evaluate(`(() => { const canvas = ${CANVAS}; canvas.focus();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)},
      bubbles: true, cancelable: true })); })()`);
}
