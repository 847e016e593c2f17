// The words on and around the timeline: axis times, reconnect-gap annotations and the
// explanations of queue waits, bursts and stalls. Pure, so the exact wording is tested.
import type { AxisBreak, ReconnectGap, Span } from '../../src/model/timeline';
import { formatClock, formatDuration } from '../format';

/** Axis label: wall-clock seconds, with milliseconds when the ticks are closer than 1 s. */
export function axisLabel(t: number, step: number): string {
  const clock = formatClock(t);
  return step >= 1000 ? clock.slice(0, 8) : clock;
}

/** "retry: unknown · observed 1.5 s · Last-Event-ID 42" (a long and a short form). */
export function gapLabels(gap: ReconnectGap, now: number): { full: string; short: string } {
  const retry = gap.retryMs === null ? 'retry: unknown' : `retry: ${formatDuration(gap.retryMs)}`;
  const observed =
    gap.observedMs === null
      ? `reconnecting for ${formatDuration(now - gap.from)}`
      : `observed ${formatDuration(gap.observedMs)}`;
  const id = gap.lastEventId === '' ? 'no Last-Event-ID' : `Last-Event-ID ${gap.lastEventId}`;
  return { full: `${retry} · ${observed} · ${id}`, short: observed };
}

export function gapNote(gap: ReconnectGap, now: number): string {
  return `Reconnect: ${gapLabels(gap, now).full}`;
}

export function queueNote(from: number, to: number | null, now: number): string {
  const waited = formatDuration((to ?? now) - from);
  return to === null
    ? `Queued behind the connection limit for ${waited} so far`
    : `Waited ${waited} behind the connection limit`;
}

export function burstNote(span: Span): string {
  return `Burst: ${span.frames} frames in ${formatDuration(span.to - span.from)} (the mark of a buffering proxy or a batched flush)`;
}

export function stallNote(span: Span): string {
  return `Stall: ${formatDuration(span.to - span.from)} without a frame, far longer than this stream's usual gap`;
}

export function outputStallNote(span: Span): string {
  return `Output stall: ${formatDuration(span.to - span.from)} between two deltas of the model's output`;
}

/** The axis mark of a collapsed idle gap: "⋯ 6 d 3 h idle ⋯" (days when it is that long). */
export function breakLabel(b: AxisBreak): string {
  const ms = b.to - b.from;
  const days = Math.floor(ms / 86_400_000);
  const length =
    days > 0 ? `${days} d ${Math.floor((ms % 86_400_000) / 3_600_000)} h` : formatDuration(ms);
  return `${length} idle`;
}
