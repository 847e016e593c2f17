// Bounds on what an import may bring into the panel, so a huge or hostile file fails with a
// clear message instead of exhausting the panel's memory.
import { LIMITS, PANEL_MAX_FRAMES } from '../protocol/constants';

export const IMPORT_LIMITS = {
  /** Largest file read at all. */
  maxFileBytes: 128 * 1024 * 1024,
  maxConnections: LIMITS.maxConnections,
  /** Frames over all connections: what the panel holds. */
  maxFrames: PANEL_MAX_FRAMES,
  /** Transitions, comments, listened types and the like, per list. */
  maxListItems: 100_000,
} as const;
