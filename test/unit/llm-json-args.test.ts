import { describe, expect, it } from 'vitest';
import { firstErrorOffset, parseArguments } from '../../src/llm/json-args';

describe('parseArguments', () => {
  it('parses valid arguments', () => {
    expect(parseArguments('{"city":"Paris","days":[1,2.5e3],"ok":true,"x":null}')).toEqual({
      ok: true,
      value: { city: 'Paris', days: [1, 2500], ok: true, x: null },
    });
  });

  it('names the offset where the JSON breaks', () => {
    expect(parseArguments('{"city": Paris}')).toEqual({
      ok: false,
      error: 'invalid JSON at offset 9',
      offset: 9,
    });
  });

  it.each([
    ['{"a":1', 6],
    ['{"a":1,}', 7],
    ['{"a":tru}', 8],
    ['{"a":tru', 8],
    ['{"a":"x\\q"}', 7],
    ['{"a":"line\nbreak"}', 10],
    ['{"a":1} extra', 8],
    ['', 0],
    ['[1 2]', 3],
    ['{"a":-}', 5],
  ])('finds the first error in %j at %i', (text, offset) => {
    expect(firstErrorOffset(text)).toBe(offset);
  });
});
