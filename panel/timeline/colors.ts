// The timeline's colours, read from the panel's CSS variables when it draws, so a theme switch
// (light/dark, set on <html data-theme>) needs no code here; and the hatch for queue waits.
import { PALETTE_SIZE, slotVariable } from './palette';

const NAMES = {
  bg: '--bg',
  text: '--text',
  dim: '--text-dim',
  border: '--border',
  grid: '--tl-grid',
  selectedLane: '--tl-selected-lane',
  accent: '--accent',
  open: '--open',
  openBg: '--open-bg',
  connecting: '--connecting',
  connectingBg: '--connecting-bg',
  queued: '--queued',
  queuedBg: '--queued-bg',
  closed: '--closed',
  burst: '--tl-burst',
  stall: '--tl-stall',
} as const;

type Named = Record<keyof typeof NAMES, string>;

export interface Colors extends Named {
  /** By palette slot. */
  types: string[];
}

export function readColors(element: Element): Colors {
  const style = getComputedStyle(element);
  const read = (name: string): string => style.getPropertyValue(name).trim() || 'gray';
  const named = Object.fromEntries(
    Object.entries(NAMES).map(([key, name]) => [key, read(name)]),
  ) as Named;
  return { ...named, types: Array.from({ length: PALETTE_SIZE }, (_, s) => read(slotVariable(s))) };
}

/** Diagonal stripes in `color` over `background`: waits behind the connection limit. */
export function hatch(
  ctx: CanvasRenderingContext2D,
  color: string,
  background: string,
  dpr: number,
): CanvasPattern | string {
  const size = Math.max(1, Math.round(6 * dpr));
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return color;
  t.fillStyle = background;
  t.fillRect(0, 0, size, size);
  t.strokeStyle = color;
  t.lineWidth = Math.max(1, dpr);
  t.beginPath();
  // One stripe through the tile plus its wrapped corners, so tiles join seamlessly.
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.moveTo(-size / 2, size / 2);
  t.lineTo(size / 2, -size / 2);
  t.moveTo(size / 2, size * 1.5);
  t.lineTo(size * 1.5, size / 2);
  t.stroke();
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) return color;
  // The context draws in CSS px; the tile is in device px.
  pattern.setTransform(new DOMMatrix().scale(1 / dpr));
  return pattern;
}
