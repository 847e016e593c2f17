import { describe, expect, it } from 'vitest';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import { framePredicate, parseQuery, type FrameFilter } from '../../panel/filter';

const frame = (over: Partial<FrameView> = {}): FrameView => ({
  index: 0,
  connection: 'd:1',
  t: 0,
  type: 'message',
  id: '',
  data: '',
  size: 0,
  truncated: false,
  origin: 'http://a',
  ...over,
});

const connections = new Map([
  ['d:1', { url: 'http://a/prices' } as ConnectionView],
  ['d:2', { url: 'http://a/news' } as ConnectionView],
]);

const filter = (over: Partial<FrameFilter>): FrameFilter => ({
  query: { kind: 'all' },
  type: null,
  connection: null,
  ...over,
});

const matches = (text: string, f: FrameView): boolean => {
  const predicate = framePredicate(filter({ query: parseQuery(text) }), connections);
  return predicate === null || predicate(f);
};

describe('parseQuery', () => {
  it('treats blank input as no filter', () => {
    expect(parseQuery('')).toEqual({ kind: 'all' });
    expect(parseQuery('   ')).toEqual({ kind: 'all' });
  });

  it('treats plain text as a literal, case-insensitive substring', () => {
    const q = parseQuery('a.b(');
    expect(q.kind).toBe('match');
    if (q.kind !== 'match') return;
    expect(q.re.test('xA.B(y')).toBe(true);
    expect(q.re.test('axb(')).toBe(false);
  });

  it('parses /source/flags as a regular expression', () => {
    const q = parseQuery('/^id-\\d+$/i');
    expect(q.kind).toBe('match');
    if (q.kind !== 'match') return;
    expect(q.re.source).toBe('^id-\\d+$');
    expect(q.re.flags).toBe('i');
  });

  it('drops the stateful g and y flags', () => {
    const q = parseQuery('/a/gy');
    if (q.kind !== 'match') throw new Error('expected a match query');
    expect(q.re.flags).toBe('');
    expect([q.re.test('a'), q.re.test('a')]).toEqual([true, true]);
  });

  it('reports an invalid regex instead of throwing', () => {
    const q = parseQuery('/[/');
    expect(q.kind).toBe('invalid');
    if (q.kind === 'invalid') expect(q.error).toMatch(/regular expression/i);
    expect(parseQuery('/a/q').kind).toBe('invalid');
  });

  it('treats an unclosed or empty slash pattern as text', () => {
    expect(parseQuery('/api').kind).toBe('match');
    const q = parseQuery('//');
    if (q.kind !== 'match') throw new Error('expected a match query');
    expect(q.re.test('http://x')).toBe(true);
  });
});

describe('framePredicate', () => {
  it('returns null when nothing is filtered, or only an invalid regex is given', () => {
    expect(framePredicate(filter({}), connections)).toBeNull();
    expect(framePredicate(filter({ query: parseQuery('/(/') }), connections)).toBeNull();
  });

  it('matches text against data, type, id and connection URL', () => {
    expect(matches('hello', frame({ data: 'say HELLO' }))).toBe(true);
    expect(matches('tick', frame({ type: 'tick' }))).toBe(true);
    expect(matches('42', frame({ id: 'evt-42' }))).toBe(true);
    expect(matches('prices', frame())).toBe(true);
    expect(matches('news', frame())).toBe(false);
    expect(matches('/^\\{"a"/', frame({ data: '{"a":1}' }))).toBe(true);
  });

  it('filters by event type and connection, combined with the text', () => {
    const frames = [
      frame({ index: 0, type: 'tick', data: 'x' }),
      frame({ index: 1, type: 'tock', data: 'x' }),
      frame({ index: 2, type: 'tick', data: 'y', connection: 'd:2' }),
    ];
    const run = (f: Partial<FrameFilter>): number[] => {
      const predicate = framePredicate(filter(f), connections);
      return frames.filter((fr) => predicate?.(fr) ?? true).map((fr) => fr.index);
    };
    expect(run({ type: 'tick' })).toEqual([0, 2]);
    expect(run({ connection: 'd:2' })).toEqual([2]);
    expect(run({ type: 'tick', query: parseQuery('x') })).toEqual([0]);
  });

  it('filters by connection kind, looked up on the connection', () => {
    const kinds = new Map([
      ['d:1', { url: 'http://a/es', kind: 'eventsource' } as ConnectionView],
      ['d:2', { url: 'http://a/fetch', kind: 'fetch' } as ConnectionView],
    ]);
    const frames = [frame({ index: 0 }), frame({ index: 1, connection: 'd:2' })];
    const run = (kind: FrameFilter['kind']): number[] => {
      const predicate = framePredicate(filter({ kind }), kinds);
      return frames.filter((fr) => predicate?.(fr) ?? true).map((fr) => fr.index);
    };
    expect(run('fetch')).toEqual([1]);
    expect(run('xhr')).toEqual([]);
    expect(framePredicate(filter({ kind: null }), kinds)).toBeNull();
  });

  it('decides once per connection and type, and a connection not known yet once it is', () => {
    const known = new Map<string, ConnectionView>();
    const byUrl = framePredicate(filter({ query: parseQuery('/prices') }), known);
    const byKind = framePredicate(filter({ kind: 'fetch' }), known);
    const late = frame({ connection: 'd:9' });
    expect([byUrl?.(late), byKind?.(late)]).toEqual([false, false]);
    known.set('d:9', { url: 'http://a/prices', kind: 'fetch' } as ConnectionView);
    expect([byUrl?.(late), byKind?.(late)]).toEqual([true, true]);
    // The same connection and type again, with data or id that match or not.
    expect(byUrl?.(frame({ connection: 'd:9', data: 'x' }))).toBe(true);
    const byText = framePredicate(filter({ query: parseQuery('tick') }), connections);
    expect(byText?.(frame({ type: 'tick' }))).toBe(true);
    expect(byText?.(frame({ type: 'tock' }))).toBe(false);
    expect(byText?.(frame({ type: 'tock', id: 'tick-1' }))).toBe(true);
    expect(byText?.(frame({ type: 'tock', data: 'a TICK' }))).toBe(true);
  });
});
