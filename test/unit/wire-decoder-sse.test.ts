// The SSE wire decoder: events as EventSource dispatches them, comments and `retry:` as frames
// of their own in wire order, line endings, BOM, invalid UTF-8, and what end() flushes.
import { describe, expect, it } from 'vitest';
import { createWireDecoder } from '../../src/sse/wire-decoder';
import { bytesOf, decodeAll, decodeChunks, utf8 } from './support/wire-decoding';

const sse = (text: string, lastEventId?: string) => decodeAll('sse', [utf8(text)], lastEventId);
const event = (data: string, id = '', type = 'message') => ({
  frameKind: 'event',
  type,
  id,
  data,
});
const UNTERMINATED = 'unterminated: the stream ended before the blank line that dispatches it';

describe('SSE wire decoder: events', () => {
  it('dispatches events with their type (message by default) and multi-line data', () => {
    expect(sse('data: a\ndata: b\n\nevent: update\ndata: c\n\nevent:\ndata: d\n\n')).toEqual([
      event('a\nb'),
      event('c', '', 'update'),
      event('d'),
    ]);
  });

  it('gives each event the last-event-ID buffer, which persists across events', () => {
    expect(sse('id: 1\ndata: a\n\ndata: b\n\nid:\ndata: c\n\n')).toEqual([
      event('a', '1'),
      event('b', '1'),
      event('c', ''),
    ]);
  });

  it('starts the buffer at the Last-Event-ID given, and an id-only block changes it', () => {
    expect(sse('data: a\n\nid: 9\n\ndata: b\n\n', '4')).toEqual([event('a', '4'), event('b', '9')]);
  });

  it('ignores an id that holds NULL', () => {
    expect(sse('id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n')).toEqual([
      event('a', '1'),
      event('b', '1'),
    ]);
  });

  it('dispatches nothing for a block without data, and ignores unknown fields', () => {
    expect(sse('event: x\n\nfoo: bar\nData: y\n\n')).toEqual([]);
  });
});

describe('SSE wire decoder: comments and retry', () => {
  it('emits comments and retry values as frames of their own, in wire order', () => {
    expect(sse(': hello\nretry: 3000\ndata: a\n:mid\ndata: b\n\n:\n')).toEqual([
      { frameKind: 'comment', type: '', id: '', data: 'hello' },
      { frameKind: 'retry', type: '', id: '', data: '3000' },
      { frameKind: 'comment', type: '', id: '', data: 'mid' },
      event('a\nb'),
      { frameKind: 'comment', type: '', id: '', data: '' },
    ]);
  });

  it('ignores a retry field that is not all digits, as the browser does', () => {
    expect(sse('retry: 1x\nretry: -1\nretry:\ndata: a\n\n')).toEqual([event('a')]);
  });
});

describe('SSE wire decoder: line endings', () => {
  it('reads LF, CR and CRLF alike, also mixed', () => {
    const lf = 'id: 1\n: c\ndata: a\ndata: b\n\nevent: t\ndata: c\n\n';
    const expected = sse(lf);
    expect(expected).toHaveLength(3);
    expect(sse(lf.replaceAll('\n', '\r'))).toEqual(expected);
    expect(sse(lf.replaceAll('\n', '\r\n'))).toEqual(expected);
    expect(sse('id: 1\r: c\r\ndata: a\ndata: b\r\n\revent: t\ndata: c\r\r')).toEqual(expected);
  });

  it('does not take a CRLF split across chunks for two line ends', () => {
    const frames = decodeAll('sse', [utf8('data: a\r'), utf8('\ndata: b\r'), utf8('\n\r\n')]);
    expect(frames).toEqual([event('a\nb')]);
  });
});

describe('SSE wire decoder: BOM and UTF-8', () => {
  it('drops one leading BOM, even split across chunks', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], 'data: x\n\n');
    expect(decodeAll('sse', [bytes])).toEqual([event('x')]);
    expect(
      decodeAll('sse', [bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)]),
    ).toEqual([event('x')]);
  });

  it('keeps a second BOM, which spoils the first field name, as the browser does', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'data: x\n\ndata: y\n\n');
    expect(decodeAll('sse', [bytes])).toEqual([event('y')]);
  });

  it('keeps the characters "ï»¿" at the start (no BOM, though eventsource-parser would think so)', () => {
    expect(sse('\u00ef\u00bb\u00bfdata: x\n\ndata: y\n\n')).toEqual([event('y')]);
  });

  it('decodes a character split across chunks whole', () => {
    const bytes = utf8('data: π😀\n\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const frames = decodeAll('sse', [bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(frames).toEqual([event('π😀')]);
    }
  });

  it('turns invalid UTF-8 into U+FFFD, and a character the stream cut short too', () => {
    expect(decodeAll('sse', [bytesOf('data: a', [0xff, 0xc3], 'b\n\n')])).toEqual([
      event('a\uFFFD\uFFFDb'),
    ]);
    expect(decodeAll('sse', [bytesOf('data: a', [0xe4, 0xb8])])).toEqual([
      { ...event('a\uFFFD'), note: UNTERMINATED },
    ]);
  });

  it('ends a character the bytes cut short when text follows them', () => {
    expect(decodeAll('sse', [bytesOf('data: a', [0xe4, 0xb8]), 'b\n\n'])).toEqual([
      event('a\uFFFDb'),
    ]);
  });

  it('gives the same frames for XHR text as for the bytes it was decoded from', () => {
    const text = 'id: é\r\n: c\r\ndata: 中\r\n\r\nretry: 5\ndata: x';
    const chunks = [text.slice(0, 9), text.slice(9, 20), text.slice(20)];
    expect(decodeAll('sse', chunks)).toEqual(decodeAll('sse', [utf8(text)]));
  });
});

describe('SSE wire decoder: end of stream', () => {
  it('flushes an event that has no blank line, with a note, from end() only', () => {
    for (const text of ['data: a\n\ndata: b\n', 'data: a\n\ndata: b', 'data: a\n\ndata: b\r']) {
      expect(decodeChunks('sse', [utf8(text)])).toEqual({
        pushed: [event('a')],
        ended: [{ ...event('b'), note: UNTERMINATED }],
      });
    }
  });

  it('flushes an unterminated event with the id and type of its block', () => {
    expect(sse('id: 3\nevent: t\ndata: b')).toEqual([
      { ...event('b', '3', 't'), note: UNTERMINATED },
    ]);
  });

  it('flushes a comment or retry line cut short by the end, with a note', () => {
    const note = 'unterminated: the stream ended before the end of this line';
    expect(decodeChunks('sse', [utf8(': bye')]).ended).toEqual([
      { frameKind: 'comment', type: '', id: '', data: 'bye', note },
    ]);
    expect(decodeChunks('sse', [utf8('retry: 20')]).ended).toEqual([
      { frameKind: 'retry', type: '', id: '', data: '20', note },
    ]);
  });

  it('flushes nothing when the stream ended cleanly', () => {
    for (const text of ['data: a\n\n', 'data: a\r\r', 'data: a\r\n\r\n', '', 'id: 4\n\n']) {
      expect(decodeChunks('sse', [utf8(text)]).ended).toEqual([]);
    }
  });

  it('returns only the frames each chunk completes', () => {
    const decoder = createWireDecoder('sse');
    expect(decoder.push(utf8('data: a\n'))).toEqual([]);
    expect(decoder.push(utf8('\n: c\ndata: b\n'))).toEqual([
      event('a'),
      { frameKind: 'comment', type: '', id: '', data: 'c' },
    ]);
    expect(decoder.push(utf8('\n'))).toEqual([event('b')]);
    expect(decoder.end()).toEqual([]);
  });
});
