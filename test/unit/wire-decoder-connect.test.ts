// The Connect streaming wire decoder: one frame per envelope however the envelopes fall into
// chunks, the end-of-stream envelope summed up, compressed and truncated envelopes noted.
import { describe, expect, it } from 'vitest';
import { createWireDecoder } from '../../src/sse/wire-decoder';
import { bytesOf, decodeAll, decodeChunks, envelope, utf8 } from './support/wire-decoding';

const message = (data: string, note?: string) =>
  note === undefined
    ? { frameKind: 'event', type: 'message', id: '', data }
    : { frameKind: 'event', type: 'message', id: '', data, note };
const endStream = (data: string, note: string) => ({
  frameKind: 'event',
  type: 'end-stream',
  id: '',
  data,
  note,
});

describe('Connect wire decoder: envelopes', () => {
  it('reads several envelopes from one chunk, and one envelope from several chunks', () => {
    const bytes = bytesOf([...envelope(0, '{"a":1}'), ...envelope(0, '{"b":"é"}')]);
    expect(decodeAll('connect', [bytes])).toEqual([message('{"a":1}'), message('{"b":"é"}')]);
    const decoder = createWireDecoder('connect');
    expect(decoder.push(bytes.subarray(0, 3))).toEqual([]);
    expect(decoder.push(bytes.subarray(3, 14))).toEqual([message('{"a":1}')]);
    expect(decoder.push(bytes.subarray(14, 20))).toEqual([]);
    expect(decoder.push(bytes.subarray(20))).toEqual([message('{"b":"é"}')]);
    expect(decoder.end()).toEqual([]);
  });

  it('reads a length above 255 and a payload of many chunks', () => {
    const payload = `{"k":"${'z'.repeat(70_000)}"}`;
    const bytes = envelope(0, payload);
    expect(Array.from(bytes.subarray(1, 5))).toEqual([0, 1, 0x11, 0x78]);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 999) }, (_, i) =>
      bytes.subarray(i * 999, (i + 1) * 999),
    );
    expect(decodeAll('connect', chunks)).toEqual([message(payload)]);
  });

  it('reads an empty payload as an envelope of its own (noted: an empty message is not JSON)', () => {
    const frames = decodeAll('connect', [bytesOf([...envelope(0, ''), ...envelope(0, '3')])]);
    expect(frames.map((f) => f.data)).toEqual(['', '3']);
    expect(frames[0]!.note).toMatch(/^not JSON: /);
    expect(frames[1]!.note).toBeUndefined();
  });

  it('flags a message that is not JSON and decodes invalid UTF-8 as U+FFFD', () => {
    const frames = decodeAll('connect', [
      envelope(0, bytesOf('"a', [0xff], '"')),
      envelope(0, 'x'),
    ]);
    expect(frames[0]).toEqual(message('"a\uFFFD"'));
    expect(frames[1]!.data).toBe('x');
    expect(frames[1]!.note).toMatch(/^not JSON: /);
  });

  it('notes a compressed payload with its size instead of decoding it', () => {
    const gzip = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]);
    expect(decodeAll('connect', [envelope(1, gzip), envelope(1, 'abc')])).toEqual([
      message('', 'compressed payload (gzip), 12 bytes, not decompressed'),
      message('', 'compressed payload, 3 bytes, not decompressed'),
    ]);
  });
});

describe('Connect wire decoder: end of stream', () => {
  it('sums up the error and trailers of the end-of-stream envelope', () => {
    const payload = JSON.stringify({
      error: { code: 'unavailable', message: 'backend down', details: [{ type: 't', value: '' }] },
      metadata: { 'x-a': ['1'], 'x-b': ['2', '3'] },
    });
    expect(decodeAll('connect', [envelope(0, '{}'), envelope(2, payload)])).toEqual([
      message('{}'),
      endStream(payload, 'end of stream: error unavailable: backend down (1 detail); 2 trailers'),
    ]);
  });

  it('says ok when there is no error', () => {
    expect(decodeAll('connect', [envelope(2, '{}')])).toEqual([
      endStream('{}', 'end of stream: ok'),
    ]);
    const withTrailer = '{"metadata":{"x":["1"]}}';
    expect(decodeAll('connect', [envelope(2, withTrailer)])).toEqual([
      endStream(withTrailer, 'end of stream: ok; 1 trailer'),
    ]);
  });

  it('says what is wrong with an end-of-stream envelope that is not a JSON object', () => {
    const [notJson, notObject, noCode] = decodeAll('connect', [
      envelope(2, 'oops'),
      envelope(2, '[1]'),
      envelope(2, '{"error":{}}'),
    ]);
    expect(notJson!.note).toMatch(/^end of stream: not JSON: /);
    expect(notObject!.note).toBe(
      'after the end-of-stream envelope; end of stream: not a JSON object',
    );
    expect(noCode!.note).toBe(
      'after the end-of-stream envelope; end of stream: error without a code',
    );
  });

  it('notes unknown flag bits', () => {
    expect(decodeAll('connect', [envelope(0x80, '1')])).toEqual([
      message('1', 'unknown flags 0x80'),
    ]);
  });
});

describe('Connect wire decoder: truncated envelopes', () => {
  it('flushes an envelope cut inside its payload with expected and received bytes', () => {
    const bytes = envelope(0, '{"a":"bcdef"}');
    expect(decodeChunks('connect', [bytes.subarray(0, 9)])).toEqual({
      pushed: [],
      ended: [message('{"a"', 'truncated: expected 13 payload bytes, received 4')],
    });
    const end = envelope(2, '{"error":{"code":"internal"}}');
    expect(decodeChunks('connect', [end.subarray(0, 7)]).ended).toEqual([
      endStream('{"', 'truncated: expected 29 payload bytes, received 2'),
    ]);
  });

  it('flushes an envelope cut inside its length prefix', () => {
    const bytes = envelope(0, '{}');
    expect(decodeChunks('connect', [bytes.subarray(0, 3)]).ended).toEqual([
      message('', "truncated: the stream ended 3 bytes into an envelope's 5-byte prefix"),
    ]);
  });

  it('reads XHR text by its UTF-8 bytes', () => {
    const text = new TextDecoder().decode(bytesOf([...envelope(0, '"é"'), ...envelope(0, '2')]));
    expect(decodeAll('connect', [text.slice(0, 4), text.slice(4)])).toEqual([
      message('"é"'),
      message('2'),
    ]);
    expect(utf8(text)).toHaveLength(15);
  });
});
