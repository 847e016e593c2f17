// parseEventStream on the stream shapes where parsers part ways with the browser: id-only
// blocks, ids holding NUL, BOMs, CR at the very end, unterminated events, bad `retry:`,
// fields without a colon, unknown fields, empty `data:` and `event:` without data. The
// expected values are what Chromium's EventSource dispatched (see test/e2e/conformance.spec.ts).
import { describe, expect, it } from 'vitest';
import { parseEventStream } from '../../src/sse/parse-stream';

function dispatched(text: string, lastEventId = '') {
  const { events, lastEventId: last } = parseEventStream(text, lastEventId);
  return { events: events.map(({ type, id, data }) => ({ type, id, data })), last };
}

describe('parseEventStream edge cases', () => {
  it('lets a block holding only `id:` set the last-event-ID for later events and a reconnect', () => {
    expect(dispatched('id: 7\n\ndata: x\n\nid: 8\n\n')).toEqual({
      events: [{ type: 'message', id: '7', data: 'x' }],
      last: '8',
    });
  });

  it('keeps the previous last-event-ID when an id-only block is never ended by a blank line', () => {
    expect(dispatched('id: 7\n\nid: 8\n').last).toBe('7');
  });

  it('ignores an id field that holds NUL, in blocks with and without data', () => {
    expect(dispatched('id: 1\n\nid: a\0b\ndata: x\n\nid: \0\n\n')).toEqual({
      events: [{ type: 'message', id: '1', data: 'x' }],
      last: '1',
    });
  });

  it('drops one leading BOM, the one UTF-8 decoding drops, and no second one', () => {
    const decoded = (...prefix: number[]) =>
      new TextDecoder().decode(
        Uint8Array.from([...prefix, ...new TextEncoder().encode('data: x\n\n')]),
      );
    expect(dispatched(decoded(0xef, 0xbb, 0xbf)).events).toHaveLength(1);
    expect(dispatched(decoded(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf)).events).toEqual([]);
    expect(dispatched('\uFEFFdata: x\n\n').events).toEqual([]);
  });

  it('keeps the characters "ï»¿" at the start (eventsource-parser would take them for a BOM)', () => {
    expect(dispatched('\u00EF\u00BB\u00BFdata: x\n\ndata: y\n\n').events).toEqual([
      { type: 'message', id: '', data: 'y' },
    ]);
  });

  it('ends a line at a CR that is the last character of the stream', () => {
    expect(dispatched('data: x\r\r').events).toEqual([{ type: 'message', id: '', data: 'x' }]);
    expect(dispatched('id: 3\r\r').last).toBe('3');
  });

  it('discards a final event without its blank line', () => {
    expect(dispatched('data: x\n').events).toEqual([]);
    expect(dispatched('data: x\n\ndata: y').events).toHaveLength(1);
  });

  it('ignores `retry:` with anything but digits', () => {
    for (const value of ['1x', '-1', ' 5', '', '2.5']) {
      const { events, trailer } = parseEventStream(`retry: ${value}\ndata: a\n\nretry: ${value}\n`);
      expect(events[0]).toEqual({ type: 'message', id: '', data: 'a' });
      expect(trailer).toEqual({});
    }
  });

  it('reads a field without a colon as that field with an empty value', () => {
    expect(dispatched('data\n\nid\nevent\ndata: x\n\n', '5')).toEqual({
      events: [
        { type: 'message', id: '5', data: '' },
        { type: 'message', id: '', data: 'x' },
      ],
      last: '',
    });
  });

  it('ignores unknown fields, including misspelt and indented ones', () => {
    expect(dispatched('foo: bar\nData: no\n data: no\nbaz\ndata: x\n\n').events).toEqual([
      { type: 'message', id: '', data: 'x' },
    ]);
  });

  it('dispatches empty `data:` lines as empty lines of data', () => {
    expect(dispatched('data:\n\ndata:\ndata:\n\n').events.map((e) => e.data)).toEqual(['', '\n']);
  });

  it('forgets an `event:` type whose block had no data', () => {
    expect(dispatched('event: ping\n\ndata: x\n\n').events).toEqual([
      { type: 'message', id: '', data: 'x' },
    ]);
  });
});
