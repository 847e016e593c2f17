// The words on and around the timeline: axis times, reconnect-gap annotations and the
// explanations of queue waits, bursts and stalls. Pure, so the exact wording is tested.
import type { AxisBreak, ReconnectGap, Span } from '../../src/model/timeline';
import { formatClock, formatDuration } from '../format';
import { t } from '../i18n/translate';

/** Axis label: wall-clock seconds, with milliseconds when the ticks are closer than 1 s. */
export function axisLabel(t: number, step: number): string {
  const clock = formatClock(t);
  return step >= 1000 ? clock.slice(0, 8) : clock;
}

/** "retry: unknown · observed 1.5 s · Last-Event-ID 42" (a long and a short form). */
export function gapLabels(gap: ReconnectGap, now: number): { full: string; short: string } {
  const retry =
    gap.retryMs === null
      ? t('tl.retryUnknown')
      : t('tl.retry', { time: formatDuration(gap.retryMs) });
  const observed =
    gap.observedMs === null
      ? t('tl.reconnectingFor', { time: formatDuration(now - gap.from) })
      : t('tl.observed', { time: formatDuration(gap.observedMs) });
  const id =
    gap.lastEventId === '' ? t('tl.noLastEventId') : t('tl.lastEventId', { id: gap.lastEventId });
  return { full: `${retry} · ${observed} · ${id}`, short: observed };
}

export function gapNote(gap: ReconnectGap, now: number): string {
  return t('tl.reconnect', { labels: gapLabels(gap, now).full });
}

export function queueNote(from: number, to: number | null, now: number): string {
  const time = formatDuration((to ?? now) - from);
  return to === null ? t('tl.queuedSoFar', { time }) : t('tl.waited', { time });
}

export function burstNote(span: Span): string {
  return t('tl.burst', {
    frames: String(span.frames),
    time: formatDuration(span.to - span.from),
  });
}

export function stallNote(span: Span): string {
  return t('tl.stall', { time: formatDuration(span.to - span.from) });
}

export function outputStallNote(span: Span): string {
  return t('tl.outputStall', { time: formatDuration(span.to - span.from) });
}

/** The axis mark of a collapsed idle gap: "⋯ 6 d 3 h idle ⋯" (days when it is that long). */
export function breakLabel(b: AxisBreak): string {
  const ms = b.to - b.from;
  const days = Math.floor(ms / 86_400_000);
  const length =
    days > 0
      ? t('tl.daysHours', {
          d: String(days),
          h: String(Math.floor((ms % 86_400_000) / 3_600_000)),
        })
      : formatDuration(ms);
  return t('tl.idle', { length });
}
