// Display formatting for the panel (clock times, sizes, durations, URLs) in the active
// locale. Pure apart from the locale, so the exact strings the UI shows are pinned down by
// unit tests.
import { formatNumber, intlTag, t } from './i18n/translate';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local wall-clock time with milliseconds: `HH:MM:SS.mmm`. */
export function formatClock(t: number): string {
  const d = new Date(t);
  const hms = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${hms}.${pad(d.getMilliseconds(), 3)}`;
}

const UNITS = ['unit.kb', 'unit.mb', 'unit.gb'] as const;

/**
 * Formatters by locale and digits (making one costs far more than using it), each with the
 * texts it made lately: the frames table formats every row's size at each render, and in a
 * stream most sizes repeat (49 ms of a 50,000-event burst in a CPU profile of the panel).
 */
const fixedFormats = new Map<string, { format: Intl.NumberFormat; texts: Map<number, string> }>();
/** Texts kept per formatter; all are dropped when it is full. */
const MAX_TEXTS = 1_000;

/** A number with exactly `digits` decimals and no grouping, in the locale's digits. */
export function formatFixed(value: number, digits: number): string {
  const tag = intlTag();
  const key = `${tag}|${digits}`;
  let fixed = fixedFormats.get(key);
  if (!fixed) {
    const format = new Intl.NumberFormat(tag, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    fixed = { format, texts: new Map() };
    fixedFormats.set(key, fixed);
  }
  // A Map takes -0 for 0, which formats as "-0".
  if (Object.is(value, -0)) return fixed.format.format(value);
  let text = fixed.texts.get(value);
  if (text === undefined) {
    text = fixed.format.format(value);
    if (fixed.texts.size >= MAX_TEXTS) fixed.texts.clear();
    fixed.texts.set(value, text);
  }
  return text;
}

/** Human-readable size, 1024-based: `512 B`, `1.5 KB`, `2.0 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return t('unit.bytes', { n: formatFixed(n, 0) });
  let value = n / 1024;
  let unit = 0;
  while (Number(value.toFixed(1)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return t(UNITS[unit] ?? 'unit.gb', { n: formatFixed(value, 1) });
}

/** A frame's size, flagged when its data was cut to the capture cap. */
export function formatFrameSize(size: number, truncated: boolean): string {
  return truncated ? t('unit.truncatedSize', { size: formatBytes(size) }) : formatBytes(size);
}

/** Compact elapsed time: `450 ms`, `12.3 s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 1000) return t('unit.ms', { n: formatFixed(Math.round(clamped), 0) });
  if (clamped < 60_000) return t('unit.s', { n: formatFixed(Math.floor(clamped / 100) / 10, 1) });
  const seconds = Math.floor(clamped / 1000);
  if (seconds < 3600) {
    return t('unit.minSec', { m: String(Math.floor(seconds / 60)), s: pad(seconds % 60) });
  }
  return t('unit.hourMin', {
    h: String(Math.floor(seconds / 3600)),
    m: pad(Math.floor(seconds / 60) % 60),
  });
}

/** Integer with the active locale's thousands separators: `1,048,576` in English. */
export function formatCount(n: number): string {
  return formatNumber(n);
}

export interface SplitUrl {
  /** `scheme://host:port`, or empty when the URL has no meaningful origin. */
  origin: string;
  /** Path, query and fragment; the whole input when it does not parse as a URL. */
  path: string;
}

/** Splits a URL so the path can be shown prominently and the origin dimmed. */
export function splitUrl(url: string): SplitUrl {
  // Every row of a connection asks for the same URL: the last answer is kept.
  if (url !== lastSplit.url) lastSplit = { url, split: parseUrl(url) };
  return lastSplit.split;
}

let lastSplit: { url: string; split: SplitUrl } = { url: '', split: { origin: '', path: '' } };

function parseUrl(url: string): SplitUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { origin: '', path: url };
  }
  if (parsed.origin === 'null') return { origin: '', path: url };
  return { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}${parsed.hash}` };
}
