import { describe, expect, it } from 'vitest';
import { LIMITS, PROTOCOL_VERSION } from '../../src/protocol/constants';
import { sanitizeHookMessage, sanitizeRecord } from '../../src/protocol/sanitize';
import type { EventTuple } from '../../src/capture/records';

/** An event as the hook sends it: [conn, t, type, data, lastEventId, origin]. */
const event: EventTuple = [1, 1000, 'message', 'x', '', 'http://a'];
const withField = (i: number, value: unknown): unknown[] =>
  event.map((v, j) => (j === i ? value : v));

describe('sanitizeRecord', () => {
  it('accepts each record kind and copies only known fields', () => {
    const c = sanitizeRecord({
      kind: 'connection',
      conn: 1,
      t: 5,
      url: 'http://a/s',
      withCredentials: false,
      frameUrl: 'http://a/',
      stack: 'at x',
      extra: 'ignored',
    });
    expect(c).toEqual({
      kind: 'connection',
      conn: 1,
      t: 5,
      url: 'http://a/s',
      withCredentials: false,
      frameUrl: 'http://a/',
      stack: 'at x',
    });
    expect(sanitizeRecord({ kind: 'state', conn: 1, t: 5, readyState: 1, cause: 'open' })).toEqual({
      kind: 'state',
      conn: 1,
      t: 5,
      readyState: 1,
      cause: 'open',
    });
    expect(sanitizeRecord({ kind: 'listen', conn: 2, t: 5, type: 'update' })).toEqual({
      kind: 'listen',
      conn: 2,
      t: 5,
      type: 'update',
    });
    expect(sanitizeRecord(event)).toEqual({
      kind: 'event',
      conn: 1,
      t: 1000,
      type: 'message',
      data: 'x',
      lastEventId: '',
      origin: 'http://a',
      size: 1,
      truncated: false,
      seq: 0,
    });
  });

  it('keeps each event its own type and origin when they change from one event to the next', () => {
    const long = 't'.repeat(LIMITS.maxFieldChars + 5);
    const cases: [string, string][] = [
      ['a', 'http://a'],
      ['a', 'http://a'],
      ['b', 'http://a'],
      [long, 'http://b'],
      [long, 'http://b'],
      ['a', 'http://b'],
      [long.slice(0, LIMITS.maxFieldChars), 'http://a'],
    ];
    const seen = cases.map(([type, origin]) => {
      const r = sanitizeRecord([1, 5, type, 'd', '', origin]);
      return r?.kind === 'event' ? [r.type, r.origin] : null;
    });
    expect(seen).toEqual(
      cases.map(([type, origin]) => [type.slice(0, LIMITS.maxFieldChars), origin]),
    );
  });

  it.each([
    ['null', null],
    ['nested array', [event]],
    ['short tuple', event.slice(0, 5)],
    ['long tuple', [...event, 'extra']],
    [
      'an event as an object',
      { kind: 'event', conn: 1, t: 1, type: 'message', data: 'x', lastEventId: '', origin: '' },
    ],
    ['unknown kind', { kind: 'evil', conn: 1, t: 1 }],
    ['non-integer conn', withField(0, 1.5)],
    ['zero conn', withField(0, 0)],
    ['NaN time', withField(1, Number.NaN)],
    ['object data', withField(3, { toString: (): string => 'x' })],
    ['numeric id', withField(4, 7)],
    ['bad readyState', { kind: 'state', conn: 1, t: 1, readyState: 3, cause: 'open' }],
    ['bad cause', { kind: 'state', conn: 1, t: 1, readyState: 1, cause: 'boom' }],
    [
      'missing url',
      { kind: 'connection', conn: 1, t: 1, withCredentials: false, frameUrl: '', stack: '' },
    ],
  ])('rejects %s', (_name, value) => {
    expect(sanitizeRecord(value)).toBeNull();
  });

  it('truncates gigantic data and keeps its true size', () => {
    const big = 'a'.repeat(LIMITS.maxDataChars + 123);
    const r = sanitizeRecord(withField(3, big));
    expect(r).toMatchObject({ size: LIMITS.maxDataChars + 123, truncated: true });
    expect(r?.kind === 'event' && r.data.length).toBe(LIMITS.maxDataChars);
  });

  it('keeps the true size of data the hook already cut', () => {
    const r = sanitizeRecord([...event, LIMITS.maxDataChars * 3]);
    expect(r).toMatchObject({ data: 'x', size: LIMITS.maxDataChars * 3, truncated: true });
  });

  it.each([
    ['a size no longer than the data', 1],
    ['a fractional size', 2.5],
    ['a size as a string', '9'],
  ])('rejects a cut event with %s', (_name, size) => {
    expect(sanitizeRecord([...event, size])).toBeNull();
  });

  it('caps other strings', () => {
    const r = sanitizeRecord(withField(2, 't'.repeat(LIMITS.maxFieldChars * 2)));
    expect(r?.kind === 'event' && r.type.length).toBe(LIMITS.maxFieldChars);
  });
});

describe('sanitizeHookMessage', () => {
  it('counts rejected records and passes the hook drop count', () => {
    const r = sanitizeHookMessage({
      v: PROTOCOL_VERSION,
      type: 'records',
      records: [event, { bad: 1 }, event],
      dropped: 7,
    });
    expect(r.records).toHaveLength(2);
    expect(r.rejected).toBe(1);
    expect(r.dropped).toBe(7);
  });

  it('rejects messages that are not record batches', () => {
    expect(sanitizeHookMessage('hello').rejected).toBe(1);
    expect(sanitizeHookMessage({ type: 'records', records: 'x' }).records).toEqual([]);
    const unversioned = sanitizeHookMessage({ type: 'records', records: [event], dropped: 0 });
    expect(unversioned).toEqual({ records: [], rejected: 1, dropped: 0, staleHook: 0 });
  });

  it('rejects a whole message from a hook of another protocol version, counted apart', () => {
    const stale = { v: PROTOCOL_VERSION + 1, type: 'records', records: [event, event], dropped: 3 };
    expect(sanitizeHookMessage(stale)).toEqual({
      records: [],
      rejected: 0,
      dropped: 0,
      staleHook: 5,
    });
    expect(sanitizeHookMessage({ v: 0, type: 'hello' }).staleHook).toBe(1);
  });
});
