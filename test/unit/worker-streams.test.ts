// Workers' streams as budget snapshots: one per worker, each stream connecting until data
// flows, open after, gone when its request ends; the page's own requests are not listed.
import { describe, expect, it } from 'vitest';
import type { WireRecord } from '../../src/deep-capture/wire-records';
import { WorkerStreams } from '../../src/deep-capture/worker-streams';

const worker = (session: string) =>
  ({ type: 'worker', url: `http://a.test/${session}.js`, session }) as const;
const request = (id: string, session: string | null, t: number): WireRecord => ({
  kind: 'request',
  id,
  t,
  url: 'http://api.test/es',
  api: 'eventsource',
  ...(session === null ? {} : { worker: worker(session) }),
});

describe('worker streams', () => {
  it('lists each worker’s live streams, connecting until data flows, until they end', () => {
    const streams = new WorkerStreams();
    expect(
      streams.apply([request('W:1', 'W', 10), request('V:1', 'V', 11), request('p', null, 12)]),
    ).toBe(true);
    expect(streams.apply([{ kind: 'bytes', id: 'W:1', t: 13, base64: 'OiBvcGVuCgo=' }])).toBe(true);
    // More data changes nothing.
    expect(streams.apply([{ kind: 'bytes', id: 'W:1', t: 14, base64: 'OiBvcGVuCgo=' }])).toBe(
      false,
    );
    expect(
      streams
        .snapshots()
        .map((s) => [
          s.docId,
          s.url,
          s.origin,
          s.connections.map((c) => [c.conn, c.readyState, c.since]),
        ]),
    ).toEqual([
      ['worker-W', 'http://a.test/W.js', 'http://a.test', [[1, 1, 10]]],
      ['worker-V', 'http://a.test/V.js', 'http://a.test', [[2, 0, 11]]],
    ]);
    expect(streams.apply([{ kind: 'end', id: 'W:1', t: 20 }])).toBe(true);
    expect(streams.snapshots().map((s) => s.docId)).toEqual(['worker-V']);
  });
});
