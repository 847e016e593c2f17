import { describe, expect, it } from 'vitest';
import type { CapturedRecord } from '../../src/capture/records';
import { packRecords, unpackRecords } from '../../src/protocol/packed-events';

const event = (seq: number, extra: Partial<CapturedRecord> = {}): CapturedRecord =>
  ({
    kind: 'event',
    seq,
    conn: 1 + (seq % 2),
    t: 1_764_536_662_000 + seq / 3,
    type: seq % 3 === 0 ? 'update' : 'message',
    data: `{"n":${seq}}`,
    lastEventId: String(seq),
    origin: 'http://127.0.0.1:8080',
    size: `{"n":${seq}}`.length,
    truncated: false,
    ...extra,
  }) as CapturedRecord;

describe('packed events', () => {
  it('round-trips a mixed batch in seq order, wire frames and cut data included', () => {
    const batch: CapturedRecord[] = [
      {
        kind: 'connection',
        seq: 1,
        conn: 1,
        t: 1,
        url: 'http://a/s',
        withCredentials: false,
        frameUrl: 'http://a/',
        stack: '',
      },
      event(2),
      event(3),
      { kind: 'state', seq: 4, conn: 1, t: 5, readyState: 1 } as CapturedRecord,
      event(5, { data: 'x'.repeat(10), size: 5_000_000, truncated: true, origin: 'http://b' }),
      event(6, { source: 'wire', frameKind: 'comment', note: 'a note' }),
      event(7, { type: '', lastEventId: '', data: '', size: 0 }),
      event(8, { source: 'wire', frameKind: 'retry' }),
      event(9, { source: 'wire', frameKind: 'event' }),
    ];
    const packed = packRecords(batch);
    expect(packed.records.map((r) => r.seq)).toEqual([1, 4, 6]);
    expect(packed.events?.seq).toEqual([2, 3, 5, 7, 8, 9]);
    expect(packed.events?.strings).toEqual([
      'message',
      'http://127.0.0.1:8080',
      'update',
      'http://b',
      '',
      'retry',
      'event',
    ]);
    // What crosses a runtime port is JSON.
    const sent = JSON.parse(JSON.stringify(packed)) as typeof packed;
    expect(unpackRecords(sent.records, sent.events)).toEqual(batch);
  });

  it('costs about half the JSON of the same events as objects', () => {
    const batch = Array.from({ length: 1000 }, (_, i) =>
      event(i + 1, { data: 'x'.repeat(100), size: 100 }),
    );
    const objects = JSON.stringify(batch).length;
    const columns = JSON.stringify(packRecords(batch)).length;
    expect(columns / objects).toBeLessThan(0.65);
  });

  it('leaves a batch without events as it is, and ignores columns that disagree', () => {
    const only = [{ kind: 'listen', seq: 1, conn: 1, t: 1, type: 'x' } as CapturedRecord];
    expect(packRecords(only)).toEqual({ records: only, events: undefined });
    const packed = packRecords([event(1), event(2)]);
    const broken = { ...packed.events!, data: ['only one'] };
    expect(unpackRecords([], broken)).toEqual([]);
    const outside = { ...packed.events!, type: [0, 9] };
    expect(unpackRecords([], outside)).toEqual([]);
    const notAKind = { ...packed.events!, wireKind: [-1, 0] };
    expect(unpackRecords([], notAKind)).toEqual([]);
  });
});
