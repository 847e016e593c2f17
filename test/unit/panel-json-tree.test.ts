import { describe, expect, it } from 'vitest';
import { jsonChildren, jsonLeaf, jsonPreview, parseJsonContainer } from '../../panel/json-tree';

describe('parseJsonContainer', () => {
  it('parses objects and arrays, with surrounding whitespace', () => {
    expect(parseJsonContainer(' {"a":1}\n')).toEqual({ a: 1 });
    expect(parseJsonContainer('[1,2]')).toEqual([1, 2]);
  });

  it('rejects primitives, invalid JSON and plain text', () => {
    expect(parseJsonContainer('42')).toBeNull();
    expect(parseJsonContainer('"s"')).toBeNull();
    expect(parseJsonContainer('{"a":')).toBeNull();
    expect(parseJsonContainer('hello')).toBeNull();
    expect(parseJsonContainer('')).toBeNull();
  });
});

describe('jsonChildren', () => {
  it('pages large arrays and reports how many are left', () => {
    const big = Array.from({ length: 250 }, (_, i) => i);
    const { entries, more } = jsonChildren(big, 100);
    expect(entries).toHaveLength(100);
    expect(entries[99]).toEqual(['99', 99]);
    expect(more).toBe(150);
  });

  it('pages object keys in insertion order', () => {
    const { entries, more } = jsonChildren({ b: 1, a: { c: 2 }, z: null }, 2);
    expect(entries).toEqual([
      ['b', 1],
      ['a', { c: 2 }],
    ]);
    expect(more).toBe(1);
  });

  it('reports nothing more when everything fits', () => {
    expect(jsonChildren([], 100)).toEqual({ entries: [], more: 0 });
    expect(jsonChildren({ a: 1 }, 100).more).toBe(0);
  });
});

describe('jsonPreview', () => {
  it('summarises arrays by length and objects by their first keys', () => {
    expect(jsonPreview([1, 2, 3])).toBe('Array(3)');
    expect(jsonPreview({})).toBe('{}');
    expect(jsonPreview({ id: 1, name: 'x' })).toBe('{id, name}');
    expect(jsonPreview({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 })).toBe('{a, b, c, d, e, …}');
  });
});

describe('jsonLeaf', () => {
  it('quotes strings and classifies primitives', () => {
    expect(jsonLeaf('a"b')).toEqual({ kind: 'string', text: '"a\\"b"' });
    expect(jsonLeaf(1.5)).toEqual({ kind: 'number', text: '1.5' });
    expect(jsonLeaf(false)).toEqual({ kind: 'boolean', text: 'false' });
    expect(jsonLeaf(null)).toEqual({ kind: 'null', text: 'null' });
  });
});
