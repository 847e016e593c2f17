import { describe, expect, it } from 'vitest';
import { bodyDisplay, headerValue, multipartFields } from '../../panel/request-body';

const body = (text: string, size: number | null = new TextEncoder().encode(text).length) => ({
  text,
  binary: false,
  kept: new TextEncoder().encode(text).length,
  size,
});

describe('bodyDisplay', () => {
  it('pretty-prints JSON, by type or by shape', () => {
    expect(bodyDisplay(body('{"a":[1,2]}'), 'application/json')).toEqual({
      kind: 'json',
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
    });
    expect(bodyDisplay(body('[1]'), 'text/plain').kind).toBe('json');
    expect(bodyDisplay(body('{broken'), 'application/json')).toEqual({
      kind: 'text',
      text: '{broken',
    });
  });

  it('shows a JSON body cut at the cap as text, not as an error', () => {
    expect(bodyDisplay(body('{"a":', 1000), 'application/json').kind).toBe('text');
  });

  it('lists URL-encoded and multipart fields', () => {
    expect(
      bodyDisplay(body('a=1&b=x+y'), 'application/x-www-form-urlencoded;charset=UTF-8'),
    ).toEqual({
      kind: 'fields',
      fields: [
        ['a', '1'],
        ['b', 'x y'],
      ],
    });
    const multipart = [
      '--XB',
      'Content-Disposition: form-data; name="q"',
      '',
      'hello',
      '--XB',
      'Content-Disposition: form-data; name="f"; filename="a.txt"',
      'Content-Type: text/plain',
      '',
      'abc',
      '--XB--',
      '',
    ].join('\r\n');
    expect(bodyDisplay(body(multipart), 'multipart/form-data; boundary=XB')).toEqual({
      kind: 'fields',
      fields: [
        ['q', 'hello'],
        ['f', 'a.txt (text/plain, 3 bytes)'],
      ],
    });
    expect(multipartFields('no boundary', 'multipart/form-data')).toBeNull();
  });

  it('shows binary and empty bodies for what they are', () => {
    expect(bodyDisplay({ text: '', binary: true, kept: 3, size: 3 }, null)).toEqual({
      kind: 'binary',
    });
    expect(bodyDisplay(body(''), null)).toEqual({ kind: 'empty' });
    expect(bodyDisplay(body('plain'), 'text/plain')).toEqual({ kind: 'text', text: 'plain' });
  });

  it('finds a header whatever its case', () => {
    expect(headerValue([['Content-Type', 'a/b']], 'content-type')).toBe('a/b');
    expect(headerValue([], 'content-type')).toBeNull();
  });
});
