// The timeline canvas and its interactions: wheel zooms (over the lane labels it scrolls the
// lanes), drag pans, keys zoom/pan/fit/follow, hovering shows what is under the pointer and a
// click selects a frame (or filters to a lane's connection). Drawing is the controller's. For
// screen readers the canvas is described by a summary of its lanes and its notes, and a live
// region says what is hovered or selected.
import { useSignalEffect, type ReadonlySignal } from '@preact/signals';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineController } from '../timeline/controller';
import type { LaneModel } from '../timeline/draw';
import { GUTTER, LANE_HEIGHT, type Hit } from '../timeline/geometry';
import type { PanelStore } from '../store';
import { TimelineAnnouncer } from './TimelineAnnouncer';
import { TimelineNotes } from './TimelineNotes';
import { TimelineSummary } from './TimelineSummary';
import { TimelineTooltip } from './TimelineTooltip';
import { activeLocale } from '../i18n/locale';
import { t } from '../i18n/translate';

interface Props {
  store: PanelStore;
  controller: TimelineController;
  models: ReadonlySignal<LaneModel[]>;
  slots: ReadonlySignal<ReadonlyMap<string, number>>;
  height: number;
}

const ZOOM_STEP = 1.5;
/** Wheel delta (px) that zooms by a factor of e. */
const WHEEL_PX_PER_E = 500;
const DRAG_THRESHOLD = 3;

export interface PointedHit {
  hit: Hit;
  x: number;
  y: number;
}

export function TimelineCanvas({ store, controller, models, slots, height }: Props) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const spacerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; moved: boolean } | null>(null);
  const dragged = useRef(false);
  const [pointed, setPointed] = useState<PointedHit | null>(null);
  const [announce, setAnnounce] = useState<'hovered' | 'selected'>('selected');
  const selected = store.selected.value;
  useEffect(() => setAnnounce('selected'), [selected?.index]);

  useLayoutEffect(() => {
    const [canvas, scroller, spacer] = [canvasRef.current, scrollerRef.current, spacerRef.current];
    if (!canvas || !scroller || !spacer) return;
    return controller.attach(canvas, scroller, spacer);
  }, [controller]);
  useSignalEffect(() => {
    void models.value;
    void slots.value;
    controller.dataChanged();
  });
  useSignalEffect(() => {
    void store.selectedFrame.value;
    // The lanes' drawn labels are in the panel's language.
    void activeLocale.value;
    controller.invalidate();
  });

  const point = (e: MouseEvent): { x: number; y: number } => {
    const rect = (canvasRef.current as HTMLCanvasElement).getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const hover = (next: PointedHit | null): void => {
    controller.setHover(next?.hit ?? null);
    setPointed(next);
    if (next) setAnnounce('hovered');
  };

  const onPointerMove = (e: JSX.TargetedPointerEvent<HTMLCanvasElement>): void => {
    const d = drag.current;
    if (d && (e.buttons & 1) === 1) {
      const dx = e.clientX - d.x;
      if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
      if (!d.moved) {
        d.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        hover(null);
      }
      controller.pan(dx);
      d.x = e.clientX;
      return;
    }
    const p = point(e);
    const hit = controller.hit(p.x, p.y);
    hover(hit ? { hit, ...p } : null);
  };

  const onClick = (e: JSX.TargetedMouseEvent<HTMLCanvasElement>): void => {
    if (dragged.current) {
      dragged.current = false;
      return;
    }
    const p = point(e);
    const hit = controller.hit(p.x, p.y);
    if (hit?.kind === 'frame') store.selectedFrame.value = hit.frame.index;
    if (hit?.kind === 'label') {
      const key = models.peek()[hit.lane]?.key ?? null;
      store.connectionFilter.value = store.connectionFilter.peek() === key ? null : key;
    }
  };

  const onWheel = (e: JSX.TargetedWheelEvent<HTMLCanvasElement>): void => {
    const p = point(e);
    // Over the lane labels the wheel scrolls the lanes natively.
    if (p.x < GUTTER) return;
    e.preventDefault();
    const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode ? 400 : 1;
    const horizontal = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
    if (horizontal) controller.pan(-(e.shiftKey ? e.deltaY || e.deltaX : e.deltaX) * unit);
    else controller.zoom(Math.exp((-e.deltaY * unit) / WHEEL_PX_PER_E), p.x);
  };

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLCanvasElement>): void => {
    const scroller = scrollerRef.current;
    const panStep = (canvasRef.current?.clientWidth ?? 800) / 8;
    const actions: Record<string, () => void> = {
      '+': () => controller.zoom(ZOOM_STEP),
      '=': () => controller.zoom(ZOOM_STEP),
      '-': () => controller.zoom(1 / ZOOM_STEP),
      _: () => controller.zoom(1 / ZOOM_STEP),
      ArrowLeft: () => controller.pan(panStep),
      ArrowRight: () => controller.pan(-panStep),
      ArrowUp: () => scroller?.scrollBy({ top: -LANE_HEIGHT }),
      ArrowDown: () => scroller?.scrollBy({ top: LANE_HEIGHT }),
      '0': () => controller.setMode({ kind: 'fit' }),
      End: () => controller.followLive(),
    };
    const action = actions[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  };

  return (
    <div class="timeline-view" style={{ height: `${height}px` }}>
      <div class="timeline-scroller" ref={scrollerRef}>
        <div class="timeline-spacer" ref={spacerRef}>
          <canvas
            ref={canvasRef}
            class="timeline-canvas"
            data-testid="timeline"
            tabIndex={0}
            aria-roledescription="timeline"
            aria-label={t('tl.canvas')}
            aria-describedby="timeline-summary timeline-notes"
            onPointerDown={(e) => {
              if (e.button !== 0) return;
              drag.current = { x: e.clientX, moved: false };
              dragged.current = false;
            }}
            onPointerMove={onPointerMove}
            onPointerUp={() => {
              dragged.current = drag.current?.moved ?? false;
              drag.current = null;
            }}
            onPointerLeave={() => hover(null)}
            onClick={onClick}
            onWheel={onWheel}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
      {pointed && (
        <TimelineTooltip
          pointed={pointed}
          lane={models.peek()[pointed.hit.lane]}
          connection={store.state.connections.get(models.peek()[pointed.hit.lane]?.key ?? '')}
          slot={pointed.hit.kind === 'frame' ? slots.peek().get(pointed.hit.frame.type) : undefined}
          width={canvasRef.current?.clientWidth ?? 0}
        />
      )}
      <TimelineSummary id="timeline-summary" models={models} />
      <TimelineNotes id="timeline-notes" models={models} />
      <TimelineAnnouncer
        hovered={pointed?.hit ?? null}
        lanes={models}
        selected={selected}
        latest={announce}
      />
    </div>
  );
}
