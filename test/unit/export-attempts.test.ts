// Attempts derived from readyState transitions: one per request, with how it ended and the
// Last-Event-ID and retry it carried.
import { describe, expect, it } from 'vitest';
import { deriveAttempts } from '../../src/export/attempts';
import type { CaptureTransition } from '../../src/export/capture-types';

const tr = (t: number, readyState: 0 | 1 | 2, cause: CaptureTransition['cause']) => ({
  t,
  readyState,
  cause,
});

describe('deriveAttempts', () => {
  it('splits a reconnecting stream at each error and carries the last id', () => {
    const attempts = deriveAttempts(
      0,
      [
        tr(0, 0, 'create'),
        tr(10, 1, 'open'),
        tr(50, 0, 'error'),
        tr(400, 1, 'open'),
        tr(500, 2, 'close'),
      ],
      [
        { t: 20, id: '1' },
        { t: 50, id: '2', retry: 300 },
        { t: 450, id: '3' },
      ],
    );
    expect(attempts).toEqual([
      { start: 0, open: 10, end: 50, outcome: 'reconnect', retryMs: null, lastEventId: '' },
      { start: 50, open: 400, end: 500, outcome: 'closed', retryMs: 300, lastEventId: '2' },
    ]);
  });

  it('records a failed request, a retry that never opens, and one still going', () => {
    expect(deriveAttempts(5, [tr(5, 0, 'create'), tr(9, 2, 'error')], [])).toEqual([
      { start: 5, open: null, end: 9, outcome: 'failed', retryMs: null, lastEventId: '' },
    ]);
    const retrying = deriveAttempts(
      0,
      [tr(0, 0, 'create'), tr(1, 1, 'open'), tr(2, 0, 'error'), tr(3, 0, 'error')],
      [{ t: 1.5, id: 'a' }],
    );
    expect(retrying.map((a) => [a.start, a.open, a.end, a.outcome, a.lastEventId])).toEqual([
      [0, 1, 2, 'reconnect', ''],
      [2, null, 3, 'reconnect', 'a'],
      [3, null, null, 'ongoing', 'a'],
    ]);
  });

  it('gives a connection created before the capture started one attempt from its first record', () => {
    expect(deriveAttempts(7, [], [])).toEqual([
      { start: 7, open: null, end: null, outcome: 'ongoing', retryMs: null, lastEventId: '' },
    ]);
    expect(deriveAttempts(7, [tr(8, 1, 'open')], [])[0]).toMatchObject({ start: 7, open: 8 });
  });
});
