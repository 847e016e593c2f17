// The XMLHttpRequest hook's text helpers: method normalisation, request header combination,
// response header parsing, fragment removal.
import { describe, expect, it } from 'vitest';
import {
  addRequestHeader,
  normaliseMethod,
  parseHeaderLines,
  trimHttpSpace,
  withoutFragment,
} from '../../src/capture/xhr-text';
import { lowerAscii } from '../../src/capture/ascii';

describe('normaliseMethod', () => {
  it('upper-cases the six standard methods whatever their case, keeps any other', () => {
    expect(['get', 'Post', 'pUt', 'delete', 'head', 'options'].map(normaliseMethod)).toEqual([
      'GET',
      'POST',
      'PUT',
      'DELETE',
      'HEAD',
      'OPTIONS',
    ]);
    expect(normaliseMethod('patch')).toBe('patch');
    expect(normaliseMethod('PROPFIND')).toBe('PROPFIND');
  });
});

describe('lowerAscii and trimHttpSpace', () => {
  it('lower-cases ASCII letters only', () => {
    expect(lowerAscii('X-Run-Ä-Z')).toBe('x-run-Ä-z');
    expect(lowerAscii('@ABCDEFGHIJKLMNOPQRSTUVWXYZ[`az{')).toBe('@abcdefghijklmnopqrstuvwxyz[`az{');
  });
  it('trims spaces, tabs, CR and LF at both ends only', () => {
    expect(trimHttpSpace(' \t a b \r\n')).toBe('a b');
    expect(trimHttpSpace('plain')).toBe('plain');
    expect(trimHttpSpace(' \t')).toBe('');
  });
});

describe('addRequestHeader', () => {
  it('keeps names lower case in first-seen order and joins repeats with ", "', () => {
    const list: [string, string][] = [];
    addRequestHeader(list, 'Content-Type', 'application/json', 10);
    addRequestHeader(list, 'X-Run', ' 1 ', 10);
    addRequestHeader(list, 'x-run', '2', 10);
    expect(list).toEqual([
      ['content-type', 'application/json'],
      ['x-run', '1, 2'],
    ]);
  });
  it('keeps at most `max` names but still joins values of kept ones', () => {
    const list: [string, string][] = [];
    addRequestHeader(list, 'a', '1', 1);
    addRequestHeader(list, 'b', '2', 1);
    addRequestHeader(list, 'A', '3', 1);
    expect(list).toEqual([['a', '1, 3']]);
  });
});

describe('parseHeaderLines', () => {
  it('reads CRLF lines as Chromium prints them, in order', () => {
    const text =
      'cache-control: no-cache\r\ncontent-type: text/event-stream; charset=utf-8\r\nx-a: b: c\r\n';
    expect(parseHeaderLines(text, 10, [])).toEqual([
      ['cache-control', 'no-cache'],
      ['content-type', 'text/event-stream; charset=utf-8'],
      ['x-a', 'b: c'],
    ]);
  });
  it('takes bare LF, a last line without an end, lower-cases names, skips lines without a name', () => {
    expect(parseHeaderLines('X-One:1\n: nameless\nno colon\nx-two:  2 ', 10, [])).toEqual([
      ['x-one', '1'],
      ['x-two', '2'],
    ]);
  });
  it('stops at `max` pairs and returns the list it was given', () => {
    const into: [string, string][] = [];
    expect(parseHeaderLines('a: 1\r\nb: 2\r\nc: 3\r\n', 2, into)).toBe(into);
    expect(into).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
  it('answers nothing for an empty text', () => {
    expect(parseHeaderLines('', 10, [])).toEqual([]);
  });
});

describe('withoutFragment', () => {
  it('cuts at the first #', () => {
    expect(withoutFragment('http://h/p?q=1#a#b')).toBe('http://h/p?q=1');
    expect(withoutFragment('http://h/p')).toBe('http://h/p');
  });
});
