// The conformance corpus is the same on every run and holds every case it claims to: each
// line terminator at a chunk boundary and at the end, split CRLF and split UTF-8, BOMs, NUL in
// ids, empty and colon-less fields, unknown fields, bad `retry:` and very long lines.
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CORPUS, generateCorpus } from '../support/sse-conformance/corpus';
import { concatChunks } from '../support/sse-conformance/outcome';

const corpus = generateCorpus(CONFORMANCE_CORPUS.size, CONFORMANCE_CORPUS.seed);
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const texts = corpus.map((s) => decoder.decode(concatChunks(s.chunks)));
/** Each stream's chunks as one comparable string. */
const signature = (chunks: readonly Uint8Array[]) =>
  chunks.map((c) => Buffer.from(c).toString('base64')).join('|');
const count = (test: (i: number) => boolean) => corpus.filter((_, i) => test(i)).length;

/** Streams with a chunk boundary right after `end` and before `start` (bytes). */
function boundaries(test: (before: number, after: number | undefined) => boolean): number {
  return corpus.filter((s) =>
    s.chunks.some((c, k) => test(c[c.length - 1] ?? -1, s.chunks[k + 1]?.[0])),
  ).length;
}

describe('conformance corpus', () => {
  it('is the same for the same seed, and different for another', () => {
    const again = generateCorpus(CONFORMANCE_CORPUS.size, CONFORMANCE_CORPUS.seed);
    expect(again.map((s) => signature(s.chunks))).toEqual(corpus.map((s) => signature(s.chunks)));
    const other = generateCorpus(50, CONFORMANCE_CORPUS.seed + 1).map((s) => signature(s.chunks));
    expect(other).not.toEqual(corpus.slice(0, 50).map((s) => signature(s.chunks)));
  });

  it('puts each line terminator at chunk boundaries, CRLF split between chunks included', () => {
    const LF = 0x0a;
    const CR = 0x0d;
    expect(boundaries((b, a) => b === LF && a !== undefined)).toBeGreaterThan(100);
    expect(boundaries((b, a) => b === CR && a === LF)).toBeGreaterThan(100);
    expect(boundaries((b, a) => b === CR && a !== undefined && a !== LF)).toBeGreaterThan(100);
    expect(boundaries((_, a) => a === CR || a === LF)).toBeGreaterThan(100);
  });

  it('ends streams with each terminator and with none', () => {
    expect(count((i) => /[^\r]\n$/.test(texts[i]!))).toBeGreaterThan(100);
    expect(count((i) => /\r\n$/.test(texts[i]!))).toBeGreaterThan(100);
    expect(count((i) => /\r$/.test(texts[i]!))).toBeGreaterThan(100);
    expect(count((i) => /[^\r\n]$/.test(texts[i]!))).toBeGreaterThan(100);
  });

  it('splits multi-byte UTF-8 across chunks', () => {
    expect(
      boundaries((b, a) => b >= 0xc0 && a !== undefined && a >= 0x80 && a < 0xc0),
    ).toBeGreaterThan(20);
  });

  it('holds BOMs, NUL in ids, empty and colon-less fields, unknown fields, bad retry, long lines', () => {
    const has = (pattern: RegExp) => count((i) => pattern.test(texts[i]!));
    expect(has(/^\uFEFF(?!\uFEFF)/)).toBeGreaterThan(100);
    expect(has(/^\uFEFF\uFEFF/)).toBeGreaterThan(10);
    expect(has(/^ï»¿/)).toBeGreaterThan(10);
    expect(has(/^\uFEFF[\r\n]/)).toBeGreaterThan(0);
    expect(has(/(^|[\r\n])id: ?[^\r\n]*\0/)).toBeGreaterThan(100);
    expect(has(/(^|[\r\n])data:(\r|\n)/)).toBeGreaterThan(100);
    expect(has(/(^|[\r\n])(data|id|event)(\r|\n)/)).toBeGreaterThan(100);
    expect(has(/(^|[\r\n])(foo|Data|ID| data|data )/)).toBeGreaterThan(100);
    expect(has(/(^|[\r\n])retry:(?!\d+[\r\n])/)).toBeGreaterThan(100);
    expect(has(/L{100000}/)).toBeGreaterThan(10);
  });
});
