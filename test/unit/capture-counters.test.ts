import { describe, expect, it } from 'vitest';
import { applyBatch, clearCapture } from '../../src/model/apply-batch';
import {
  captureCounters,
  createCaptureState,
  totalEvicted,
  type CaptureCounters,
} from '../../src/model/capture-state';
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import type { ContentToPanel, Envelope, SourceCounters } from '../../src/protocol/messages';
import { captureNotices } from '../../panel/capture-notices';

const top: DocInfo = { id: 'top', url: 'http://a/', top: true, startedAt: 1 };
const frame: DocInfo = { id: 'frame', url: 'http://b/', top: false, startedAt: 1 };
const none: SourceCounters = {
  malformed: 0,
  staleHook: 0,
  untrackedConnections: 0,
  untrackedRecords: 0,
};
const ev = (seq: number): CapturedRecord => ({
  kind: 'event',
  seq,
  conn: 1,
  t: seq,
  type: 'message',
  data: 'x',
  lastEventId: '',
  origin: '',
  size: 1,
  truncated: false,
});
const batch = (
  doc: DocInfo,
  records: CapturedRecord[],
  lost: number,
  counters: Partial<SourceCounters>,
): Envelope<ContentToPanel, 'records'> => ({
  v: 1,
  type: 'records',
  doc,
  records,
  lost,
  counters: { ...none, ...counters },
  clearedThrough: 0,
  sync: false,
});
const zero: CaptureCounters = {
  evictedAtSource: 0,
  evictedInPanel: 0,
  droppedByHook: 0,
  ...none,
  notRecordedWhilePaused: 0,
  wireUnmatched: 0,
  wireMissed: 0,
};

describe('capture counters', () => {
  it('keeps each cause apart, per document, and sums documents', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top, [ev(1), ev(5)], 2, { malformed: 3, untrackedConnections: 1 }));
    applyBatch(s, batch(frame, [ev(1)], 4, { staleHook: 6, untrackedRecords: 7 }));
    expect(captureCounters(s)).toEqual({
      ...zero,
      evictedAtSource: 3,
      droppedByHook: 6,
      malformed: 3,
      staleHook: 6,
      untrackedConnections: 1,
      untrackedRecords: 7,
    });
    // Only evictions are evictions: what the hook dropped or the checks rejected is not.
    expect(totalEvicted(s)).toBe(3);
  });

  it('takes the latest counts a document sends, and Clear starts them over', () => {
    const s = createCaptureState();
    applyBatch(s, batch(top, [ev(1)], 5, { malformed: 2 }));
    applyBatch(s, batch(top, [ev(2)], 6, { malformed: 4 }));
    expect(captureCounters(s)).toMatchObject({ droppedByHook: 6, malformed: 4 });
    clearCapture(s);
    expect(captureCounters(s)).toEqual(zero);
    // The content script cleared its counts too: what it sends next is what is shown.
    applyBatch(s, batch(top, [ev(3)], 0, { malformed: 1 }));
    expect(captureCounters(s)).toEqual({ ...zero, malformed: 1 });
  });
});

describe('toolbar notices', () => {
  it('shows nothing while nothing was lost', () => {
    expect(captureNotices(zero)).toEqual([]);
  });

  it('gives every cause its own notice, words and tooltip', () => {
    const notices = captureNotices({
      evictedAtSource: 1,
      evictedInPanel: 2,
      droppedByHook: 3,
      malformed: 4,
      staleHook: 5,
      untrackedConnections: 6,
      untrackedRecords: 60,
      notRecordedWhilePaused: 7_000,
      wireUnmatched: 8,
      wireMissed: 9,
    });
    expect(notices.map((n) => [n.testId, n.count, n.text])).toEqual([
      ['notice-stale-hook', 5, '5 records rejected: outdated page hook, reload the page'],
      ['notice-malformed', 4, '4 malformed records rejected'],
      ['notice-untracked', 6, '6 connections not tracked (over the cap)'],
      ['notice-dropped-by-hook', 3, '3 dropped by the page hook'],
      ['notice-evicted-source', 1, "1 evicted from the page's buffer"],
      ['notice-evicted-panel', 2, '2 older records evicted from panel memory'],
      ['notice-paused', 7_000, '7,000 not recorded while paused'],
      ['notice-wire-unmatched', 8, '8 wire records matched no connection'],
      ['notice-wire-missed', 9, '9 streams opened before deep capture: reload to see their wire'],
    ]);
    const tip = (id: string) => notices.find((n) => n.testId === id)?.tooltip ?? '';
    expect(tip('notice-stale-hook')).toMatch(/Reload the page/);
    expect(tip('notice-untracked')).toMatch(/10,000.*60 of their frames/s);
    expect(tip('notice-evicted-source')).toMatch(/50,000 frames and 64 Mi characters/);
    expect(tip('notice-dropped-by-hook')).not.toMatch(/evicted/);
    expect(new Set(notices.map((n) => n.tooltip)).size).toBe(notices.length);
  });
});
