// The NDJSON wire decoder: one frame per non-empty line, lines that are not JSON flagged and
// kept, the last line without its newline flushed by end().
import { describe, expect, it } from 'vitest';
import { bytesOf, decodeAll, decodeChunks, utf8 } from './support/wire-decoding';

const line = (data: string, note?: string) =>
  note === undefined
    ? { frameKind: 'event', type: 'message', id: '', data }
    : { frameKind: 'event', type: 'message', id: '', data, note };

describe('NDJSON wire decoder', () => {
  it('makes one frame per line, for LF and CRLF, skipping empty lines', () => {
    expect(decodeAll('ndjson', [utf8('{"a":1}\n\n[2]\r\n\r\n"s"\n')])).toEqual([
      line('{"a":1}'),
      line('[2]'),
      line('"s"'),
    ]);
  });

  it('keeps a line that is not JSON, with the parser message in its note', () => {
    const frames = decodeAll('ndjson', [utf8('{"a":1}\nnot json\n{"b":\n')]);
    expect(frames.map((f) => f.data)).toEqual(['{"a":1}', 'not json', '{"b":']);
    expect(frames[0]!.note).toBeUndefined();
    expect(frames[1]!.note).toMatch(/^not JSON: .+/);
    expect(frames[2]!.note).toMatch(/^not JSON: .+/);
    expect(frames[1]!.note).toBe(`not JSON: ${jsonError('not json')}`);
  });

  it('flushes a last line without its newline at end(), noted only when it is not JSON', () => {
    expect(decodeChunks('ndjson', [utf8('{"a":1}\n{"b":2}')])).toEqual({
      pushed: [line('{"a":1}')],
      ended: [line('{"b":2}')],
    });
    expect(decodeChunks('ndjson', [utf8('{"b":2')]).ended).toEqual([
      line('{"b":2', `not JSON: ${jsonError('{"b":2')}`),
    ]);
    expect(decodeChunks('ndjson', [utf8('{"a":1}\r\n')]).ended).toEqual([]);
  });

  it('joins a line received in many chunks', () => {
    const text = `{"k":"${'x'.repeat(1000)}"}\n`;
    const chunks = Array.from({ length: text.length }, (_, i) => text[i]!);
    expect(decodeAll('ndjson', chunks)).toEqual([line(text.trimEnd())]);
  });

  it('decodes UTF-8 across chunks, drops a BOM, and turns invalid bytes into U+FFFD', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], '{"t":"中"}\n{"t":"', [0xc0], '"}\n');
    const frames = decodeAll('ndjson', [
      bytes.subarray(0, 2),
      bytes.subarray(2, 11),
      bytes.subarray(11),
    ]);
    expect(frames).toEqual([line('{"t":"中"}'), line('{"t":"\uFFFD"}')]);
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is JSON`);
}
