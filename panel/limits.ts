// The panel's memory caps (frames kept, data characters kept), chosen in the settings popover
// and remembered in the panel page's localStorage. Stored values are validated and clamped,
// so a hand-edited or stale entry can never make the panel keep nothing or everything.
import { PANEL_MAX_DATA_CHARS, PANEL_MAX_FRAMES } from '../src/protocol/constants';

export interface Limits {
  maxFrames: number;
  /** UTF-16 code units of `data` over all frames kept. */
  maxDataChars: number;
}

export const MI = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxFrames: PANEL_MAX_FRAMES,
  maxDataChars: PANEL_MAX_DATA_CHARS,
};

/** Inclusive bounds. One frame's data may be 1 Mi characters, so the data cap is at least that. */
export const LIMIT_RANGE: Record<keyof Limits, [number, number]> = {
  maxFrames: [10, 5_000_000],
  maxDataChars: [MI, 1024 * MI],
};

export const STORAGE_KEY = 'sse-lens:limits';

function clampField(key: keyof Limits, value: unknown): number {
  const [min, max] = LIMIT_RANGE[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_LIMITS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Any value (parsed JSON, form input) as valid limits: defaults for what is missing. */
export function normalizeLimits(value: unknown): Limits {
  const record = typeof value === 'object' && value !== null ? value : {};
  const field = (key: keyof Limits): unknown => (record as Partial<Record<string, unknown>>)[key];
  return {
    maxFrames: clampField('maxFrames', field('maxFrames')),
    maxDataChars: clampField('maxDataChars', field('maxDataChars')),
  };
}

export function loadLimits(storage: Pick<Storage, 'getItem'> | null): Limits {
  const raw = storage?.getItem(STORAGE_KEY);
  if (!raw) return DEFAULT_LIMITS;
  try {
    return normalizeLimits(JSON.parse(raw));
  } catch {
    return DEFAULT_LIMITS;
  }
}

export function saveLimits(storage: Pick<Storage, 'setItem'> | null, limits: Limits): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(normalizeLimits(limits)));
}

/** The panel page's localStorage, or null where it is not available. */
export function panelStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
