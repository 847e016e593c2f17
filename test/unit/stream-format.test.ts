import { describe, expect, it } from 'vitest';
import {
  FIELD_BYTES,
  FIELDS,
  asksForStream,
  formatOfType,
  looksLikeEventStream,
  mimeEssence,
} from '../../src/capture/stream-format';

describe('stream-format', () => {
  it('names the framing from the Content-Type, parameters and case aside', () => {
    expect(formatOfType('text/event-stream; charset=utf-8')).toBe('sse');
    expect(formatOfType(' Text/Event-Stream')).toBe('sse');
    expect(formatOfType('application/x-ndjson')).toBe('ndjson');
    expect(formatOfType('application/jsonl')).toBe('ndjson');
    expect(formatOfType('application/connect+json')).toBe('connect');
    expect(formatOfType('application/json')).toBe('sniff');
    expect(formatOfType('text/plain;charset=utf-8')).toBe('sniff');
    expect(formatOfType('application/octet-stream')).toBe('sniff');
    expect(formatOfType(null)).toBe('sniff');
    expect(formatOfType('text/html')).toBeNull();
    expect(formatOfType('image/png')).toBeNull();
    expect(mimeEssence('A/B ; c=d')).toBe('a/b');
  });

  it('knows a request that asks for a stream', () => {
    expect(asksForStream('text/event-stream', null)).toBe(true);
    expect(asksForStream('application/json, text/event-stream;q=0.9', null)).toBe(true);
    expect(asksForStream('application/x-ndjson', null)).toBe(true);
    expect(asksForStream(null, 'application/connect+json')).toBe(true);
    expect(asksForStream('application/json', 'application/json')).toBe(false);
    expect(asksForStream('*/*', null)).toBe(false);
    expect(asksForStream(null, null)).toBe(false);
  });

  it('recognises the first bytes of an event stream', () => {
    const b = (s: string): Uint8Array => new TextEncoder().encode(s);
    for (const start of [
      'data: x',
      'event: a',
      'id: 1',
      'retry: 5',
      ': hi',
      '\n\ndata: x',
      'data\n',
    ]) {
      expect(looksLikeEventStream(b(start)), start).toBe(true);
      expect(looksLikeEventStream(start), start).toBe(true);
    }
    expect(looksLikeEventStream(b('\uFEFFdata: x'))).toBe(true);
    for (const start of ['{"a":1}', '[1,2]', 'hello', 'database: no', '']) {
      expect(looksLikeEventStream(b(start)), start).toBe(false);
    }
  });

  it('has the byte form of each event-stream field prefix written out right', () => {
    expect(FIELD_BYTES).toEqual(FIELDS.map((f) => [...new TextEncoder().encode(f)]));
  });
});
