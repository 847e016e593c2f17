// Owns the timeline canvas outside Preact's render cycle: sizes it to its box and the device
// pixel ratio, coalesces redraws into animation frames, keeps the view (fit / live / manual)
// and moves it for zoom and pan, and answers "what is under the pointer" from the last draw.
import { panBy, viewFrom, viewTo, zoomAt, type TimeScale } from '../../src/model/timeline';
import { readColors } from './colors';
import { drawTimeline, type LaneModel } from './draw';
import {
  GUTTER,
  LANE_HEIGHT,
  contentHeight,
  laneTop,
  hitTest,
  plotWidth,
  type DrawnLane,
  type Hit,
  type Layout,
} from './geometry';
import {
  captureExtent,
  isFollowing,
  manualFrom,
  scaleFor,
  type Extent,
  type ViewMode,
} from './view';
import type { ConnectionView } from '../../src/model/capture-state';

export interface TimelineSource {
  lanes(): readonly LaneModel[];
  connections(): Iterable<ConnectionView>;
  slotOf(type: string): number;
  selectedFrame(): number | null;
}

export interface TimelineController {
  /** Starts drawing into `canvas`, sized to `scroller` (which scrolls the lanes). */
  attach(canvas: HTMLCanvasElement, scroller: HTMLElement, spacer: HTMLElement): () => void;
  /** Redraw at the next animation frame (the view, the selection or the pointer moved). */
  invalidate(): void;
  /**
   * The capture changed: redraw, but no sooner after the last draw than a following view
   * would redraw for its moving edge (see liveRedrawMs), so a flood is not drawn per batch.
   */
  dataChanged(): void;
  readonly mode: ViewMode;
  setMode(mode: ViewMode): void;
  /** Zoom by `factor` (>1 zooms in) around canvas x (CSS px); the plot's centre by default. */
  zoom(factor: number, x?: number): void;
  /** Pan by `dx` CSS px (positive moves the view back in time). */
  pan(dx: number): void;
  /** Back to following the live edge with the current span. */
  followLive(): void;
  /** Stop following: keep showing what is shown now. */
  freeze(): void;
  hit(x: number, y: number): Hit | null;
  setHover(hit: Hit | null): void;
}

const EMPTY_SCALE_SPAN = 10_000;

/**
 * Redraws a second of a view that follows a live capture: smooth enough to read, and half the
 * canvas uploads of redrawing at every animation frame (they compete with the page for CPU).
 */
const LIVE_FPS = 30;
/**
 * The same while frames arrive at FLOOD_RATE a second or more. Each redraw is rastered and
 * uploaded to the GPU, and in a flood the page needs that CPU: during a 50k-event burst this
 * rate cut the extension process's CPU by about 0.2 s (medians of six alternating runs).
 */
const FLOOD_LIVE_FPS = 10;
const FLOOD_RATE = 5_000;

/** The shortest time between two draws for new frames at `framesPerSecond`. */
export function dataRedrawMs(framesPerSecond: number): number {
  return 1000 / (framesPerSecond >= FLOOD_RATE ? FLOOD_LIVE_FPS : LIVE_FPS);
}

/**
 * Milliseconds until a following view redraws for its moving edge: when it has moved about a
 * pixel (`msPerPx`), at most `LIVE_FPS` times a second, `FLOOD_LIVE_FPS` in a flood of
 * `framesPerSecond`, and at least once a second.
 */
export function liveRedrawMs(msPerPx: number, framesPerSecond: number): number {
  return Math.min(1000, Math.max(dataRedrawMs(framesPerSecond), msPerPx));
}

/**
 * Milliseconds from `now` until a draw for new frames is due: at once when the last draw was
 * long enough ago, else when it will have been (`lastDraw` null: never drawn).
 */
export function dataRedrawDelay(lastDraw: number | null, now: number, rate: number): number {
  return lastDraw === null ? 0 : Math.max(0, lastDraw + dataRedrawMs(rate) - now);
}

/** Frames the panel held at a draw, and when (performance.now()). */
export interface FrameCount {
  frames: number;
  at: number;
}

/**
 * The panel takes in a burst in lumps (its renders are held to a duty cycle), so two draws
 * 50 ms apart often see no new frames at all: the arrival rate is measured over at least
 * this long.
 */
export const RATE_WINDOW_MS = 1_000;

/** The arrival rate (frames a second) and the count its current window started from. */
export interface ArrivalRate {
  since: FrameCount;
  rate: number;
}

/**
 * The arrival rate after a draw that counted `now`. A window of RATE_WINDOW_MS or more gives
 * the rate of its frames; inside one, the frames so far already make a rate at least that of
 * spreading them over the whole window, and the last window's rate holds until then. None at
 * the first draw (`last` null): the frames a panel already holds when it first draws (a
 * capture kept while it was closed, an import) did not arrive at any rate. None either when
 * the count fell (the capture cleared).
 */
export function arrivalRate(last: ArrivalRate | null, now: FrameCount): ArrivalRate {
  if (last === null || now.frames < last.since.frames) return { since: now, rate: 0 };
  const frames = now.frames - last.since.frames;
  const elapsed = now.at - last.since.at;
  if (elapsed >= RATE_WINDOW_MS) return { since: now, rate: (frames * 1000) / elapsed };
  return { since: last.since, rate: Math.max(last.rate, (frames * 1000) / RATE_WINDOW_MS) };
}

export function createTimelineController(
  source: TimelineSource,
  onModeChange: (mode: ViewMode) => void,
): TimelineController {
  let mode: ViewMode = { kind: 'fit' };
  let canvas: HTMLCanvasElement | null = null;
  let scroller: HTMLElement | null = null;
  let spacer: HTMLElement | null = null;
  let frame: number | null = null;
  let tick: number | null = null;
  /** When (performance.now()) the pending `tick` fires. */
  let tickAt = 0;
  let hover: Hit | null = null;
  /** When (performance.now()) the last draw was; null before the first. */
  let drawnAt: number | null = null;
  /** Frames arriving a second, as of the last draw; null before the first. */
  let arrivals: ArrivalRate | null = null;
  let layout: Layout | null = null;
  let drawn = new Map<number, DrawnLane>();

  const invalidate = (): void => {
    if (frame === null && canvas) frame = requestAnimationFrame(draw);
  };
  const redrawIn = (ms: number): void => {
    if (tick !== null) clearTimeout(tick);
    tickAt = performance.now() + ms;
    tick = window.setTimeout(invalidate, ms);
  };
  const dataChanged = (): void => {
    if (frame !== null || !canvas) return;
    const now = performance.now();
    const delay = dataRedrawDelay(drawnAt, now, arrivals?.rate ?? 0);
    if (delay === 0) invalidate();
    else if (tick === null || tickAt > now + delay) redrawIn(delay);
  };

  const currentScale = (now: number): { scale: TimeScale; extent: Extent | null } => {
    const width = layout ? plotWidth(layout) : 1;
    const extent = captureExtent(source.connections(), now);
    if (extent) return { scale: scaleFor(mode, extent, width), extent };
    return { scale: { start: now - EMPTY_SCALE_SPAN, span: EMPTY_SCALE_SPAN, width }, extent };
  };

  function draw(): void {
    frame = null;
    if (tick !== null) clearTimeout(tick);
    tick = null;
    if (!canvas || !scroller || !spacer) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const lanes = source.lanes();
    spacer.style.height = `${contentHeight(lanes.length)}px`;
    const width = scroller.clientWidth;
    const height = scroller.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    layout = { width, height, scrollTop: scroller.scrollTop };
    const now = Date.now();
    const { scale, extent } = currentScale(now);
    const live = extent?.live ?? false;
    drawn = drawTimeline(ctx, {
      layout,
      scale,
      lanes,
      now,
      live,
      slotOf: (type) => source.slotOf(type),
      selectedFrame: source.selectedFrame(),
      hover,
      colors: readColors(canvas),
      dpr,
      fontFamily: getComputedStyle(canvas).fontFamily,
    });
    // The view, for tests and tools: axis time at the left edge (epoch ms unless idle gaps
    // are collapsed), visible axis ms, lanes laid out, and where the plot and the first lane
    // are on the canvas (CSS px).
    Object.assign(canvas.dataset, {
      start: String(scale.start),
      span: String(scale.span),
      // Collapsed idle gaps (axis time skips them) and the epoch ms at the plot's two edges.
      breaks: String(scale.breaks?.length ?? 0),
      viewFrom: String(viewFrom(scale)),
      viewTo: String(viewTo(scale)),
      lanes: String(lanes.length),
      plotLeft: String(GUTTER),
      plotWidth: String(scale.width),
      laneTop: String(laneTop(layout, 0)),
      laneHeight: String(LANE_HEIGHT),
    });
    let frames = 0;
    for (const c of source.connections()) frames += c.frames;
    drawnAt = performance.now();
    arrivals = arrivalRate(arrivals, { frames, at: drawnAt });
    // While following a live capture the view moves: redraw for it (see liveRedrawMs).
    if (live && isFollowing(mode)) redrawIn(liveRedrawMs(scale.span / scale.width, arrivals.rate));
  }

  const setMode = (next: ViewMode): void => {
    const changed = isFollowing(next) !== isFollowing(mode);
    mode = next;
    if (changed || next.kind !== 'manual') onModeChange(mode);
    invalidate();
  };

  return {
    attach(c, s, sp) {
      canvas = c;
      scroller = s;
      spacer = sp;
      const resize = new ResizeObserver(invalidate);
      resize.observe(s);
      s.addEventListener('scroll', invalidate);
      invalidate();
      return () => {
        resize.disconnect();
        s.removeEventListener('scroll', invalidate);
        if (frame !== null) cancelAnimationFrame(frame);
        if (tick !== null) clearTimeout(tick);
        frame = tick = null;
        canvas = scroller = spacer = null;
      };
    },
    invalidate,
    dataChanged,
    get mode() {
      return mode;
    },
    setMode,
    zoom(factor, x) {
      const s = currentScale(Date.now()).scale;
      setMode(manualFrom(zoomAt(s, (x ?? GUTTER + s.width / 2) - GUTTER, factor)));
    },
    pan(dx) {
      setMode(manualFrom(panBy(currentScale(Date.now()).scale, dx)));
    },
    followLive() {
      setMode({ kind: 'live', span: currentScale(Date.now()).scale.span });
    },
    freeze() {
      setMode(manualFrom(currentScale(Date.now()).scale));
    },
    hit(x, y) {
      return layout ? hitTest(layout, drawn, x, y) : null;
    },
    setHover(next) {
      const same =
        next?.kind === hover?.kind && next?.lane === hover?.lane && hitX(next) === hitX(hover);
      hover = next;
      if (!same) invalidate();
    },
  };
}

const hitX = (hit: Hit | null): number | null => (hit && hit.kind !== 'label' ? hit.x : null);
