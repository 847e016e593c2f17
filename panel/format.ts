// Display formatting for the panel (clock times, sizes, durations, URLs). Pure, so the exact
// strings the UI shows are pinned down by unit tests.

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local wall-clock time with milliseconds: `HH:MM:SS.mmm`. */
export function formatClock(t: number): string {
  const d = new Date(t);
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${hms}.${pad(d.getMilliseconds(), 3)}`;
}

const UNITS = ['KB', 'MB', 'GB'] as const;

/** Human-readable size, 1024-based: `512 B`, `1.5 KB`, `2.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  let value = n / 1024;
  let unit = 0;
  while (Number(value.toFixed(1)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A frame's size, flagged when its data was cut to the capture cap. */
export function formatFrameSize(size: number, truncated: boolean): string {
  return truncated ? `${formatBytes(size)} (truncated)` : formatBytes(size);
}

/** Compact elapsed time: `450 ms`, `12.3 s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 1000) return `${Math.round(clamped)} ms`;
  if (clamped < 60_000) return `${(Math.floor(clamped / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(clamped / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h ${pad(Math.floor(seconds / 60) % 60)}m`;
}

/** Integer with thousands separators, independent of the user's locale: `1,048,576`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count and its noun, agreeing: `1 frame`, `2,000 frames` (regular plurals only). */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

export interface SplitUrl {
  /** `scheme://host:port`, or empty when the URL has no meaningful origin. */
  origin: string;
  /** Path, query and fragment; the whole input when it does not parse as a URL. */
  path: string;
}

/** Splits a URL so the path can be shown prominently and the origin dimmed. */
export function splitUrl(url: string): SplitUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { origin: '', path: url };
  }
  if (parsed.origin === 'null') return { origin: '', path: url };
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}${parsed.hash}` };
}
