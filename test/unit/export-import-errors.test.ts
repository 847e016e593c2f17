// Malformed and hostile files: each is refused with a message that says what is wrong and
// where, never a crash; the hand-written decoder and the JSON Schema agree on what is valid.
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { decodeCapture } from '../../src/export/decode-capture';
import { importText } from '../../src/export/import-file';
import { ImportError } from '../../src/export/json-read';
import { IMPORT_LIMITS } from '../../src/export/limits';
import { NOW, sampleRecords, stateFrom } from './export-fixtures';
import { schemaErrors } from './export-schema';

const valid = (): CaptureFile =>
  buildCapture(stateFrom(sampleRecords()), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

function errorOf(text: string, name = 'file.json'): string {
  try {
    importText(name, text, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected the import to fail');
}

type Mutation = [string, (f: CaptureFile) => void];

/** Writes past the types on purpose: these are the malformed files under test. */
const set = (target: object | undefined, key: string, value: unknown): void => {
  Reflect.set(target ?? {}, key, value);
};
const del = (target: object | undefined, key: string): void => {
  Reflect.deleteProperty(target ?? {}, key);
};
const conn = (f: CaptureFile) => f.connections[0];
const frame = (f: CaptureFile) => f.connections[0]?.frames[0];

describe('refused imports', () => {
  it('explains what is wrong and where', () => {
    expect(errorOf('{oops')).toMatch(/^not valid JSON/);
    expect(errorOf('[1, 2]')).toMatch(/neither an SSE Lens capture nor a HAR/);
    expect(errorOf('hello world', 'notes.txt')).toMatch(/^not a capture/);
    expect(errorOf('{"format":"other"}')).toBe('format: expected "sse-lens-capture"');
    expect(errorOf(JSON.stringify({ ...valid(), version: 2 }))).toBe(
      'version: this SSE Lens reads version 1 captures, the file is version 2',
    );
    const badTime = valid();
    (badTime.connections[1]?.frames[0] as unknown as { t: string }).t = 'soon';
    expect(errorOf(JSON.stringify(badTime))).toBe(
      'connections[1].frames[0].t: expected a time (epoch ms ≥ 0)',
    );
    expect(errorOf('{"log":{"entries":[{"request":{}}]}}')).toMatch(
      /^log.entries\[0\].response: expected an object/,
    );
    expect(errorOf('{"log":{"entries":[]}}')).toMatch(/^the HAR has no event streams/);
    expect(errorOf(': only a comment\n\n', 'x.sse')).toMatch(/^not a capture/);
    // `data` alone is a data field (Chromium dispatches an empty event); `dataset` is no field.
    expect(errorOf('dataset\n\n', 'x.sse')).toMatch(/^not a capture/);
  });

  it('survives hostile structure: prototype keys, deep nesting, huge counts', () => {
    expect(errorOf('{"__proto__":{"polluted":1},"format":"sse-lens-capture"}')).toBe(
      'capture: unknown property "__proto__"',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toMatch(
      /not valid JSON|neither/,
    );
    const many = {
      ...valid(),
      connections: Array.from({ length: IMPORT_LIMITS.maxConnections + 1 }, () => ({})),
    };
    expect(errorOf(JSON.stringify(many))).toBe(
      `connections: more than ${IMPORT_LIMITS.maxConnections} items`,
    );
    const frames = valid();
    const c = frames.connections[0];
    const frame = c?.frames[0];
    if (c && frame) c.frames = Array.from({ length: IMPORT_LIMITS.maxFrames + 1 }, () => frame);
    expect(errorOf(JSON.stringify(frames))).toMatch(/more than 1,000,000 frames/);
    expect(errorOf('x'.repeat(IMPORT_LIMITS.maxFileBytes + 1))).toMatch(
      /SSE Lens imports files up to 128 MB/,
    );
  });

  it('cuts oversized data like live capture does, keeping its true size', () => {
    const big = valid();
    const frame = big.connections[0]?.frames[0];
    if (frame) frame.data = 'x'.repeat(1024 * 1024 + 5);
    const decoded = decodeCapture(JSON.parse(JSON.stringify(big)));
    expect(decoded.connections[0]?.frames[0]).toMatchObject({
      size: 1024 * 1024 + 5,
      truncated: true,
    });
    expect(decoded.connections[0]?.frames[0]?.data).toHaveLength(1024 * 1024);
  });
});

describe('the decoder and the JSON Schema', () => {
  const accepts = (value: unknown): boolean => {
    try {
      decodeCapture(value);
      return true;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      return false;
    }
  };
  const mutations: Mutation[] = [
    ['unchanged', () => {}],
    [
      'every optional field',
      (f) => {
        set(conn(f), 'pool', {
          key: 'http://127.0.0.1:4000|http://127.0.0.1',
          protocol: 'http/1.1',
        });
        set(conn(f), 'queueWaits', [{ since: 1, until: null, pool: 'p' }]);
        set(conn(f), 'trailer', { comments: ['bye'], retry: 10 });
        set(conn(f), 'imported', { name: 'x.har', format: 'chrome-har', importedAt: 5 });
        Object.assign(frame(f) ?? {}, {
          size: 99,
          truncated: true,
          origin: 'http://o',
          comments: [''],
          retry: 0,
          source: 'wire',
        });
        set(f, 'redaction', {
          queryParams: ['token'],
          urlCredentials: true,
          jsonKeys: [],
          patterns: 2,
          replaced: 3,
        });
      },
    ],
    ['missing format', (f) => del(f, 'format')],
    ['extra top-level property', (f) => set(f, 'extra', 1)],
    ['negative time', (f) => set(f, 'exportedAt', -1)],
    ['fractional count', (f) => set(f, 'evicted', 1.5)],
    ['unknown scope', (f) => set(f, 'scope', 'some')],
    ['connection without id', (f) => del(conn(f), 'id')],
    ['unknown kind', (f) => set(conn(f), 'kind', 'websocket')],
    ['page url a number', (f) => set(conn(f)?.page, 'url', 3)],
    ['readyState 3', (f) => set(conn(f)?.transitions[0], 'readyState', 3)],
    ['unknown outcome', (f) => set(conn(f)?.attempts[0], 'outcome', 'done')],
    ['retryMs negative', (f) => set(conn(f)?.attempts[0], 'retryMs', -5)],
    ['frame without source', (f) => del(frame(f), 'source')],
    ['frame data null', (f) => set(frame(f), 'data', null)],
    ['frame extra property', (f) => set(frame(f), 'html', '<b>')],
    ['comments not strings', (f) => set(frame(f), 'comments', [1])],
    ['pool without protocol', (f) => set(conn(f), 'pool', { key: 'k' })],
    ['queue wait without pool', (f) => set(conn(f), 'queueWaits', [{ since: 1, until: 2 }])],
    ['trailer extra property', (f) => set(conn(f), 'trailer', { note: 'x' })],
    [
      'imported unknown format',
      (f) => set(conn(f), 'imported', { name: 'a', format: 'zip', importedAt: 1 }),
    ],
  ];
  for (const [name, mutate] of mutations) {
    it(`agree on: ${name}`, () => {
      const file = JSON.parse(JSON.stringify(valid())) as CaptureFile;
      mutate(file);
      expect(accepts(file)).toBe(schemaErrors(file).length === 0);
    });
  }
});
