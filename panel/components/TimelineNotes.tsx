// The timeline's annotations as text, for screen readers (the canvas's description) and for
// tests: every reconnect gap with its retry, observed delay and Last-Event-ID, and counts of
// bursts, stalls and LLM output stalls per connection.
import type { ReadonlySignal } from '@preact/signals';
import type { LaneModel } from '../timeline/draw';
import { gapNote } from '../timeline/labels';
import { t } from '../i18n/translate';

/** Enough to describe a session; a stream reconnecting thousands of times is summarized. */
const MAX_NOTES = 50;

export function TimelineNotes({ id, models }: { id: string; models: ReadonlySignal<LaneModel[]> }) {
  const now = Date.now();
  const notes: string[] = [];
  for (const lane of models.value) {
    for (const gap of lane.gaps) notes.push(`${lane.label}: ${gapNote(gap, lane.end ?? now)}`);
    const marks = [
      lane.bursts.length > 0 && t('tl.bursts', { count: lane.bursts.length }),
      lane.stalls.length > 0 && t('tl.stalls', { count: lane.stalls.length }),
      lane.outputStalls.length > 0 && t('tl.outputStalls', { count: lane.outputStalls.length }),
    ].filter(Boolean);
    if (marks.length > 0) notes.push(`${lane.label}: ${marks.join(', ')}`);
  }
  const hidden = notes.length - MAX_NOTES;
  return (
    <ul id={id} class="visually-hidden" data-testid="timeline-notes">
      {notes.slice(0, MAX_NOTES).map((note, i) => (
        <li key={i}>{note}</li>
      ))}
      {hidden > 0 && <li>{t('tl.andMore', { count: hidden })}</li>}
    </ul>
  );
}
