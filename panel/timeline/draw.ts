// Paints the timeline on a 2D canvas: time axis and grid, one lane per connection with its
// readyState bands, queue waits (hatched), reconnect gaps (annotated), bursts, stalls, LLM
// output stalls and frame ticks. Work per draw is bounded by the lanes in view times the
// plot's pixel width.
import type { ConnectionStateName, FrameView } from '../../src/model/capture-state';
import {
  axisStep,
  spansInView,
  tickColumns,
  toX,
  visibleSegments,
  type AxisBreak,
  type Band,
  type ReconnectGap,
  type Span,
  type TickColumn,
  type TimeScale,
} from '../../src/model/timeline';
import { positionOf } from '../frame-search';
import { hatch, type Colors } from './colors';
import {
  AXIS_HEIGHT,
  GUTTER,
  LANE_HEIGHT,
  laneTop,
  plotWidth,
  type DrawnLane,
  type Hit,
  type Layout,
  type Note,
} from './geometry';
import {
  axisLabel,
  breakLabel,
  burstNote,
  gapLabels,
  gapNote,
  outputStallNote,
  queueNote,
  stallNote,
} from './labels';
import { t } from '../i18n/translate';

export interface LaneModel {
  key: string;
  /** URL path (and query), the lane's label. */
  label: string;
  state: ConnectionStateName;
  /** The connection is the one the frames table is filtered to. */
  selected: boolean;
  bands: Band[];
  gaps: ReconnectGap[];
  frames: readonly FrameView[];
  bursts: readonly Span[];
  stalls: readonly Span[];
  /** An LLM stream's waits of STALL_MS or more between output deltas (the Conversation tab's). */
  outputStalls: readonly Span[];
  /** Where bands still open end; null while the connection is live (they end now). */
  end: number | null;
}

export interface DrawInput {
  layout: Layout;
  scale: TimeScale;
  lanes: readonly LaneModel[];
  now: number;
  /** Draw a line at `now`: the capture is live. */
  live: boolean;
  slotOf: (type: string) => number;
  selectedFrame: number | null;
  hover: Hit | null;
  colors: Colors;
  dpr: number;
  fontFamily: string;
}

const PAD = 3;
const INNER = LANE_HEIGHT - 2 * PAD;

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  input: DrawInput,
): Map<number, DrawnLane> {
  const { layout, colors, dpr } = input;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, layout.width, layout.height);
  const drawn = new Map<number, DrawnLane>();
  const first = Math.max(0, Math.floor(layout.scrollTop / LANE_HEIGHT));
  const last = Math.min(
    input.lanes.length - 1,
    Math.floor((layout.scrollTop + layout.height - AXIS_HEIGHT) / LANE_HEIGHT),
  );
  drawGrid(ctx, input);
  for (let i = first; i <= last; i++) {
    const lane = input.lanes[i] as LaneModel;
    const top = laneTop(layout, i);
    if (lane.selected) {
      ctx.fillStyle = colors.selectedLane;
      ctx.fillRect(0, top, layout.width, LANE_HEIGHT);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(GUTTER, Math.max(top, AXIS_HEIGHT), plotWidth(layout), LANE_HEIGHT);
    ctx.clip();
    drawn.set(i, drawLane(ctx, input, lane, i, top));
    ctx.restore();
    drawLabel(ctx, input, lane, top);
    ctx.fillStyle = colors.border;
    ctx.fillRect(0, top + LANE_HEIGHT - 1, layout.width, 1);
  }
  drawAxis(ctx, input);
  return drawn;
}

function drawGrid(
  ctx: CanvasRenderingContext2D,
  { layout, scale, colors, now, live }: DrawInput,
): void {
  const step = axisStep(scale, 90);
  ctx.fillStyle = colors.grid;
  forEachAxisTick(scale, step, (t) => {
    ctx.fillRect(Math.round(GUTTER + toX(scale, t)), AXIS_HEIGHT, 1, layout.height);
  });
  for (const b of breaksInView(scale)) {
    const [x0, x1] = breakX(scale, b);
    ctx.fillRect(x0, AXIS_HEIGHT, x1 - x0, layout.height);
  }
  if (live) {
    const x = GUTTER + toX(scale, now);
    if (x >= GUTTER && x <= GUTTER + scale.width) {
      ctx.fillStyle = colors.accent;
      ctx.fillRect(Math.round(x), 0, 1, layout.height);
    }
  }
}

function drawAxis(ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { layout, scale, colors } = input;
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, layout.width, AXIS_HEIGHT);
  ctx.fillStyle = colors.border;
  ctx.fillRect(0, AXIS_HEIGHT - 1, layout.width, 1);
  ctx.fillRect(GUTTER - 1, 0, 1, layout.height);
  const step = axisStep(scale, 90);
  ctx.font = `10px ${input.fontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.dim;
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER, 0, plotWidth(layout), AXIS_HEIGHT);
  ctx.clip();
  forEachAxisTick(scale, step, (t) => {
    const x = Math.round(GUTTER + toX(scale, t));
    ctx.fillRect(x, AXIS_HEIGHT - 5, 1, 4);
    ctx.fillText(axisLabel(t, step), x + 3, AXIS_HEIGHT / 2);
  });
  // Collapsed idle gaps: a zigzag across the axis, and how long the gap was.
  for (const b of breaksInView(scale)) {
    const [x0, x1] = breakX(scale, b);
    const label = breakLabel(b);
    const width = ctx.measureText(label).width + 8;
    const mid = (x0 + x1) / 2;
    ctx.fillStyle = colors.bg;
    ctx.fillRect(mid - width / 2, 0, width, AXIS_HEIGHT - 1);
    ctx.fillStyle = colors.text;
    ctx.fillText(label, mid - width / 2 + 4, AXIS_HEIGHT / 2);
    ctx.fillStyle = colors.dim;
    for (const x of [x0, x1]) {
      for (let y = 0; y < AXIS_HEIGHT - 1; y += 4) ctx.fillRect(x + (y % 8 === 0 ? 0 : 1), y, 1, 3);
    }
  }
  ctx.restore();
}

/** Calls `draw` for each round axis time in view, skipping the collapsed idle gaps. */
function forEachAxisTick(scale: TimeScale, step: number, draw: (t: number) => void): void {
  for (const segment of visibleSegments(scale)) {
    for (let t = Math.ceil(segment.from / step) * step; t < segment.to; t += step) draw(t);
  }
}

function breaksInView(scale: TimeScale): AxisBreak[] {
  return (scale.breaks ?? []).filter((b) => {
    const [x0, x1] = breakX(scale, b);
    return x1 >= GUTTER && x0 <= GUTTER + scale.width;
  });
}

/** Canvas x of a break's two edges, at least 6 px apart so the mark shows at any zoom. */
function breakX(scale: TimeScale, b: AxisBreak): [number, number] {
  const x0 = GUTTER + toX(scale, b.from);
  const x1 = GUTTER + toX(scale, b.to);
  const mid = (x0 + x1) / 2;
  return [Math.round(Math.min(x0, mid - 3)), Math.round(Math.max(x1, mid + 3))];
}

function drawLabel(
  ctx: CanvasRenderingContext2D,
  { colors, fontFamily }: DrawInput,
  lane: LaneModel,
  top: number,
): void {
  ctx.fillStyle = lane.selected ? colors.selectedLane : colors.bg;
  ctx.fillRect(0, top, GUTTER - 1, LANE_HEIGHT);
  ctx.fillStyle = { open: colors.open, connecting: colors.connecting, closed: colors.closed }[
    lane.state
  ];
  ctx.beginPath();
  ctx.arc(10, top + LANE_HEIGHT / 2, 3.5, 0, Math.PI * 2);
  ctx.fill();
  ctx.font = `11px ${fontFamily}`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.text;
  ctx.fillText(ellipsize(ctx, lane.label, GUTTER - 26), 20, top + LANE_HEIGHT / 2);
}

function ellipsize(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function drawLane(
  ctx: CanvasRenderingContext2D,
  input: DrawInput,
  lane: LaneModel,
  index: number,
  top: number,
): DrawnLane {
  const { scale, colors } = input;
  const notes: Note[] = [];
  const end = lane.end ?? input.now;
  const inner = top + PAD;
  const px = (t: number): number => toX(scale, t);
  const left = -2;
  const right = scale.width + 2;
  const clampX = (x: number): number => Math.max(left, Math.min(right, x));
  ctx.translate(GUTTER, 0);

  for (const band of lane.bands) {
    const x0 = clampX(px(band.from));
    const x1 = clampX(px(band.to ?? end));
    if (x1 < 0 || x0 > scale.width) continue;
    const w = Math.max(1, x1 - x0);
    if (band.kind === 'elided') {
      ctx.fillStyle = colors.grid;
      ctx.fillRect(x0, inner, w, INNER);
      notes.push({ x0, x1: x0 + w, describe: () => t('tl.elided') });
      continue;
    }
    if (band.kind === 'queued') {
      ctx.fillStyle = queuedPattern(ctx, input);
      ctx.fillRect(x0, inner, w, INNER);
      notes.push({ x0, x1: x0 + w, describe: () => queueNote(band.from, band.to, end) });
      continue;
    }
    const [fill, line] =
      band.kind === 'open'
        ? [colors.openBg, colors.open]
        : [colors.connectingBg, colors.connecting];
    ctx.fillStyle = fill;
    ctx.fillRect(x0, inner, w, INNER);
    ctx.fillStyle = line;
    if (band.kind === 'reconnecting') {
      // Dashed: the browser is waiting to retry.
      for (let x = x0; x < x0 + w; x += 6) {
        ctx.fillRect(x, inner + INNER - 2, Math.min(3, x0 + w - x), 2);
      }
    } else {
      ctx.fillRect(x0, inner + INNER - 2, w, 2);
    }
  }
  if (lane.state === 'closed') {
    ctx.fillStyle = colors.closed;
    ctx.fillRect(Math.round(px(end)) - 1, inner, 2, INNER);
  }

  ctx.font = `10px ${input.fontFamily}`;
  ctx.textBaseline = 'middle';
  for (const gap of lane.gaps) {
    const x0 = clampX(px(gap.from));
    const x1 = clampX(px(gap.to ?? end));
    if (x1 < 0 || x0 > scale.width) continue;
    notes.push({ x0, x1, describe: () => gapNote(gap, end) });
    const { full, short } = gapLabels(gap, end);
    const room = x1 - x0 - 6;
    const text = [full, short].find((t) => ctx.measureText(t).width <= room);
    if (text) {
      ctx.fillStyle = colors.text;
      ctx.fillText(text, x0 + 3, inner + INNER / 2 - 1);
    }
  }

  drawSpans(lane.stalls, scale, (x0, x1, span) => {
    ctx.fillStyle = colors.stall;
    const y = inner + INNER / 2;
    for (let x = x0; x < x1; x += 4) ctx.fillRect(x, y, Math.min(2, x1 - x), 1);
    ctx.fillRect(x0, y - 3, 1, 7);
    ctx.fillRect(x1 - 1, y - 3, 1, 7);
    notes.push({ x0, x1, describe: () => stallNote(span) });
  });

  drawSpans(lane.outputStalls, scale, (x0, x1, span) => {
    ctx.fillStyle = colors.stall;
    ctx.fillRect(x0, inner + INNER - 5, Math.max(2, x1 - x0), 2);
    notes.push({ x0, x1: Math.max(x0 + 2, x1), describe: () => outputStallNote(span) });
  });

  const columns = tickColumns(scale, lane.frames);
  drawTicks(ctx, input, columns, inner);

  drawSpans(lane.bursts, scale, (x0, x1, span) => {
    ctx.fillStyle = colors.burst;
    ctx.fillRect(x0, inner - 1, Math.max(3, x1 - x0), 3);
    notes.push({ x0, x1: Math.max(x0 + 3, x1), describe: () => burstNote(span) });
  });

  highlight(ctx, input, lane, columns, inner, index);
  ctx.translate(-GUTTER, 0);
  return { columns, notes };
}

/** Calls `draw` for the spans in view, skipping those that would land on an already drawn px. */
function drawSpans(
  spans: readonly Span[],
  scale: TimeScale,
  draw: (x0: number, x1: number, span: Span) => void,
): void {
  const [from, to] = spansInView(spans, scale);
  let drawnTo = -Infinity;
  for (let i = from; i < to; i++) {
    const span = spans[i] as Span;
    const x0 = Math.max(-2, toX(scale, span.from));
    const x1 = Math.min(scale.width + 2, toX(scale, span.to));
    if (x1 < drawnTo + 1) continue;
    draw(x0, x1, span);
    drawnTo = x1;
  }
}

function drawTicks(
  ctx: CanvasRenderingContext2D,
  { slotOf, colors }: DrawInput,
  columns: readonly TickColumn[],
  inner: number,
): void {
  // Sparse columns get wider ticks; dense ones stay 1 px so neighbours do not merge.
  const width = columns.length > 1 && columns.length * 3 > (columns.at(-1)?.x ?? 0) ? 1 : 2;
  const bySlot = new Map<number, TickColumn[]>();
  for (const c of columns) {
    const slot = slotOf(c.frame.type);
    const list = bySlot.get(slot);
    if (list) list.push(c);
    else bySlot.set(slot, [c]);
  }
  for (const [slot, list] of bySlot) {
    ctx.fillStyle = colors.types[slot] ?? colors.text;
    ctx.beginPath();
    for (const c of list) {
      // Taller ticks where a pixel holds more frames: 1 → half height, 100+ → full.
      const h = Math.round((INNER - 4) * (0.5 + 0.25 * Math.min(2, Math.log10(c.count))));
      ctx.rect(c.x, inner + INNER - 3 - h, width, h);
    }
    ctx.fill();
  }
}

function highlight(
  ctx: CanvasRenderingContext2D,
  { selectedFrame, hover, colors, scale }: DrawInput,
  lane: LaneModel,
  columns: readonly TickColumn[],
  inner: number,
  index: number,
): void {
  if (selectedFrame !== null) {
    const frame = lane.frames[positionOf(lane.frames, selectedFrame)];
    if (frame) {
      const x = Math.floor(toX(scale, frame.t));
      ctx.strokeStyle = colors.accent;
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 2, inner, 5, INNER);
    }
  }
  if (hover?.kind === 'frame' && hover.lane === index) {
    const column = columns.find((c) => c.x === hover.x);
    if (column) {
      ctx.strokeStyle = colors.text;
      ctx.lineWidth = 1;
      ctx.strokeRect(column.x - 1.5, inner + 0.5, 4, INNER - 1);
    }
  }
}

let queued: { key: string; pattern: CanvasPattern | string } | null = null;

function queuedPattern(ctx: CanvasRenderingContext2D, { colors, dpr }: DrawInput) {
  const key = `${colors.queued}|${colors.queuedBg}|${dpr}`;
  if (queued?.key !== key)
    queued = { key, pattern: hatch(ctx, colors.queued, colors.queuedBg, dpr) };
  return queued.pattern;
}
