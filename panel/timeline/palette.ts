// Colours for event types on the timeline and in its legend. A type keeps its colour across
// sessions (it is picked by a hash of the name) unless two types present at once would share
// one, in which case the later name (in sorted order) takes the next free slot.

/** Slots, drawn as the CSS variables `--tl-type-0` … `--tl-type-9` (styles in timeline.css). */
export const PALETTE_SIZE = 10;

/** `message`, the type of every unnamed event, always gets slot 0. */
const MESSAGE = 'message';

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Palette slot for each type; `types` is the set present (any order, no duplicates). */
export function paletteSlots(types: readonly string[]): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  const ordered = [...types].sort((a, b) =>
    a === MESSAGE ? -1 : b === MESSAGE ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const type of ordered) {
    let slot = type === MESSAGE ? 0 : 1 + (hash(type) % (PALETTE_SIZE - 1));
    // Past PALETTE_SIZE types some must share; probing stops once every slot is taken.
    for (let probe = 0; probe < PALETTE_SIZE && taken.has(slot); probe++) {
      slot = (slot + 1) % PALETTE_SIZE;
    }
    taken.add(slot);
    slots.set(type, slot);
  }
  return slots;
}

/** CSS colour for a slot; usable in styles (legend) and resolved for the canvas at draw time. */
export const slotVariable = (slot: number): string => `--tl-type-${slot % PALETTE_SIZE}`;
