import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/protocol/constants';
import { sanitizeHookMessage, sanitizeRecord } from '../../src/protocol/sanitize';

const event = {
  kind: 'event',
  conn: 1,
  t: 1000,
  type: 'message',
  data: 'x',
  lastEventId: '',
  origin: 'http://a',
};

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
    expect(sanitizeRecord(event)).toEqual({ ...event, size: 1, truncated: false });
  });

  it.each([
    ['null', null],
    ['array', [event]],
    ['unknown kind', { ...event, kind: 'evil' }],
    ['non-integer conn', { ...event, conn: 1.5 }],
    ['zero conn', { ...event, conn: 0 }],
    ['NaN time', { ...event, t: Number.NaN }],
    ['object data', { ...event, data: { toString: (): string => 'x' } }],
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
    const r = sanitizeRecord({ ...event, data: big });
    expect(r).toMatchObject({ size: LIMITS.maxDataChars + 123, truncated: true });
    expect(r?.kind === 'event' && r.data.length).toBe(LIMITS.maxDataChars);
  });

  it('caps other strings', () => {
    const r = sanitizeRecord({ ...event, type: 't'.repeat(LIMITS.maxFieldChars * 2) });
    expect(r?.kind === 'event' && r.type.length).toBe(LIMITS.maxFieldChars);
  });
});

describe('sanitizeHookMessage', () => {
  it('counts rejected records and passes the hook drop count', () => {
    const r = sanitizeHookMessage({
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
  });
});
