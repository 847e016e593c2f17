// Chunk-boundary independence: a body gives the same frames however it is cut, at every byte
// offset (inside multi-byte characters, CRLF pairs, a BOM, Connect length prefixes), byte by
// byte, and at every pair of offsets.
import { describe, expect, it } from 'vitest';
import type { StreamFormat } from '../../src/capture/records';
import { bytesOf, cutAt, decodeAll, envelope } from './support/wire-decoding';

const BODIES: Record<StreamFormat, Uint8Array> = {
  sse: bytesOf(
    [0xef, 0xbb, 0xbf],
    ': hi é\r\nretry: 250\rid: 中\r\nevent: π\ndata: 😀x\r\rdata: a\r\ndata:',
    [0xf0, 0x9f],
    '\n\nid: z\n: tail\r\ndata: last',
  ),
  ndjson: bytesOf(
    [0xef, 0xbb, 0xbf],
    '{"a":"é"}\r\n\r\nnot json\n{"b":"😀"}\n{"c":',
    [0xe4, 0xb8],
    '"}\n{"d":',
  ),
  connect: bytesOf(
    [...envelope(0, `{"k":"${'中'.repeat(100)}"}`)],
    [...envelope(1, Uint8Array.from([0x1f, 0x8b, 1]))],
    [...envelope(0, 'nope')],
    [...envelope(2, '{"error":{"code":"internal","message":"ü"},"metadata":{"a":["b"]}}')],
    [...envelope(0, '{"after":true}').subarray(0, 9)],
  ),
};

describe.each(Object.keys(BODIES) as StreamFormat[])('%s decoder over any cut', (format) => {
  const bytes = BODIES[format];
  const whole = decodeAll(format, [bytes]);

  it('gives frames, including the ones end() flushes', () => {
    expect(whole.length).toBeGreaterThan(3);
    expect(whole.at(-1)!.note).toBeDefined();
  });

  it('gives the same frames cut at every byte offset', () => {
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(decodeAll(format, cutAt(bytes, [cut])), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('gives the same frames fed byte by byte', () => {
    const points = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(decodeAll(format, cutAt(bytes, points))).toEqual(whole);
  });

  it('gives the same frames cut at every pair of offsets in the first 120 bytes', () => {
    const span = Math.min(120, bytes.length);
    for (let a = 1; a < span; a++) {
      for (let b = a + 1; b < span; b++) {
        expect(decodeAll(format, cutAt(bytes, [a, b])), `cut at ${a}, ${b}`).toEqual(whole);
      }
    }
  });
});

describe('SSE and NDJSON text (XHR) over any cut', () => {
  it.each(['sse', 'ndjson'] as const)('%s: text cut anywhere gives the bytes’ frames', (format) => {
    const bytes = BODIES[format];
    const text = new TextDecoder().decode(bytes);
    const fromBytes = decodeAll(format, [bytes]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(decodeAll(format, [text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(
        fromBytes,
      );
    }
  });
});
